/**
 * Pure logic of the registry pages: URL state → API queries, the industry tree, USCC hints while typing,
 * form values → request bodies, and the summary of an import. No React here, so it is tested in node.
 */
import {
  operatingStatusLabels,
  scaleLabels,
  type OperatingStatus,
  type Scale,
} from '../../../../domain/registry-labels';
import {
  normaliseUscc,
  USCC_CHARSET,
  usccProblem,
  usccProblemMessages,
  type UsccProblem,
} from '../../../../domain/uscc';
import type { MeBinding, QueryOf, RequestBody, ResponseBody } from '../../api/types';
import type { Locale, MessageKey } from '../../i18n';

export type Enterprise = ResponseBody<'/api/enterprises', 'get'>['items'][number];
export type EnterpriseDetail = ResponseBody<'/api/enterprises/{id}', 'get'>;
export type EnterpriseListQuery = QueryOf<'/api/enterprises'>;
export type EnterpriseFilterQuery = QueryOf<'/api/enterprises/export'>;
export type CreateEnterpriseBody = RequestBody<'/api/enterprises', 'post'>;
export type UpdateEnterpriseBody = RequestBody<'/api/enterprises/{id}', 'patch'>;
export type Industry = ResponseBody<'/api/industries', 'get'>[number];
export type Park = ResponseBody<'/api/parks', 'get'>[number];
export type ImportRecord = ResponseBody<'/api/enterprise-imports/{id}', 'get'>;

// ---------------------------------------------------------------------------------------------------------------
// list filters in the URL

/** URL keys of the enterprise list (short, so shared links stay readable). */
export const enterpriseSearchKeys = [
  'q',
  'sub',
  'ind',
  'park',
  'scale',
  'status',
  'host',
  'sort',
  'order',
  'page',
  'size',
] as const;
export type EnterpriseSearchKey = (typeof enterpriseSearchKeys)[number];
export type EnterpriseSearch = Partial<Record<EnterpriseSearchKey, string>>;

export const sortFields = ['name', 'uscc', 'updatedAt', 'employeeCount'] as const;
export type SortField = (typeof sortFields)[number];
export const pageSizes = [20, 50, 100] as const;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isScale = (v: string | undefined): v is Scale => v !== undefined && v in scaleLabels;
export const isOperatingStatus = (v: string | undefined): v is OperatingStatus =>
  v !== undefined && v in operatingStatusLabels;
const isSortField = (v: string | undefined): v is SortField =>
  v !== undefined && (sortFields as readonly string[]).includes(v);

function positive(value: string | undefined, fallback: number, max = Infinity): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= max ? n : fallback;
}

/**
 * The filters of the URL as the API takes them (list and export share them). Values a hand-edited URL got wrong
 * (not a uuid, not a scale) are dropped instead of being sent for a 400.
 */
export function enterpriseFilterQuery(search: EnterpriseSearch): EnterpriseFilterQuery {
  const out: EnterpriseFilterQuery = {};
  const q = search.q?.trim();
  if (q) out.q = q.slice(0, 100);
  if (search.sub && uuid.test(search.sub)) out.subdistrictId = search.sub;
  if (search.ind && /^[0-9A-Z]{1,10}$/.test(search.ind)) out.industryCode = search.ind;
  if (search.park && uuid.test(search.park)) out.parkId = search.park;
  if (isScale(search.scale)) out.scale = search.scale;
  if (isOperatingStatus(search.status)) out.status = search.status;
  if (search.host && uuid.test(search.host)) out.hostEnterpriseId = search.host;
  return out;
}

/** Filters, sorting and paging of the URL as the list query. */
export function enterpriseListQuery(search: EnterpriseSearch): EnterpriseListQuery {
  const query: EnterpriseListQuery = {
    ...enterpriseFilterQuery(search),
    page: positive(search.page, 1),
    pageSize: (pageSizes as readonly number[]).includes(Number(search.size)) ? Number(search.size) : 20,
  };
  if (isSortField(search.sort)) {
    query.sort = search.sort;
    query.order = search.order === 'desc' ? 'desc' : 'asc';
  }
  return query;
}

/** The query string of a filter set (stable key order), e.g. for a link to the filtered list. */
export function filterSearchString(filter: EnterpriseFilterQuery): string {
  const byKey: Record<keyof EnterpriseFilterQuery, EnterpriseSearchKey> = {
    q: 'q',
    subdistrictId: 'sub',
    industryCode: 'ind',
    parkId: 'park',
    scale: 'scale',
    status: 'status',
    hostEnterpriseId: 'host',
  };
  const params = new URLSearchParams();
  for (const key of Object.keys(byKey) as (keyof EnterpriseFilterQuery)[]) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(byKey[key], String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Whether any filter (not paging or sorting) is set. */
export function hasFilters(search: EnterpriseSearch): boolean {
  return Object.keys(enterpriseFilterQuery(search)).length > 0;
}

/** antd's sort order of a column, from the URL. */
export function columnSortOrder(search: EnterpriseSearch, field: SortField): 'ascend' | 'descend' | null {
  if (search.sort !== field) return null;
  return search.order === 'desc' ? 'descend' : 'ascend';
}

/** The URL patch for antd's sorter (a third click clears the sort). */
export function sortPatch(
  field: unknown,
  order: 'ascend' | 'descend' | null | undefined,
): Pick<EnterpriseSearch, 'sort' | 'order'> & { page: null } {
  if (!order || typeof field !== 'string' || !isSortField(field)) {
    return { sort: undefined, order: undefined, page: null };
  }
  return { sort: field, order: order === 'descend' ? 'desc' : undefined, page: null };
}

// ---------------------------------------------------------------------------------------------------------------
// industries (GB/T 4754-2017)

export interface IndustryNode {
  value: string;
  title: string;
  /** sections (letters) group divisions but are no filter of their own: the code of an enterprise is numeric */
  selectable: boolean;
  children?: IndustryNode[];
}

/**
 * The industries as a tree: a section (letter) holds the divisions listed after it; a numeric code hangs under
 * the longest listed code it starts with (1951 under 195 under 19). The server lists them in this order.
 */
export function buildIndustryTree(list: readonly Industry[]): IndustryNode[] {
  const roots: IndustryNode[] = [];
  const byCode = new Map<string, IndustryNode>();
  let section: IndustryNode | null = null;
  for (const { code, name } of list) {
    const node: IndustryNode = { value: code, title: `${code} ${name}`, selectable: /^\d/.test(code) };
    byCode.set(code, node);
    if (/^[A-Z]$/.test(code)) {
      section = node;
      roots.push(node);
      continue;
    }
    let parent: IndustryNode | undefined;
    for (let len = code.length - 1; len >= 2 && !parent; len--) parent = byCode.get(code.slice(0, len));
    parent ??= section ?? undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

// ---------------------------------------------------------------------------------------------------------------
// USCC while typing

/** A code that passes every rule, cut to the length typed so far and appended to it (see usccTypingProblem). */
const validFiller = '910000000000000000';

/**
 * The rule a partly typed USCC already breaks, judged from what is there: characters, authority, category and
 * division as soon as they are typed, the organisation code once 17 characters are in, everything at 18.
 * Null while nothing is wrong yet (also for an empty field; "required" is another rule).
 */
export function usccTypingProblem(input: string): UsccProblem | null {
  const code = normaliseUscc(input);
  if (code.length === 0) return null;
  if (code.length > 18) return 'USCC_LENGTH';
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return 'USCC_CHARSET';
  if (code.length === 18) return usccProblem(code);
  const problem = usccProblem(code + validFiller.slice(code.length));
  if (problem === 'USCC_ORG_CODE_CHECK') return code.length >= 17 ? problem : null;
  return problem === 'USCC_CHECK_DIGIT' ? null : problem;
}

/** The full check of a finished entry (a short code is USCC_LENGTH here). */
export function usccFinalProblem(input: string): UsccProblem | null {
  const code = normaliseUscc(input);
  return code.length === 0 ? null : usccProblem(code);
}

/** The message of a USCC rule: the domain's Chinese text, or the English one from the dictionary. */
export function usccMessage(problem: UsccProblem, locale: Locale, t: (key: MessageKey) => string): string {
  return locale === 'zh-CN' ? usccProblemMessages[problem] : t(`registry.uscc.${problem}`);
}

// ---------------------------------------------------------------------------------------------------------------
// forms

export interface EnterpriseFormValues {
  uscc: string;
  name: string;
  legalRepresentative: string;
  registeredAddress?: string | null;
  operatingAddress?: string | null;
  subdistrictId: string;
  industryCode: string;
  scale: Scale;
  employeeCount?: number | null;
  contactName?: string | null;
  contactPhone?: string | null;
  safetyManagerName?: string | null;
  safetyManagerPhone?: string | null;
  operatingStatus: OperatingStatus;
  parkId?: string | null;
  hostEnterpriseId?: string | null;
}

export const enterpriseFieldNames = [
  'uscc',
  'name',
  'legalRepresentative',
  'registeredAddress',
  'operatingAddress',
  'subdistrictId',
  'industryCode',
  'scale',
  'employeeCount',
  'contactName',
  'contactPhone',
  'safetyManagerName',
  'safetyManagerPhone',
  'operatingStatus',
  'parkId',
  'hostEnterpriseId',
] as const satisfies readonly (keyof EnterpriseFormValues)[];

/** What an enterprise itself may keep current (the server's `updateContacts`). */
export const contactFieldNames = [
  'contactName',
  'contactPhone',
  'safetyManagerName',
  'safetyManagerPhone',
] as const satisfies readonly (keyof EnterpriseFormValues)[];

const text = (v: string | null | undefined): string | null => {
  const s = v?.trim();
  return s ? s : null;
};

/**
 * Form values as the create body: trimmed, empty optional text as null, the USCC normalised. An empty employee
 * count is left out rather than sent as null: the server's request coercion turns a null integer into 0.
 */
export function createEnterpriseBody(v: EnterpriseFormValues): CreateEnterpriseBody {
  const body: CreateEnterpriseBody = {
    uscc: normaliseUscc(v.uscc ?? ''),
    name: (v.name ?? '').trim(),
    legalRepresentative: (v.legalRepresentative ?? '').trim(),
    registeredAddress: text(v.registeredAddress),
    operatingAddress: text(v.operatingAddress),
    subdistrictId: v.subdistrictId,
    industryCode: v.industryCode,
    scale: v.scale,
    employeeCount: typeof v.employeeCount === 'number' ? v.employeeCount : null,
    contactName: text(v.contactName),
    contactPhone: text(v.contactPhone),
    safetyManagerName: text(v.safetyManagerName),
    safetyManagerPhone: text(v.safetyManagerPhone),
    operatingStatus: v.operatingStatus,
    parkId: v.parkId || null,
    hostEnterpriseId: v.hostEnterpriseId || null,
  };
  if (body.employeeCount === null) delete body.employeeCount;
  return body;
}

/** The form's initial values for an existing enterprise. */
export function formValuesOf(e: Enterprise | EnterpriseDetail): EnterpriseFormValues {
  const out = {} as Record<string, unknown>;
  for (const k of enterpriseFieldNames) out[k] = e[k];
  return out as unknown as EnterpriseFormValues;
}

/**
 * The PATCH body: only the fields that differ from the enterprise as loaded (and only `allowed` ones), so an
 * edit of contacts alone goes through the server's narrower `updateContacts` right.
 */
export function enterprisePatch(
  before: Enterprise | EnterpriseDetail,
  values: Partial<EnterpriseFormValues>,
  allowed: readonly (keyof EnterpriseFormValues)[] = enterpriseFieldNames,
): UpdateEnterpriseBody {
  const full = createEnterpriseBody({ ...formValuesOf(before), ...values });
  const patch: Record<string, unknown> = {};
  for (const k of allowed) {
    if (!(k in values)) continue;
    if ((full[k] ?? null) !== (before[k] ?? null)) patch[k] = full[k] ?? null;
  }
  return patch as UpdateEnterpriseBody;
}

// ---------------------------------------------------------------------------------------------------------------
// who is who

/** The enterprises the user works for (enterprise_user bindings), from /api/me. */
export function ownEnterpriseIds(roles: readonly Pick<MeBinding, 'role' | 'unitId'>[]): string[] {
  return [...new Set(roles.filter((r) => r.role === 'enterprise_user').map((r) => r.unitId))];
}

/**
 * The subdistrict a subdistrict officer registers in, when that is the only place the user may register:
 * a user who also has a jurisdiction-wide registrar role may choose any.
 */
export function lockedSubdistrict(roles: readonly Pick<MeBinding, 'role' | 'unitId'>[]): string | null {
  if (
    roles.some((r) => r.role === 'system_admin' || r.role === 'bureau_admin' || r.role === 'bureau_reviewer')
  ) {
    return null;
  }
  const subs = [...new Set(roles.filter((r) => r.role === 'subdistrict_officer').map((r) => r.unitId))];
  return subs.length === 1 ? subs[0] : null;
}

/** The subdistricts a user may register in, or null for all of them. */
export function registrableSubdistricts(
  roles: readonly Pick<MeBinding, 'role' | 'unitId'>[],
): string[] | null {
  if (
    roles.some((r) => r.role === 'system_admin' || r.role === 'bureau_admin' || r.role === 'bureau_reviewer')
  ) {
    return null;
  }
  return [...new Set(roles.filter((r) => r.role === 'subdistrict_officer').map((r) => r.unitId))];
}

// ---------------------------------------------------------------------------------------------------------------
// imports

export type ImportPhase = 'queued' | 'running' | 'done' | 'failed';

export interface ImportSummary {
  phase: ImportPhase;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errorRows: number;
  /** rows that went in (created + updated + unchanged) */
  accepted: number;
  /** the errors shown on the page (the server keeps the first 200; the file has them all) */
  shownErrors: number;
  /** more error rows than the page lists */
  truncated: boolean;
  /** antd Result status for the outcome */
  tone: 'success' | 'warning' | 'error' | 'info';
}

export function importPhase(status: string): ImportPhase {
  return status === 'done' || status === 'failed' || status === 'running' ? status : 'queued';
}

/** The counts of an import and how the outcome reads: all in, some rows refused, or failed. */
export function importSummary(
  imp: Pick<
    ImportRecord,
    'status' | 'totalRows' | 'createdCount' | 'updatedCount' | 'unchangedCount' | 'errorRowCount' | 'errors'
  >,
): ImportSummary {
  const phase = importPhase(imp.status);
  const created = imp.createdCount ?? 0;
  const updated = imp.updatedCount ?? 0;
  const unchanged = imp.unchangedCount ?? 0;
  const errorRows = imp.errorRowCount ?? 0;
  const errorLines = new Set(imp.errors.map((e) => e.row)).size;
  const tone =
    phase === 'failed'
      ? 'error'
      : phase !== 'done'
        ? 'info'
        : errorRows > 0
          ? created + updated + unchanged > 0
            ? 'warning'
            : 'error'
          : 'success';
  return {
    phase,
    total: imp.totalRows ?? created + updated + unchanged + errorRows,
    created,
    updated,
    unchanged,
    errorRows,
    accepted: created + updated + unchanged,
    shownErrors: imp.errors.length,
    truncated: errorRows > errorLines,
    tone,
  };
}

/** The name to send for an upload: the file's own, else a default (the server keeps it with the import). */
export function uploadFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.trim() ?? '';
  return (base || 'upload.xlsx').slice(0, 200);
}

/** The problems an upload is refused with at once, sorted for the page: missing columns as a list. */
export function missingColumns(errors: readonly { field: string; code: string }[]): string[] {
  return errors
    .filter((e) => e.code === 'IMPORT_MISSING_COLUMNS' && e.field.startsWith('header/'))
    .map((e) => e.field.slice('header/'.length));
}

// ---------------------------------------------------------------------------------------------------------------
// labels

export function scaleText(scale: string, locale: Locale): string {
  return isScale(scale) ? scaleLabels[scale][locale === 'zh-CN' ? 'zh' : 'en'] : scale;
}

export function statusText(status: string, locale: Locale): string {
  return isOperatingStatus(status) ? operatingStatusLabels[status][locale === 'zh-CN' ? 'zh' : 'en'] : status;
}

export const statusColors: Record<OperatingStatus, string> = {
  operating: 'green',
  suspended: 'orange',
  closed: 'default',
  deregistered: 'red',
};

export function scaleOptions(locale: Locale) {
  return (Object.keys(scaleLabels) as Scale[]).map((s) => ({ value: s, label: scaleText(s, locale) }));
}

export function statusOptions(locale: Locale) {
  return (Object.keys(operatingStatusLabels) as OperatingStatus[]).map((s) => ({
    value: s,
    label: statusText(s, locale),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// operation history

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const fieldsOf = (payload: unknown): Record<string, unknown> | null => {
  if (typeof payload !== 'object' || payload === null) return null;
  const fields = (payload as { fields?: unknown }).fields;
  return typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>) : null;
};

/**
 * The fields an `enterprise.updated` event changed, in the register's field order (unknown fields last), from
 * its `before.fields` / `after.fields`. Other events give none.
 */
export function eventFieldChanges(event: { kind: string; before: unknown; after: unknown }): FieldChange[] {
  if (event.kind !== 'enterprise.updated' && event.kind !== 'park.updated') return [];
  const before = fieldsOf(event.before) ?? {};
  const after = fieldsOf(event.after) ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const order = (k: string) => {
    const i = (enterpriseFieldNames as readonly string[]).indexOf(k);
    return i < 0 ? enterpriseFieldNames.length : i;
  };
  keys.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return keys.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** Whether an event came from a spreadsheet import (`after.source.importId`). */
export function eventImportId(event: { after: unknown }): string | null {
  const after = event.after;
  if (typeof after !== 'object' || after === null) return null;
  const source = (after as { source?: { importId?: unknown } }).source;
  return typeof source?.importId === 'string' ? source.importId : null;
}

/** The label of each register field in the dictionaries. */
export const fieldLabelKeys: Record<(typeof enterpriseFieldNames)[number], MessageKey> = {
  uscc: 'registry.field.uscc',
  name: 'registry.field.name',
  legalRepresentative: 'registry.field.legalRepresentative',
  registeredAddress: 'registry.field.registeredAddress',
  operatingAddress: 'registry.field.operatingAddress',
  subdistrictId: 'registry.field.subdistrict',
  industryCode: 'registry.field.industry',
  scale: 'registry.field.scale',
  employeeCount: 'registry.field.employeeCount',
  contactName: 'registry.field.contactName',
  contactPhone: 'registry.field.contactPhone',
  safetyManagerName: 'registry.field.safetyManagerName',
  safetyManagerPhone: 'registry.field.safetyManagerPhone',
  operatingStatus: 'registry.field.operatingStatus',
  parkId: 'registry.field.park',
  hostEnterpriseId: 'registry.field.hostEnterprise',
};

export function fieldLabelKey(field: string): MessageKey | null {
  return field in fieldLabelKeys ? fieldLabelKeys[field as keyof typeof fieldLabelKeys] : null;
}

/** Labels of the registry's event kinds (domain/labels.ts has the platform's). */
export const registryEventLabelKeys: Record<string, MessageKey> = {
  'enterprise.created': 'registry.event.created',
  'enterprise.updated': 'registry.event.updated',
  'enterprise.account_created': 'registry.event.accountCreated',
  'enterprise.activation_code_issued': 'registry.event.activationCodeIssued',
  'file.uploaded': 'registry.event.fileUploaded',
};
