import { describe, expect, it } from 'vitest';
import {
  diffVersions,
  standardVersionStatuses,
  type StandardItemContent,
} from '../../../../domain/standards';
import { translate } from '../../i18n/messages';
import {
  compareCandidates,
  currentVersion,
  defaultCompareTarget,
  diffDirection,
  fieldText,
  filterItems,
  formToItem,
  groupByModule,
  industryText,
  itemToForm,
  lineDiff,
  legalBasisText,
  majorHazardText,
  moduleName,
  moveWithinModule,
  ownDepartmentId,
  presentDiff,
  problemItemCodes,
  sameTags,
  scopeOptions,
  suggestItemCode,
  tagLabel,
  textDiff,
  versionStatusMeta,
  type FieldTextContext,
  type StandardItem,
  type StandardModule,
  type VersionDiff,
  type VersionSummary,
} from './standards-logic';

const modules: StandardModule[] = [
  { code: 'responsibility', name: '安全生产责任制与组织机构', common: true },
  { code: 'training', name: '教育培训与持证上岗', common: true },
  { code: 'hazard', name: '隐患排查治理', common: true },
  { code: 'emergency', name: '应急与事故管理', common: true },
  { code: 'site', name: '场所、设备设施与消防安全', common: true },
  { code: 'footwear_adhesive', name: '鞋革专项一：胶粘剂', common: false },
];

function item(code: string, position: number, over: Partial<StandardItem> = {}): StandardItem {
  return {
    code,
    position,
    module: 'responsibility',
    requirement: `要求 ${code}`,
    legalBasis: [],
    checkMethod: '',
    evidence: '',
    isKey: false,
    tags: [],
    violationTypes: [],
    majorHazard: null,
    ...over,
  };
}

function version(id: string, createdAt: string, over: Partial<VersionSummary> = {}): VersionSummary {
  return {
    id,
    number: id,
    status: 'draft',
    documentNumber: null,
    publishDate: null,
    publishedAt: null,
    filedAt: null,
    supersededAt: null,
    basedOnVersionId: null,
    createdAt,
    ...over,
  };
}

const ctx: FieldTextContext = { locale: 'zh-CN', modules, yes: '是', no: '否', none: '无' };

describe('status labels', () => {
  it('gives every lifecycle status a label in both languages and a colour', () => {
    for (const status of standardVersionStatuses) {
      const meta = versionStatusMeta(status);
      expect(meta.key).not.toBeNull();
      expect(translate('zh-CN', meta.key!)).not.toBe(meta.key);
      expect(translate('en', meta.key!)).not.toBe(meta.key);
    }
    expect(
      ['draft', 'published', 'filed', 'superseded'].map((s) => translate('zh-CN', versionStatusMeta(s).key!)),
    ).toEqual(['草稿', '已发布', '已备案', '已废止']);
    expect(versionStatusMeta('draft').color).not.toBe(versionStatusMeta('filed').color);
  });

  it('shows an unknown status as itself', () => {
    expect(versionStatusMeta('archived')).toEqual({ key: null, color: 'default' });
  });

  it('knows a standard by its filed, else published, else newest version', () => {
    const draft = version('3.0', '2026-03-01', { status: 'draft' });
    const published = version('2.0', '2026-02-01', { status: 'published' });
    const filed = version('1.0', '2026-01-01', { status: 'filed' });
    expect(currentVersion([draft, published, filed])?.id).toBe('1.0');
    expect(currentVersion([draft, published])?.id).toBe('2.0');
    expect(currentVersion([draft])?.id).toBe('3.0');
    expect(currentVersion([])).toBeUndefined();
  });
});

describe('items grouped by module', () => {
  it('follows the module order (5 common, then industry) and the item positions inside each', () => {
    const items = [
      item('FW-30', 3, { module: 'footwear_adhesive', isKey: true }),
      item('FW-02', 2, { module: 'responsibility' }),
      item('FW-20', 5, { module: 'site', isKey: true }),
      item('FW-01', 1, { module: 'responsibility', isKey: true }),
      item('FW-10', 4, { module: 'training' }),
    ];
    const groups = groupByModule(items, modules);
    expect(groups.map((g) => g.module.code)).toEqual(modules.map((m) => m.code));
    expect(groups[0].items.map((i) => i.code)).toEqual(['FW-01', 'FW-02']);
    expect(groups[0].keyCount).toBe(1);
    expect(groups[2].items).toEqual([]); // empty modules stay, so an editor can add to them
    expect(groups[5].items.map((i) => i.code)).toEqual(['FW-30']);
    expect(groups.every((g) => !g.unknown)).toBe(true);
  });

  it('puts items of an undeclared module last, flagged', () => {
    const groups = groupByModule([item('X-1', 1, { module: 'ghost' }), item('A-1', 2)], modules);
    expect(groups.at(-1)).toMatchObject({ module: { code: 'ghost', common: false }, unknown: true });
    expect(groups.at(-1)!.items.map((i) => i.code)).toEqual(['X-1']);
  });

  it('names the common modules in the UI language and industry modules as declared', () => {
    expect(moduleName(modules[1], 'zh-CN')).toBe('教育培训与持证上岗');
    expect(moduleName(modules[1], 'en')).toBe('Training & certificates');
    expect(moduleName(modules[5], 'en')).toBe('鞋革专项一：胶粘剂');
  });

  it('filters by keyword (code, requirement, legal basis), key items and a tag', () => {
    const items = [
      item('FW-01', 1, {
        isKey: true,
        legalBasis: [{ kind: 'law', title: '《中华人民共和国安全生产法》', article: '第四十九条' }],
      }),
      item('FW-02', 2, { requirement: '刷胶间应设置局部排风', tags: ['solvent_adhesive'] }),
    ];
    expect(filterItems(items, { q: '四十九' }).map((i) => i.code)).toEqual(['FW-01']);
    expect(filterItems(items, { q: 'fw-02' }).map((i) => i.code)).toEqual(['FW-02']);
    expect(filterItems(items, { q: '排风' }).map((i) => i.code)).toEqual(['FW-02']);
    expect(filterItems(items, { keyOnly: true }).map((i) => i.code)).toEqual(['FW-01']);
    expect(filterItems(items, { tag: 'solvent_adhesive' }).map((i) => i.code)).toEqual(['FW-02']);
    expect(filterItems(items, { q: '  ' })).toHaveLength(2);
  });
});

describe('ordering', () => {
  const items = [
    item('A', 1, { module: 'responsibility' }),
    item('B', 2, { module: 'training' }),
    item('C', 3, { module: 'responsibility' }),
    item('D', 4, { module: 'responsibility' }),
  ];

  it('swaps an item with its neighbour in the same module, leaving other modules in place', () => {
    expect(moveWithinModule(items, 'C', 'up')).toEqual(['C', 'B', 'A', 'D']);
    expect(moveWithinModule(items, 'C', 'down')).toEqual(['A', 'B', 'D', 'C']);
    expect(moveWithinModule(items, 'A', 'down')).toEqual(['C', 'B', 'A', 'D']);
  });

  it('refuses to move past the ends of the module', () => {
    expect(moveWithinModule(items, 'A', 'up')).toBeNull();
    expect(moveWithinModule(items, 'D', 'down')).toBeNull();
    expect(moveWithinModule(items, 'B', 'up')).toBeNull();
    expect(moveWithinModule(items, 'nope', 'up')).toBeNull();
  });

  it('suggests the next free code of the most used prefix', () => {
    expect(suggestItemCode([{ code: 'FW-01' }, { code: 'FW-09' }, { code: 'X-3' }])).toBe('FW-10');
    expect(suggestItemCode([{ code: 'P-1' }, { code: 'P-2' }])).toBe('P-3');
    expect(suggestItemCode([])).toBe('');
  });
});

describe('item texts', () => {
  it('writes a legal basis as 《title》article without doubling the marks', () => {
    expect(legalBasisText({ title: '《中华人民共和国安全生产法》', article: '第四十九条第二款' })).toBe(
      '《中华人民共和国安全生产法》第四十九条第二款',
    );
    expect(legalBasisText({ title: '中华人民共和国消防法', article: '第二十八条' })).toBe(
      '《中华人民共和国消防法》第二十八条',
    );
    expect(
      legalBasisText({
        title: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）',
        article: '第三条第（一）项',
      }),
    ).toBe('《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第三条第（一）项');
  });

  it('writes the major-hazard link with its source', () => {
    expect(majorHazardText({ source: 'MEM-2023-10', article: '第三条', item: '（一）' }, 'zh-CN')).toBe(
      '工贸重大隐患判定标准 第三条（一）',
    );
    expect(majorHazardText({ source: 'GB-35181', article: '第5.2条' }, 'zh-CN')).toBe('GB 35181 第5.2条');
    expect(majorHazardText({ source: 'MEM-2023-10', article: '第三条' }, 'en')).toBe(
      'MEM Order No. 10 (2023) 第三条',
    );
  });

  it('labels applicability tags from domain/standards.ts', () => {
    expect(tagLabel('confined_space', 'zh-CN')).toBe('存在有限空间作业');
    expect(tagLabel('confined_space', 'en')).toBe('Has confined spaces');
    expect(tagLabel('made_up', 'zh-CN')).toBe('made_up');
  });

  it('shows industry codes with their names', () => {
    const names = new Map([['19', '皮革、毛皮、羽毛及其制品和制鞋业']]);
    expect(industryText('19', names)).toBe('19 皮革、毛皮、羽毛及其制品和制鞋业');
    expect(industryText('1954', names)).toBe('1954');
    expect(
      scopeOptions([
        { code: 'C', name: '制造业' },
        { code: '19', name: '皮革' },
        { code: '1954', name: '塑料鞋制造' },
      ]).map((o) => o.value),
    ).toEqual(['19', '1954']);
  });
});

describe('item form', () => {
  it('round-trips an item, trimming texts and dropping empty rows', () => {
    const original = item('FW-07', 7, {
      isKey: true,
      legalBasis: [{ kind: 'law', title: '《安全生产法》', article: '第四十九条' }],
      majorHazard: { source: 'MEM-2023-10', article: '第三条', item: '（一）' },
      tags: ['leases_premises'],
      violationTypes: ['WSL-49'],
    });
    const form = itemToForm(original);
    const { position: _p, ...content } = original;
    expect(formToItem(form)).toEqual(content);

    const edited = {
      ...form,
      code: ' FW-08 ',
      requirement: '  新要求 ',
      legalBasis: [...form.legalBasis, { kind: 'law' as const, title: ' ', article: '' }],
      violationTypes: ['WSL-49', ' WSL-49 ', ''],
      majorHazard: { source: 'GB-35181' as const, article: ' 第5.2条 ', item: ' ' },
    };
    expect(formToItem(edited)).toMatchObject({
      code: 'FW-08',
      requirement: '新要求',
      legalBasis: [{ kind: 'law', title: '《安全生产法》', article: '第四十九条' }],
      violationTypes: ['WSL-49'],
      majorHazard: { source: 'GB-35181', article: '第5.2条' },
    });
    expect(formToItem(edited).majorHazard).not.toHaveProperty('item');
  });

  it('sends no major-hazard link when no source is chosen', () => {
    const form = itemToForm(null, { module: 'site', code: 'FW-61' });
    expect(form).toMatchObject({ module: 'site', code: 'FW-61', isKey: false });
    expect(
      formToItem({ ...form, requirement: 'x', majorHazard: { source: null, article: '第三条' } }).majorHazard,
    ).toBeNull();
  });
});

describe('version comparison', () => {
  const v1 = version('v1', '2026-01-01T00:00:00Z', { status: 'superseded' });
  const v2 = version('v2', '2026-02-01T00:00:00Z', { status: 'filed', basedOnVersionId: 'v1' });
  const v3 = version('v3', '2026-03-01T00:00:00Z', { status: 'draft', basedOnVersionId: 'v2' });

  it('offers the other versions, newest first, and starts with the one this was drafted from', () => {
    expect(compareCandidates([v1, v3, v2], 'v2').map((v) => v.id)).toEqual(['v3', 'v1']);
    expect(defaultCompareTarget(v3, [v1, v2, v3])).toBe('v2');
    expect(defaultCompareTarget(v1, [v1, v2, v3])).toBe('v3');
    expect(defaultCompareTarget({ ...v2, basedOnVersionId: null }, [v1, v2, v3])).toBe('v1');
    expect(defaultCompareTarget(v1, [v1])).toBeUndefined();
  });

  it('always reads from the older version to the newer', () => {
    expect(diffDirection(v2, v1)).toEqual({ from: 'v1', to: 'v2' });
    expect(diffDirection(v2, v3)).toEqual({ from: 'v2', to: 'v3' });
  });

  const before: StandardItemContent[] = [
    {
      ...item('FW-01', 1, {
        isKey: true,
        legalBasis: [{ kind: 'law', title: '《安全生产法》', article: '第四条' }],
      }),
    },
    { ...item('FW-02', 2, { checkMethod: '查阅记录' }) },
    {
      ...item('FW-03', 3, {
        isKey: true,
        legalBasis: [{ kind: 'law', title: '《安全生产法》', article: '第二十四条' }],
      }),
    },
    { ...item('FW-04', 4) },
  ].map(({ position: _p, ...c }) => c);
  const content = ({ position: _p, ...c }: StandardItem): StandardItemContent => c;
  const after: StandardItemContent[] = [
    {
      ...before[0],
      requirement: '要求 FW-01（每年考核）',
      legalBasis: [{ kind: 'law', title: '《安全生产法》', article: '第二十二条' }],
    },
    { ...before[1], checkMethod: '查阅记录', tags: ['dormitory'], module: 'site' },
    { ...before[3], isKey: true, legalBasis: [{ kind: 'law', title: '《消防法》', article: '第十六条' }] },
    content(item('FW-05', 5, { isKey: false, module: 'footwear_adhesive' })),
  ];
  const diff: VersionDiff = {
    from: { id: 'v1', number: '1.0', standardId: 's' },
    to: { id: 'v2', number: '2.0', standardId: 's' },
    ...diffVersions(before, after),
  };

  it('presents counts, field rows and key changes', () => {
    const view = presentDiff(diff, ctx);
    expect(view.counts).toEqual({ added: 1, removed: 1, changed: 3, key: 3 });
    expect(view.empty).toBe(false);
    expect([...view.keyCodes].sort()).toEqual(['FW-01', 'FW-03', 'FW-04']);

    const fw01 = view.changed.find((c) => c.code === 'FW-01')!;
    expect(fw01.keyChange).toBe(true);
    expect(fw01.keyFlip).toBeNull();
    expect(fw01.fields.map((f) => f.field)).toEqual(['requirement', 'legalBasis']);
    const basis = fw01.fields[1];
    expect(basis).toMatchObject({ before: '《安全生产法》第四条', after: '《安全生产法》第二十二条' });
    expect(basis.segments).toEqual([
      { kind: 'del', text: '《安全生产法》第四条\n' },
      { kind: 'ins', text: '《安全生产法》第二十二条\n' },
    ]);

    const fw02 = view.changed.find((c) => c.code === 'FW-02')!;
    expect(fw02.keyChange).toBe(false);
    expect(fw02.module).toBe('场所、设备设施与消防安全');
    expect(fw02.fields.find((f) => f.field === 'module')).toMatchObject({
      before: '安全生产责任制与组织机构',
      after: '场所、设备设施与消防安全',
      segments: null,
    });
    expect(fw02.fields.find((f) => f.field === 'tags')).toMatchObject({
      before: '无',
      after: '设有员工宿舍',
    });

    const fw04 = view.changed.find((c) => c.code === 'FW-04')!;
    expect(fw04).toMatchObject({ keyChange: true, keyFlip: 'became' });
    expect(fw04.fields.find((f) => f.field === 'isKey')).toMatchObject({ before: '否', after: '是' });

    expect(view.added.map((i) => [i.code, i.moduleLabel])).toEqual([['FW-05', '鞋革专项一：胶粘剂']]);
    expect(view.removed.map((i) => i.code)).toEqual(['FW-03']);
  });

  it('says when nothing changed', () => {
    const view = presentDiff({ ...diff, added: [], removed: [], changed: [], keyItemCodes: [] }, ctx);
    expect(view.empty).toBe(true);
  });

  it('writes every field of an item as text', () => {
    const full = {
      ...before[0],
      tags: ['solvent_adhesive', 'hot_work'],
      violationTypes: ['A', 'B'],
      majorHazard: { source: 'GB-35181', article: '第5章' },
    } as StandardItemContent;
    expect(fieldText('tags', full, ctx)).toBe('使用溶剂型胶粘剂、存在动火、焊接作业');
    expect(fieldText('violationTypes', full, ctx)).toBe('A、B');
    expect(fieldText('majorHazard', full, ctx)).toBe('GB 35181 第5章');
    expect(fieldText('checkMethod', full, ctx)).toBe('无');
    expect(fieldText('module', { ...full, module: 'ghost' }, ctx)).toBe('ghost');
  });
});

describe('lineDiff', () => {
  const side = (segments: ReturnType<typeof lineDiff>, which: 'before' | 'after') =>
    segments
      .filter((s) => s.kind === 'same' || s.kind === (which === 'before' ? 'del' : 'ins'))
      .map((s) => s.text)
      .join('');

  it('keeps unchanged bases and marks replaced ones as whole lines', () => {
    const a = '《安全生产法》第二十四条\n《安全生产法》第二十五条';
    const b = '《安全生产法》第二十四条第一款\n《安全生产法》第二十五条\n《消防法》第十六条';
    const d = lineDiff(a, b);
    expect(side(d, 'before')).toBe(`${a}\n`);
    expect(side(d, 'after')).toBe(`${b}\n`);
    expect(d.filter((s) => s.kind === 'del').map((s) => s.text.trim())).toEqual(['《安全生产法》第二十四条']);
    expect(d.filter((s) => s.kind === 'ins').map((s) => s.text.trim())).toEqual([
      '《安全生产法》第二十四条第一款',
      '《消防法》第十六条',
    ]);
  });

  it('handles one side empty', () => {
    expect(lineDiff('', '《消防法》第十六条')).toEqual([{ kind: 'ins', text: '《消防法》第十六条\n' }]);
    expect(lineDiff('a\nb', 'a\nb')).toEqual([{ kind: 'same', text: 'a\nb\n' }]);
  });
});

describe('textDiff', () => {
  const join = (segments: ReturnType<typeof textDiff>, side: 'before' | 'after') =>
    segments
      .filter((s) => s.kind === 'same' || s.kind === (side === 'before' ? 'del' : 'ins'))
      .map((s) => s.text)
      .join('');

  it('marks the changed characters and keeps both texts recoverable', () => {
    const a = '每季度至少召开一次安全生产工作会议';
    const b = '每月至少召开一次安全生产工作会议并形成纪要';
    const d = textDiff(a, b);
    expect(join(d, 'before')).toBe(a);
    expect(join(d, 'after')).toBe(b);
    expect(d.filter((s) => s.kind === 'del').map((s) => s.text)).toEqual(['季度']);
    expect(d.filter((s) => s.kind === 'ins').map((s) => s.text)).toEqual(['月', '并形成纪要']);
  });

  it('handles equal, empty and oversized texts', () => {
    expect(textDiff('同', '同')).toEqual([{ kind: 'same', text: '同' }]);
    expect(textDiff('', '')).toEqual([]);
    expect(textDiff('', '新')).toEqual([{ kind: 'ins', text: '新' }]);
    expect(textDiff('abcXdef', 'abcYdef', 0)).toEqual([
      { kind: 'same', text: 'abc' },
      { kind: 'del', text: 'X' },
      { kind: 'ins', text: 'Y' },
      { kind: 'same', text: 'def' },
    ]);
  });
});

describe('small helpers', () => {
  it('picks the user’s own department for a new standard', () => {
    expect(
      ownDepartmentId([
        { role: 'subdistrict_officer', unitId: 's1', unitKind: 'subdistrict' },
        { role: 'department_officer', unitId: 'd1', unitKind: 'department' },
      ]),
    ).toBe('d1');
    expect(ownDepartmentId([{ role: 'expert', unitId: 'j', unitKind: 'jurisdiction' }])).toBeUndefined();
  });

  it('reads the item codes of a refused publish', () => {
    expect(
      problemItemCodes([
        { field: 'items/FW-03' },
        { field: 'items/FW-03' },
        { field: 'body/documentNumber' },
        { field: 'items/G.1' },
      ]),
    ).toEqual(['FW-03', 'G.1']);
  });

  it('compares tag lists as sets', () => {
    expect(sameTags(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameTags(['a'], ['a', 'b'])).toBe(false);
  });
});
