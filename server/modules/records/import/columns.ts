import type { AccidentGrade } from '../../../../domain/eligibility.js';

/**
 * The adverse-records spreadsheet: one sheet per kind, named 事故, 处罚 and 失信, columns found by their Chinese
 * headers in any order. The template, the reader and the checks share these definitions.
 */
export type RecordKind = 'accident' | 'penalty' | 'dishonesty';

export interface ImportColumn {
  key: string;
  header: string;
  required: boolean;
  width: number;
  /** what the template's example row shows */
  example: string;
}

export interface ImportSheet {
  kind: RecordKind;
  name: string;
  columns: readonly ImportColumn[];
}

const uscc: ImportColumn = {
  key: 'uscc',
  header: '统一社会信用代码',
  required: true,
  width: 22,
  example: '91330302MA2AB0C3XK',
};
/** for the reader of the sheet only: the enterprise is identified by its code */
const enterpriseName: ImportColumn = {
  key: 'enterpriseName',
  header: '企业名称',
  required: false,
  width: 32,
  example: '温州市鹿城区示例鞋业有限公司',
};

export const importSheets: readonly ImportSheet[] = [
  {
    kind: 'accident',
    name: '事故',
    columns: [
      uscc,
      enterpriseName,
      { key: 'occurredOn', header: '事故日期', required: true, width: 14, example: '2026-03-12' },
      { key: 'grade', header: '事故等级', required: true, width: 12, example: '一般' },
      { key: 'deaths', header: '死亡人数', required: false, width: 10, example: '0' },
      { key: 'seriousInjuries', header: '重伤人数', required: false, width: 10, example: '1' },
      { key: 'directLoss', header: '直接经济损失（元）', required: false, width: 18, example: '180000' },
      { key: 'description', header: '事故简况', required: false, width: 40, example: '冲床作业时右手受伤' },
    ],
  },
  {
    kind: 'penalty',
    name: '处罚',
    columns: [
      uscc,
      enterpriseName,
      { key: 'authority', header: '处罚机关', required: true, width: 20, example: '温州市鹿城区应急管理局' },
      {
        key: 'decisionNumber',
        header: '决定书文号',
        required: true,
        width: 26,
        example: '鹿应急罚〔2026〕12号',
      },
      { key: 'decidedOn', header: '处罚日期', required: true, width: 14, example: '2026-05-20' },
      {
        key: 'violation',
        header: '违法行为',
        required: true,
        width: 32,
        example: '未按规定开展安全生产教育培训',
      },
      { key: 'sanction', header: '处罚内容', required: true, width: 24, example: '罚款人民币二万元' },
      { key: 'workSafety', header: '是否安全生产处罚', required: true, width: 16, example: '是' },
    ],
  },
  {
    kind: 'dishonesty',
    name: '失信',
    columns: [
      uscc,
      enterpriseName,
      { key: 'listedBy', header: '列入机关', required: true, width: 20, example: '温州市应急管理局' },
      { key: 'fromDate', header: '列入日期', required: true, width: 14, example: '2026-06-01' },
      { key: 'toDate', header: '移出日期', required: false, width: 14, example: '' },
      {
        key: 'reason',
        header: '列入原因',
        required: true,
        width: 32,
        example: '发生较大生产安全事故且负有责任',
      },
    ],
  },
];

export const gradeByLabel: Record<string, AccidentGrade> = {
  一般: 'general',
  较大: 'larger',
  重大: 'major',
  特别重大: 'especially_major',
};

/** Header text as people type it: without blanks, with half-width brackets made full-width. */
export function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}
