import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import {
  answerBody,
  applyPatch,
  canSave,
  copySource,
  filterCounts,
  filterGroups,
  groupByModule,
  inProgress,
  isAnswerFilter,
  itemProblems,
  moduleLabel,
  progressOf,
  progressPercent,
  withAnswer,
  type Answer,
  type InspectionDetail,
  type InspectionSummary,
} from './inspections-logic';

function answer(itemCode: string, over: Partial<Answer> = {}): Answer {
  return {
    itemCode,
    position: 0,
    module: 'responsibility',
    requirement: `要求 ${itemCode}`,
    checkMethod: '查资料',
    evidenceHint: '制度文件',
    isKey: false,
    majorHazard: null,
    result: null,
    toReview: false,
    note: '',
    naReason: null,
    evidence: [],
    markedMajor: false,
    answeredAt: null,
    ...over,
  };
}

const answers = [
  answer('S-1', { module: 'site', position: 3, result: 'non_compliant' }),
  answer('R-1', { module: 'responsibility', position: 1, result: 'compliant', isKey: true }),
  answer('X-1', { module: 'footwear_adhesive', position: 5, result: 'compliant', toReview: true }),
  answer('R-2', { module: 'responsibility', position: 2 }),
  answer('S-2', { module: 'site', position: 4, result: 'not_applicable', naReason: '无此设备' }),
];

describe('grouping by module', () => {
  it('orders modules by their first item and items by position', () => {
    const groups = groupByModule(answers);
    expect(groups.map((g) => g.module)).toEqual(['responsibility', 'site', 'footwear_adhesive']);
    expect(groups[0].answers.map((a) => a.itemCode)).toEqual(['R-1', 'R-2']);
    expect(groups[1].answers.map((a) => a.itemCode)).toEqual(['S-1', 'S-2']);
  });

  it('names common modules by language, industry ones as declared, else by code', () => {
    const declared = new Map([['footwear_adhesive', '鞋革专项一']]);
    expect(moduleLabel('site', declared, 'zh-CN')).toBe('场所、设备设施与消防安全');
    expect(moduleLabel('site', declared, 'en')).toBe('Site, equipment & fire safety');
    expect(moduleLabel('footwear_adhesive', declared, 'en')).toBe('鞋革专项一');
    expect(moduleLabel('lessor', declared, 'zh-CN')).toBe('lessor');
  });
});

describe('filters', () => {
  it('counts what each filter shows', () => {
    const problems = new Map([['R-2', ['未作答']]]);
    expect(filterCounts(answers, problems)).toEqual({
      all: 5,
      unanswered: 1,
      toReview: 1,
      nonCompliant: 1,
      key: 1,
      problems: 1,
    });
  });

  it('leaves out modules with nothing to show', () => {
    const groups = filterGroups(groupByModule(answers), 'nonCompliant');
    expect(groups).toHaveLength(1);
    expect(groups[0].module).toBe('site');
    expect(groups[0].answers.map((a) => a.itemCode)).toEqual(['S-1']);
  });

  it('recognises filter names from the URL', () => {
    expect(isAnswerFilter('toReview')).toBe(true);
    expect(isAnswerFilter('bogus')).toBe(false);
    expect(isAnswerFilter(undefined)).toBe(false);
  });
});

describe('progress', () => {
  it('counts like the server: an item to review is not answered', () => {
    expect(progressOf(answers)).toEqual({
      items: 5,
      answered: 3,
      toReview: 1,
      compliant: 2,
      nonCompliant: 1,
      notApplicable: 1,
    });
    expect(progressPercent({ items: 5, answered: 3 })).toBe(60);
    expect(progressPercent({ items: 0, answered: 0 })).toBe(0);
    expect(progressPercent({ items: 3, answered: 2 })).toBe(66);
  });

  it('moves when an answer is replaced', () => {
    const detail = { answers, progress: progressOf(answers) } as unknown as InspectionDetail;
    const next = withAnswer(detail, applyPatch(answers[3], { result: 'compliant' }));
    expect(next.progress.answered).toBe(4);
    expect(next.answers.find((a) => a.itemCode === 'R-2')?.result).toBe('compliant');
  });
});

describe('answers', () => {
  it('keeps the N/A reason and the major mark only where they apply', () => {
    const na = applyPatch(answer('A'), { result: 'not_applicable', naReason: '无' });
    expect(na.naReason).toBe('无');
    const back = applyPatch(na, { result: 'non_compliant', markedMajor: true });
    expect(back.naReason).toBeNull();
    expect(back.markedMajor).toBe(true);
    expect(applyPatch(back, { result: 'compliant' }).markedMajor).toBe(false);
  });

  it('clears "to review" once the item is answered again', () => {
    expect(applyPatch(answers[2], { result: 'compliant' }).toReview).toBe(false);
  });

  it('builds the full PUT body', () => {
    const a = applyPatch(answer('A', { evidence: ['abc'] }), { result: 'not_applicable', naReason: '  无  ', note: 'x' });
    expect(answerBody(a)).toEqual({ result: 'not_applicable', note: 'x', naReason: '无', evidence: ['abc'], markedMajor: false });
  });

  it('waits for the N/A reason before saving', () => {
    expect(canSave(applyPatch(answer('A'), { result: 'not_applicable' }))).toBe(false);
    expect(canSave(applyPatch(answer('A'), { result: 'not_applicable', naReason: ' ' }))).toBe(false);
    expect(canSave(applyPatch(answer('A'), { result: 'not_applicable', naReason: '无' }))).toBe(true);
    expect(canSave(applyPatch(answer('A'), { result: null }))).toBe(true);
  });
});

describe('completion problems', () => {
  it('maps answers/<code> errors onto items', () => {
    const problem = new ApiProblem({
      status: 400,
      code: 'INSPECTION_ITEM_UNANSWERED',
      title: 'x',
      errors: [
        { field: 'answers/R-2', code: 'INSPECTION_ITEM_UNANSWERED', message: '未作答或待复核' },
        { field: 'answers/S-2', code: 'INSPECTION_NA_WITHOUT_REASON', message: '请说明理由' },
        { field: 'answers/R-2', code: 'INSPECTION_KEY_ITEM_NO_EVIDENCE', message: '须上传证据' },
        { field: 'body/note', code: 'X', message: 'ignored' },
      ],
    });
    const map = itemProblems(problem, 'zh-CN');
    expect([...map.keys()]).toEqual(['R-2', 'S-2']);
    expect(map.get('R-2')).toEqual(['未作答或待复核', '须上传证据']);
    expect(itemProblems(new Error('x'), 'zh-CN').size).toBe(0);
  });
});

describe('list helpers', () => {
  const summary = (over: Partial<InspectionSummary>) => ({ ...over }) as InspectionSummary;
  const items = [
    summary({ id: '3', kind: 'self', status: 'in_progress', abilities: { answer: true, complete: true, copy: false } }),
    summary({ id: '2', kind: 'agency_first', status: 'completed', abilities: { answer: false, complete: false, copy: false } }),
    summary({ id: '1', kind: 'self', status: 'completed', abilities: { answer: false, complete: false, copy: true } }),
    summary({ id: '0', kind: 'self', status: 'completed', abilities: { answer: false, complete: false, copy: true } }),
  ];
  it('finds the newest completed one to copy and the one in progress', () => {
    expect(copySource(items, 'self')?.id).toBe('1');
    expect(copySource(items, 'agency_first')).toBeUndefined();
    expect(inProgress(items, 'self')?.id).toBe('3');
    expect(inProgress(items, 'agency_first')).toBeUndefined();
  });
});
