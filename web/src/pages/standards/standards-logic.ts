/**
 * Pure logic of the standards pages: status labels, items grouped by module, legal-basis and major-hazard texts,
 * ordering moves, the item form ↔ request body, and the presentation of a version diff. No React here, so it is
 * tested in node (standards-logic.test.ts).
 */
import {
  applicabilityTags,
  commonModules,
  standardVersionStatuses,
  type LegalBasis,
  type MajorHazardLink,
  type StandardVersionStatus,
} from '../../../../domain/standards';
import type { RequestBody, ResponseBody } from '../../api/types';
import type { Locale, MessageKey } from '../../i18n';

export type Standard = ResponseBody<'/api/standards', 'get'>[number];
export type VersionSummary = Standard['versions'][number];
export type VersionDetail = ResponseBody<'/api/standard-versions/{id}', 'get'>;
export type StandardItem = VersionDetail['items'][number];
export type StandardModule = VersionDetail['modules'][number];
export type VersionDiff = ResponseBody<'/api/standard-versions/{id}/diff', 'get'>;
export type DiffItem = VersionDiff['added'][number];
export type Template = ResponseBody<'/api/standards/templates', 'get'>[number];
export type Industry = ResponseBody<'/api/industries', 'get'>[number];
export type ItemBody = RequestBody<'/api/standard-versions/{id}/items', 'post'>;
export type CreateStandardBody = RequestBody<'/api/standards', 'post'>;
export type TagCode = ItemBody['tags'][number];

// ---------------------------------------------------------------------------------------------------------------
// version status

export function isVersionStatus(value: string): value is StandardVersionStatus {
  return (standardVersionStatuses as readonly string[]).includes(value);
}

const statusMeta: Record<StandardVersionStatus, { key: MessageKey; color: string }> = {
  draft: { key: 'standards.status.draft', color: 'gold' },
  published: { key: 'standards.status.published', color: 'blue' },
  filed: { key: 'standards.status.filed', color: 'green' },
  superseded: { key: 'standards.status.superseded', color: 'default' },
};

/** 草稿 / 已发布 / 已备案 / 已废止 and the tag colour; an unknown status shows as itself in grey. */
export function versionStatusMeta(status: string): { key: MessageKey | null; color: string } {
  return isVersionStatus(status) ? statusMeta[status] : { key: null, color: 'default' };
}

/** The version a standard is known by: the filed or published one, else the newest (the list is newest first). */
export function currentVersion(versions: readonly VersionSummary[]): VersionSummary | undefined {
  return (
    versions.find((v) => v.status === 'filed') ??
    versions.find((v) => v.status === 'published') ??
    versions[0]
  );
}

/** Newest first by creation time (the server sends them so; this keeps the order when versions are merged). */
export function sortVersions<V extends { createdAt: string }>(versions: readonly V[]): V[] {
  return [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

// ---------------------------------------------------------------------------------------------------------------
// modules, tags, legal basis, major hazards

/** A module's name in the UI's language: the common five from domain/standards.ts, industry ones as declared. */
export function moduleName(module: Pick<StandardModule, 'code' | 'name'>, locale: Locale): string {
  const common = commonModules.find((m) => m.code === module.code);
  if (common) return locale === 'zh-CN' ? common.zh : common.en;
  return module.name;
}

export function tagLabel(code: string, locale: Locale): string {
  const tag = applicabilityTags.find((t) => t.code === code);
  if (!tag) return code;
  return locale === 'zh-CN' ? tag.zh : tag.en;
}

export const tagOptions = (locale: Locale) =>
  applicabilityTags.map((t) => ({ value: t.code as TagCode, label: locale === 'zh-CN' ? t.zh : t.en }));

/** 《中华人民共和国安全生产法》第四十九条: the title gets book-title marks unless it already has them. */
export function legalBasisText(basis: Pick<LegalBasis, 'title' | 'article'>): string {
  const title = basis.title.trim();
  const marked = title.startsWith('《') ? title : `《${title}》`;
  return `${marked}${basis.article.trim()}`;
}

export const majorHazardSources: Record<
  MajorHazardLink['source'],
  { short: Record<Locale, string>; full: Record<Locale, string> }
> = {
  'MEM-2023-10': {
    short: { 'zh-CN': '工贸重大隐患判定标准', en: 'MEM Order No. 10 (2023)' },
    full: {
      'zh-CN': '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）',
      en: 'Criteria for Major Accident Hazards in Industry and Trade Enterprises (MEM Order No. 10 of 2023)',
    },
  },
  'GB-35181': {
    short: { 'zh-CN': 'GB 35181', en: 'GB 35181' },
    full: {
      'zh-CN': 'GB 35181《重大火灾隐患判定方法》',
      en: 'GB 35181 Determination of major fire hazards',
    },
  },
};

/** 工贸重大隐患判定标准 第三条（一） / GB 35181 第5.2条 */
export function majorHazardText(link: MajorHazardLink, locale: Locale): string {
  const source = majorHazardSources[link.source]?.short[locale] ?? link.source;
  return `${source} ${link.article.trim()}${link.item?.trim() ?? ''}`;
}

/** "19" → "19 皮革、毛皮、羽毛及其制品和制鞋业" (the code alone when the name is unknown). */
export function industryText(code: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(code);
  return name ? `${code} ${name}` : code;
}

// ---------------------------------------------------------------------------------------------------------------
// items by module, filtering, ordering

export interface ModuleGroup {
  module: StandardModule;
  items: StandardItem[];
  keyCount: number;
  /** the item names a module the version does not declare (cannot be published) */
  unknown: boolean;
}

/**
 * Items grouped by module, in the version's module order (five common, then industry modules); each group keeps
 * the items' positions. Empty modules are kept (an editor adds items to them); items whose module the version
 * does not declare come last, one group per such module.
 */
export function groupByModule(
  items: readonly StandardItem[],
  modules: readonly StandardModule[],
): ModuleGroup[] {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const groups: ModuleGroup[] = modules.map((module) => ({ module, items: [], keyCount: 0, unknown: false }));
  const byCode = new Map(groups.map((g) => [g.module.code, g]));
  for (const item of sorted) {
    let group = byCode.get(item.module);
    if (!group) {
      group = {
        module: { code: item.module, name: item.module, common: false },
        items: [],
        keyCount: 0,
        unknown: true,
      };
      byCode.set(item.module, group);
      groups.push(group);
    }
    group.items.push(item);
    if (item.isKey) group.keyCount += 1;
  }
  return groups;
}

export interface ItemFilter {
  q?: string;
  keyOnly?: boolean;
  tag?: string;
}

/** Keyword (code, requirement, legal basis, check method, evidence), key items only, one applicability tag. */
export function filterItems<I extends StandardItem>(items: readonly I[], filter: ItemFilter): I[] {
  const q = filter.q?.trim().toLowerCase();
  return items.filter((item) => {
    if (filter.keyOnly && !item.isKey) return false;
    if (filter.tag && !(item.tags as string[]).includes(filter.tag)) return false;
    if (!q) return true;
    const haystack = [
      item.code,
      item.requirement,
      item.checkMethod,
      item.evidence,
      ...item.legalBasis.map(legalBasisText),
      ...item.violationTypes,
    ]
      .join('\n')
      .toLowerCase();
    return haystack.includes(q);
  });
}

/**
 * The order of all codes after moving one item up or down past its neighbour in the same module (items of
 * other modules keep their places). Null when it cannot move (first / last of its module, or unknown).
 */
export function moveWithinModule(
  items: readonly StandardItem[],
  code: string,
  direction: 'up' | 'down',
): string[] | null {
  const order = [...items].sort((a, b) => a.position - b.position);
  const index = order.findIndex((i) => i.code === code);
  if (index < 0) return null;
  const module = order[index].module;
  const step = direction === 'up' ? -1 : 1;
  let other = index + step;
  while (other >= 0 && other < order.length && order[other].module !== module) other += step;
  if (other < 0 || other >= order.length) return null;
  const codes = order.map((i) => i.code);
  [codes[index], codes[other]] = [codes[other], codes[index]];
  return codes;
}

/** A code for a new item: the most common prefix of the version's codes with the next free number (FW-61). */
export function suggestItemCode(items: readonly Pick<StandardItem, 'code'>[]): string {
  const counts = new Map<string, { n: number; width: number; max: number }>();
  for (const { code } of items) {
    const m = /^(.*?)(\d+)$/.exec(code);
    if (!m) continue;
    const entry = counts.get(m[1]) ?? { n: 0, width: m[2].length, max: 0 };
    entry.n += 1;
    entry.max = Math.max(entry.max, Number(m[2]));
    entry.width = Math.max(entry.width, m[2].length);
    counts.set(m[1], entry);
  }
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0];
  if (!best) return '';
  const taken = new Set(items.map((i) => i.code));
  let next = best[1].max + 1;
  let code = `${best[0]}${String(next).padStart(best[1].width, '0')}`;
  while (taken.has(code)) {
    next += 1;
    code = `${best[0]}${String(next).padStart(best[1].width, '0')}`;
  }
  return code;
}

// ---------------------------------------------------------------------------------------------------------------
// item form ↔ body

export interface ItemFormValues {
  code: string;
  module: string;
  requirement: string;
  isKey: boolean;
  legalBasis: { kind: LegalBasis['kind']; title: string; article: string }[];
  checkMethod: string;
  evidence: string;
  tags: TagCode[];
  violationTypes: string[];
  majorHazard: { source?: MajorHazardLink['source'] | null; article?: string; item?: string };
}

export const itemFormFields = [
  'code',
  'module',
  'requirement',
  'isKey',
  'legalBasis',
  'checkMethod',
  'evidence',
  'tags',
  'violationTypes',
  'majorHazard',
] as const;

export function itemToForm(
  item: DiffItem | null,
  defaults: { module?: string; code?: string } = {},
): ItemFormValues {
  if (!item) {
    return {
      code: defaults.code ?? '',
      module: defaults.module ?? '',
      requirement: '',
      isKey: false,
      legalBasis: [],
      checkMethod: '',
      evidence: '',
      tags: [],
      violationTypes: [],
      majorHazard: { source: null, article: '', item: '' },
    };
  }
  return {
    code: item.code,
    module: item.module,
    requirement: item.requirement,
    isKey: item.isKey,
    legalBasis: item.legalBasis.map((b) => ({ ...b })),
    checkMethod: item.checkMethod,
    evidence: item.evidence,
    tags: [...item.tags],
    violationTypes: [...item.violationTypes],
    majorHazard: item.majorHazard
      ? {
          source: item.majorHazard.source,
          article: item.majorHazard.article,
          item: item.majorHazard.item ?? '',
        }
      : { source: null, article: '', item: '' },
  };
}

/** Trimmed texts; empty legal-basis rows dropped; no major-hazard link unless a source is chosen. */
export function formToItem(values: ItemFormValues): ItemBody {
  const hazard = values.majorHazard ?? {};
  const item = hazard.item?.trim();
  return {
    code: values.code.trim(),
    module: values.module,
    requirement: values.requirement.trim(),
    isKey: values.isKey === true,
    legalBasis: (values.legalBasis ?? [])
      .filter((b) => b && (b.title?.trim() || b.article?.trim()))
      .map((b) => ({ kind: b.kind, title: b.title?.trim() ?? '', article: b.article?.trim() ?? '' })),
    checkMethod: values.checkMethod?.trim() ?? '',
    evidence: values.evidence?.trim() ?? '',
    tags: values.tags ?? [],
    violationTypes: [...new Set((values.violationTypes ?? []).map((v) => v.trim()).filter((v) => v !== ''))],
    majorHazard: hazard.source
      ? { source: hazard.source, article: hazard.article?.trim() ?? '', ...(item ? { item } : {}) }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// version comparison

/** Other versions of the same standard, newest first. */
export function compareCandidates(versions: readonly VersionSummary[], currentId: string): VersionSummary[] {
  return sortVersions(versions).filter((v) => v.id !== currentId);
}

/** The version to compare with first: the one this was drafted from, else the next older one, else any. */
export function defaultCompareTarget(
  current: Pick<VersionSummary, 'id' | 'basedOnVersionId' | 'createdAt'>,
  versions: readonly VersionSummary[],
): string | undefined {
  const others = compareCandidates(versions, current.id);
  if (current.basedOnVersionId && others.some((v) => v.id === current.basedOnVersionId)) {
    return current.basedOnVersionId;
  }
  return (others.find((v) => v.createdAt < current.createdAt) ?? others[0])?.id;
}

/** Diffs read from older to newer: which version is "from" and which "to". */
export function diffDirection(
  current: Pick<VersionSummary, 'id' | 'createdAt'>,
  other: Pick<VersionSummary, 'id' | 'createdAt'>,
): { from: string; to: string } {
  return other.createdAt <= current.createdAt
    ? { from: other.id, to: current.id }
    : { from: current.id, to: other.id };
}

export type DiffField = keyof DiffItem;

export const fieldLabelKeys: Record<DiffField, MessageKey> = {
  code: 'standards.field.code',
  module: 'standards.field.module',
  requirement: 'standards.field.requirement',
  legalBasis: 'standards.field.legalBasis',
  checkMethod: 'standards.field.checkMethod',
  evidence: 'standards.field.evidence',
  isKey: 'standards.field.isKey',
  tags: 'standards.field.tags',
  violationTypes: 'standards.field.violationTypes',
  majorHazard: 'standards.field.majorHazard',
};

export interface FieldTextContext {
  locale: Locale;
  modules: readonly Pick<StandardModule, 'code' | 'name'>[];
  yes: string;
  no: string;
  none: string;
}

/** One field of an item as text, for the before / after columns of a diff. */
export function fieldText(field: DiffField, item: DiffItem, ctx: FieldTextContext): string {
  switch (field) {
    case 'module': {
      const module = ctx.modules.find((m) => m.code === item.module);
      return module ? moduleName(module, ctx.locale) : item.module;
    }
    case 'isKey':
      return item.isKey ? ctx.yes : ctx.no;
    case 'legalBasis':
      return item.legalBasis.length ? item.legalBasis.map(legalBasisText).join('\n') : ctx.none;
    case 'tags':
      return item.tags.length ? item.tags.map((t) => tagLabel(t, ctx.locale)).join('、') : ctx.none;
    case 'violationTypes':
      return item.violationTypes.length ? item.violationTypes.join('、') : ctx.none;
    case 'majorHazard':
      return item.majorHazard ? majorHazardText(item.majorHazard, ctx.locale) : ctx.none;
    case 'code':
    case 'requirement':
    case 'checkMethod':
    case 'evidence':
      return item[field] || ctx.none;
    default:
      return '';
  }
}

export interface TextSegment {
  kind: 'same' | 'del' | 'ins';
  text: string;
}

/** Longest-common-subsequence difference of two token lists, merged into runs (each token's text joined). */
function diffTokens(a: readonly string[], b: readonly string[], maxCells: number): TextSegment[] {
  const out: TextSegment[] = [];
  const push = (kind: TextSegment['kind'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  // common head and tail first: most edits touch a small part of a long text
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  ) {
    end += 1;
  }
  push('same', a.slice(0, start).join(''));
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  if (x.length * y.length > maxCells) {
    push('del', x.join(''));
    push('ins', y.join(''));
  } else {
    // lcs[i][j] = length of the LCS of x[i..] and y[j..]
    const lcs: number[][] = Array.from({ length: x.length + 1 }, () =>
      new Array<number>(y.length + 1).fill(0),
    );
    for (let i = x.length - 1; i >= 0; i -= 1) {
      for (let j = y.length - 1; j >= 0; j -= 1) {
        lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        push('same', x[i]);
        i += 1;
        j += 1;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        push('del', x[i]);
        i += 1;
      } else {
        push('ins', y[j]);
        j += 1;
      }
    }
    push('del', x.slice(i).join(''));
    push('ins', y.slice(j).join(''));
  }
  push('same', a.slice(a.length - end).join(''));
  return out;
}

/**
 * Character-level difference of two texts: what was removed from `before` and inserted in `after`. Texts too
 * long for the table fall back to "all removed, all inserted".
 */
export function textDiff(before: string, after: string, maxCells = 400_000): TextSegment[] {
  return diffTokens([...before], [...after], maxCells);
}

/**
 * Line-level difference (legal bases: one per line), so a replaced basis shows as one line out, one line in.
 * Every line keeps its newline, so each side reads as its text plus a final newline (invisible in pre-wrap).
 */
export function lineDiff(before: string, after: string): TextSegment[] {
  const lines = (text: string) => (text === '' ? [] : text.split('\n').map((l) => `${l}\n`));
  return diffTokens(lines(before), lines(after), 400_000);
}

/** Fields whose change is shown inline (character marks, or line marks for legal bases). */
const proseFields = new Set<DiffField>(['requirement', 'checkMethod', 'evidence']);

export interface FieldChange {
  field: DiffField;
  labelKey: MessageKey;
  before: string;
  after: string;
  /** for prose fields: the character-level marks */
  segments: TextSegment[] | null;
}

export interface ChangedItemView {
  code: string;
  keyChange: boolean;
  /** the item became key, or stopped being key */
  keyFlip: 'became' | 'dropped' | null;
  module: string;
  requirement: string;
  fields: FieldChange[];
}

export interface DiffPresentation {
  counts: { added: number; removed: number; changed: number; key: number };
  changed: ChangedItemView[];
  added: (DiffItem & { moduleLabel: string })[];
  removed: (DiffItem & { moduleLabel: string })[];
  keyCodes: ReadonlySet<string>;
  empty: boolean;
}

/** The diff as the page shows it: field rows with before / after texts, key changes flagged. */
export function presentDiff(diff: VersionDiff, ctx: FieldTextContext): DiffPresentation {
  const moduleLabel = (code: string) => fieldText('module', { module: code } as DiffItem, ctx);
  const changed = diff.changed.map((c): ChangedItemView => {
    const fields = c.fields.filter((f): f is DiffField => f in fieldLabelKeys);
    return {
      code: c.code,
      keyChange: c.keyChange,
      keyFlip: c.before.isKey === c.after.isKey ? null : c.after.isKey ? 'became' : 'dropped',
      module: moduleLabel(c.after.module),
      requirement: c.after.requirement,
      fields: fields.map((field) => {
        const before = fieldText(field, c.before, ctx);
        const after = fieldText(field, c.after, ctx);
        return {
          field,
          labelKey: fieldLabelKeys[field],
          before,
          after,
          segments: proseFields.has(field)
            ? textDiff(before, after)
            : field === 'legalBasis'
              ? lineDiff(before, after)
              : null,
        };
      }),
    };
  });
  return {
    counts: {
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      key: diff.keyItemCodes.length,
    },
    changed,
    added: diff.added.map((i) => ({ ...i, moduleLabel: moduleLabel(i.module) })),
    removed: diff.removed.map((i) => ({ ...i, moduleLabel: moduleLabel(i.module) })),
    keyCodes: new Set(diff.keyItemCodes),
    empty: diff.added.length + diff.removed.length + diff.changed.length === 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// publishing problems

/** The item codes a refused publish names (`items/FW-03` field errors). */
export function problemItemCodes(errors: readonly { field: string }[]): string[] {
  return [
    ...new Set(
      errors.map((e) => /^(?:body\/)?items\/(.+)$/.exec(e.field)?.[1]).filter((c): c is string => !!c),
    ),
  ];
}

/** The DOM id of an item's block on the version page (publish problems link to it). */
export const itemAnchor = (code: string) => `std-item-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The department a new standard belongs to by default: the user's own (department officer or bureau). */
export function ownDepartmentId(
  roles: readonly { role: string; unitId: string | null; unitKind: string | null }[],
): string | undefined {
  const owning = ['department_officer', 'bureau_admin', 'bureau_reviewer'];
  return (
    roles.find((r) => owning.includes(r.role) && r.unitKind === 'department' && r.unitId)?.unitId ?? undefined
  );
}

/** Industry codes a standard's scope may name (GB/T 4754 divisions, groups and classes: 2 to 4 digits). */
export function scopeOptions(industries: readonly Industry[]): { value: string; label: string }[] {
  return industries
    .filter((i) => /^[0-9]{2,4}$/.test(i.code))
    .map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }));
}

/** Two tag lists declare the same situations (order does not matter). */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
