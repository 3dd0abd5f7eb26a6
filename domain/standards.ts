/**
 * Compliance standards ("5+X"): five common modules every standard has, plus industry-specific modules.
 * Pure rules shared by the server, the web UI and the reference data loader.
 */
import { canonicalJson } from './canonical-json.js';
import type { TransitionTable } from './transitions.js';

export const commonModules = [
  { code: 'responsibility', zh: '安全生产责任制与组织机构', en: 'Responsibility system & organisation' },
  { code: 'training', zh: '教育培训与持证上岗', en: 'Training & certificates' },
  { code: 'hazard', zh: '隐患排查治理', en: 'Hazard self-inspection & rectification' },
  { code: 'emergency', zh: '应急与事故管理', en: 'Emergency & accident management' },
  { code: 'site', zh: '场所、设备设施与消防安全', en: 'Site, equipment & fire safety' },
] as const;

export type CommonModuleCode = (typeof commonModules)[number]['code'];

/** Declared facts about an enterprise that make extra items apply. */
export const applicabilityTags = [
  { code: 'solvent_adhesive', zh: '使用溶剂型胶粘剂', en: 'Uses solvent-based adhesives' },
  { code: 'spray_painting', zh: '设有喷涂、调漆或刷胶作业间', en: 'Has spraying, paint-mixing or gluing rooms' },
  { code: 'dust_explosion', zh: '存在可燃性粉尘爆炸风险', en: 'Dust explosion risk' },
  { code: 'confined_space', zh: '存在有限空间作业', en: 'Has confined spaces' },
  { code: 'liquid_ammonia', zh: '使用液氨制冷', en: 'Uses liquid ammonia refrigeration' },
  { code: 'leases_premises', zh: '出租厂房或场地给其他单位', en: 'Leases premises to others' },
  { code: 'tenant', zh: '租用他人厂房或场地（厂中厂、园区入驻）', en: 'Tenant in another party’s premises' },
  { code: 'dormitory', zh: '设有员工宿舍', en: 'Has staff dormitories' },
  { code: 'special_equipment', zh: '使用锅炉、压力容器、叉车等特种设备', en: 'Uses special equipment' },
  { code: 'hot_work', zh: '存在动火、焊接作业', en: 'Hot work / welding' },
] as const;

export type ApplicabilityTag = (typeof applicabilityTags)[number]['code'];

export function isApplicabilityTag(value: string): value is ApplicabilityTag {
  return applicabilityTags.some((t) => t.code === value);
}

export interface LegalBasis {
  /** law 法律 / regulation 行政法规·部门规章·地方性法规 / standard 国家·行业标准 / normative 规范性文件 */
  kind: 'law' | 'regulation' | 'standard' | 'normative';
  title: string;
  /** article and item, e.g. 第四十九条第二款 or 第 5.3.2 条 */
  article: string;
}

export interface MajorHazardLink {
  /** e.g. 'MEM-2023-10' (应急管理部令第10号《工贸企业重大事故隐患判定标准》) or 'GB-35181' */
  source: 'MEM-2023-10' | 'GB-35181';
  article: string;
  item?: string;
}

export interface StandardItemContent {
  code: string;
  /** one of the common module codes, or an industry module code declared by the version */
  module: string;
  requirement: string;
  legalBasis: LegalBasis[];
  checkMethod: string;
  evidence: string;
  isKey: boolean;
  tags: ApplicabilityTag[];
  violationTypes: string[];
  majorHazard: MajorHazardLink | null;
}

export const standardVersionStatuses = ['draft', 'published', 'filed', 'superseded'] as const;
export type StandardVersionStatus = (typeof standardVersionStatuses)[number];
export type StandardVersionAction = 'publish' | 'file' | 'supersede';

/**
 * draft → published (the owning department) → filed (the bureau records 备案) → superseded (a newer version of
 * the same standard was published). A published version never changes.
 */
export const standardVersionTransitions: TransitionTable<StandardVersionStatus, StandardVersionAction> = {
  draft: { publish: 'published' },
  published: { file: 'filed', supersede: 'superseded' },
  filed: { supersede: 'superseded' },
  superseded: {},
};

/** Item problems that stop a version from being published. */
export type ItemProblem = 'STANDARD_KEY_ITEM_WITHOUT_BASIS' | 'STANDARD_ITEM_UNKNOWN_MODULE';

export function itemProblems(item: StandardItemContent, moduleCodes: ReadonlySet<string>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (item.isKey && item.legalBasis.length === 0) problems.push('STANDARD_KEY_ITEM_WITHOUT_BASIS');
  if (!moduleCodes.has(item.module)) problems.push('STANDARD_ITEM_UNKNOWN_MODULE');
  return problems;
}

/** An item applies when it has no tags, or the enterprise declares at least one of them. */
export function itemApplies(item: Pick<StandardItemContent, 'tags'>, declared: ReadonlySet<string>): boolean {
  return item.tags.length === 0 || item.tags.some((t) => declared.has(t));
}

/** Does an industry scope (GB/T 4754 code prefixes) cover an industry code? */
export function scopeCovers(scope: readonly string[], industryCode: string): boolean {
  return scope.some((prefix) => industryCode.startsWith(prefix));
}

/** Two scopes overlap when some code would be covered by both: one prefix starts with the other. */
export function scopesOverlap(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (const x of a) for (const y of b) if (x.startsWith(y) || y.startsWith(x)) out.push(x.length >= y.length ? x : y);
  return [...new Set(out)];
}

const comparedFields: (keyof StandardItemContent)[] = [
  'module',
  'requirement',
  'legalBasis',
  'checkMethod',
  'evidence',
  'isKey',
  'tags',
  'violationTypes',
  'majorHazard',
];

export interface ItemChange {
  code: string;
  fields: (keyof StandardItemContent)[];
  before: StandardItemContent;
  after: StandardItemContent;
  /** the item is key in either version and something changed, or it became / stopped being key */
  keyChange: boolean;
}

export interface VersionDiff {
  added: StandardItemContent[];
  removed: StandardItemContent[];
  changed: ItemChange[];
  /** codes of key items added, removed or changed: what supplementary advice letters are about */
  keyItemCodes: string[];
}

/** key order differs between what was typed and what jsonb returns: compare canonically */
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Items are matched by code across versions. */
export function diffVersions(from: readonly StandardItemContent[], to: readonly StandardItemContent[]): VersionDiff {
  const before = new Map(from.map((i) => [i.code, i]));
  const after = new Map(to.map((i) => [i.code, i]));
  const added = to.filter((i) => !before.has(i.code));
  const removed = from.filter((i) => !after.has(i.code));
  const changed: ItemChange[] = [];
  for (const a of to) {
    const b = before.get(a.code);
    if (!b) continue;
    const fields = comparedFields.filter((f) => !same(b[f], a[f]));
    if (fields.length > 0) changed.push({ code: a.code, fields, before: b, after: a, keyChange: b.isKey || a.isKey });
  }
  const keyItemCodes = [
    ...added.filter((i) => i.isKey).map((i) => i.code),
    ...removed.filter((i) => i.isKey).map((i) => i.code),
    ...changed.filter((c) => c.keyChange).map((c) => c.code),
  ];
  return { added, removed, changed, keyItemCodes };
}
