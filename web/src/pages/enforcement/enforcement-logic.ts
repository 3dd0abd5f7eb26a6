/**
 * Pure logic of the enforcement pages (执法检查) and the advice pages (合规建议批次, 合规建议书): status labels and
 * colours, URL filters ↔ list queries, request bodies from form values, deadlines, sending progress, and the
 * server's field errors mapped onto form fields. No React here: tested in node (enforcement-logic.test.ts).
 */
import { ApiProblem, isApiProblem, type ProblemBody } from '../../api/problem';
import type { MessageKey } from '../../i18n';
import { hazardStatusLabel, hazardStatuses } from '../hazards/hazards-logic';
import type {
  Campaign,
  CampaignListQuery,
  CampaignOrigin,
  CampaignStatus,
  DecisionBody,
  EnterpriseHazard,
  Harm,
  InspectionBody,
  InspectionListQuery,
  LetterListQuery,
  LetterStatus,
  LeniencyFacts,
  LeniencyList,
  LeniencySuggestion,
  PenaltyOutcome,
  ProposeBody,
  ScopeType,
  ViolationStatus,
  ViolationType,
} from './types';

export const listPageSize = 20;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- statuses and labels

export const violationStatuses: readonly ViolationStatus[] = ['open', 'rectified'];
export const violationStatusKey = (s: ViolationStatus): MessageKey => `enforcement.violationStatus.${s}`;
export const violationStatusColor: Record<ViolationStatus, string> = { open: 'orange', rectified: 'green' };

export const campaignStatuses: readonly CampaignStatus[] = [
  'proposed',
  'sending',
  'sent',
  'closed',
  'rejected',
];
export const campaignStatusKey = (s: CampaignStatus): MessageKey => `advice.campaignStatus.${s}`;
export const campaignStatusColor: Record<CampaignStatus, string> = {
  proposed: 'gold',
  sending: 'processing',
  sent: 'blue',
  closed: 'default',
  rejected: 'red',
};

export const letterStatuses: readonly LetterStatus[] = ['sent', 'replied', 'overdue'];
export const letterStatusKey = (s: LetterStatus): MessageKey => `advice.letterStatus.${s}`;
export const letterStatusColor: Record<LetterStatus, string> = {
  sent: 'blue',
  replied: 'green',
  overdue: 'red',
};

export const campaignOrigins: readonly CampaignOrigin[] = ['frequency', 'manual'];
export const originKey = (o: CampaignOrigin): MessageKey => `advice.origin.${o}`;

export const scopeTypes: readonly ScopeType[] = ['industry', 'subdistrict'];
export const scopeTypeKey = (s: ScopeType): MessageKey => `advice.scopeType.${s}`;

/** A catalog entry as a select shows it: "A01 未按规定开展安全生产教育培训". */
export function violationTypeLabel(t: Pick<ViolationType, 'code' | 'name'>): string {
  return t.code ? `${t.code} ${t.name}` : t.name;
}

/**
 * What a list row says about the violations of an inspection. A 责令限期整改指令书 is issued only when violations
 * were found, so a notice with a count of 0 still means "found" (the count is not trusted over the notice).
 */
export function violationSummary(i: {
  violationCount: number;
  noticeDocumentId: string | null;
}): { kind: 'count'; n: number } | { kind: 'found' } | { kind: 'none' } {
  if (i.violationCount > 0) return { kind: 'count', n: i.violationCount };
  return i.noticeDocumentId ? { kind: 'found' } : { kind: 'none' };
}

// ---------------------------------------------------------------- list filters (URL ↔ query)

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const text = (value: string | undefined): string | undefined => {
  const v = value?.trim();
  return v ? v.slice(0, 100) : undefined;
};

export const inspectionSearchKeys = ['q', 'page'] as const;
export type InspectionSearch = Partial<Record<(typeof inspectionSearchKeys)[number], string>>;

export function inspectionListQuery(search: InspectionSearch): InspectionListQuery {
  const query: InspectionListQuery = { page: positive(search.page, 1), pageSize: listPageSize };
  const q = text(search.q);
  if (q) query.q = q;
  return query;
}

export const campaignSearchKeys = ['status', 'page'] as const;
export type CampaignSearch = Partial<Record<(typeof campaignSearchKeys)[number], string>>;

export function campaignListQuery(search: CampaignSearch): CampaignListQuery {
  const query: CampaignListQuery = { page: positive(search.page, 1), pageSize: listPageSize };
  if (isOneOf(campaignStatuses, search.status)) query.status = search.status;
  return query;
}

export const letterSearchKeys = ['status', 'q', 'campaign', 'enterprise', 'page'] as const;
export type LetterSearch = Partial<Record<(typeof letterSearchKeys)[number], string>>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The letters query of the URL; `campaignId` fixed by a campaign's page wins over the URL's. */
export function letterListQuery(search: LetterSearch, fixed: { campaignId?: string } = {}): LetterListQuery {
  const query: LetterListQuery = { page: positive(search.page, 1), pageSize: listPageSize };
  if (isOneOf(letterStatuses, search.status)) query.status = search.status;
  const q = text(search.q);
  if (q) query.q = q;
  const campaignId = fixed.campaignId ?? search.campaign;
  if (campaignId && uuid.test(campaignId)) query.campaignId = campaignId;
  if (search.enterprise && uuid.test(search.enterprise)) query.enterpriseId = search.enterprise;
  return query;
}

export function hasLetterFilters(search: LetterSearch): boolean {
  return Boolean(search.status || search.q?.trim() || search.campaign || search.enterprise);
}

// ---------------------------------------------------------------- request bodies

const clean = (s: string | null | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined);

export interface InspectionValues {
  enterpriseId: string;
  departmentId?: string | null;
  /** YYYY-MM-DD */
  inspectedOn: string;
  findings?: string | null;
  /** YYYY-MM-DD; asked for only when violations were found */
  rectifyBy?: string | null;
  violations?:
    | readonly {
        violationTypeId?: string | null;
        description?: string | null;
        harm?: Harm | null;
        selfReportedHazardId?: string | null;
      }[]
    | null;
}

/**
 * POST /api/enforcement/inspections: trimmed text, no empty findings, the deadline only with violations (the server
 * requires it then and ignores it otherwise), the department only when the officer chose one. Each violation states
 * its harm (无 unless the officer says otherwise) and, when one was chosen, the enterprise's own hazard report —
 * only one of `selfReportable` when that list is given (the date or the enterprise changed after the choice).
 */
export function inspectionBody(v: InspectionValues, selfReportable?: ReadonlySet<string>): InspectionBody {
  const violations = (v.violations ?? []).map((x) => {
    const hazardId = x.selfReportedHazardId;
    const linked = hazardId && (!selfReportable || selfReportable.has(hazardId)) ? hazardId : null;
    return {
      violationTypeId: x.violationTypeId ?? '',
      description: (x.description ?? '').trim(),
      harm: x.harm ?? 'none',
      ...(linked ? { selfReportedHazardId: linked } : {}),
    };
  });
  const body: InspectionBody = { enterpriseId: v.enterpriseId, inspectedOn: v.inspectedOn, violations };
  if (v.departmentId) body.departmentId = v.departmentId;
  const findings = clean(v.findings);
  if (findings) body.findings = findings;
  if (violations.length > 0 && v.rectifyBy) body.rectifyBy = v.rectifyBy;
  return body;
}

export interface ProposeValues {
  violationTypeId: string;
  scopeType: ScopeType;
  scopeValue: string;
  reason: string;
  items?: readonly (string | null | undefined)[] | null;
  departmentId?: string | null;
}

/** POST /api/advice/campaigns: blank items dropped (none left: the server takes the type's own items). */
export function proposeBody(v: ProposeValues): ProposeBody {
  const body: ProposeBody = {
    violationTypeId: v.violationTypeId,
    scopeType: v.scopeType,
    scopeValue: v.scopeValue,
    reason: v.reason.trim(),
  };
  const items = (v.items ?? []).map((i) => clean(i)).filter((i): i is string => i !== undefined);
  if (items.length > 0) body.items = items.map((i) => ({ text: i }));
  if (v.departmentId) body.departmentId = v.departmentId;
  return body;
}

/** The items a proposal starts from: the violation type's self-inspection items, editable. */
export function defaultItems(type: Pick<ViolationType, 'adviceItems'> | undefined): string[] {
  return type ? type.adviceItems.map((i) => i.text) : [];
}

// ---------------------------------------------------------------- who acts for which department

interface Binding {
  role: string;
  unitId: string;
  unitName: string;
}

/**
 * The units the user holds one of the roles in (from /api/me), once each. Picks which department an officer acts
 * for when they hold more than one; the server decides whether that is allowed.
 */
export function unitsForRoles(
  bindings: readonly Binding[],
  roles: readonly string[],
): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const b of bindings) if (roles.includes(b.role) && !seen.has(b.unitId)) seen.set(b.unitId, b.unitName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The roles the server lets record inspections and propose campaigns for their units (enforcement/policy.ts). */
export const inspectingRoles = ['enforcement_officer'] as const;
export const proposingRoles = [
  'enforcement_officer',
  'department_officer',
  'bureau_admin',
  'bureau_reviewer',
] as const;

/** A user who is only an enterprise's: the letters page is their inbox (cards, no staff filters). */
export function isEnterpriseOnly(roles: readonly string[]): boolean {
  return roles.length > 0 && roles.every((r) => r === 'enterprise_user');
}

// ---------------------------------------------------------------- deadlines

/** Today as a calendar date in China time (deadlines are China calendar days). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Calendar days from `today` to `deadline` (both YYYY-MM-DD): negative once it has passed. */
export function daysLeft(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export interface DeadlineView {
  key: MessageKey;
  n: number;
  /** red once overdue, orange when two days or fewer are left */
  tone: 'danger' | 'warning' | 'secondary';
}

/**
 * What a letter's reply-by shows: nothing once replied; "已逾期" when the server marked it (or the day passed before
 * the nightly sweep did); otherwise the days left.
 */
export function replyDeadline(
  letter: { status: LetterStatus; replyBy: string },
  today: string,
): DeadlineView | null {
  if (letter.status === 'replied') return null;
  const n = daysLeft(letter.replyBy, today);
  if (letter.status === 'overdue' || n < 0)
    return { key: 'advice.deadline.overdue', n: Math.max(0, -n), tone: 'danger' };
  if (n === 0) return { key: 'advice.deadline.today', n, tone: 'warning' };
  return { key: 'advice.deadline.left', n, tone: n <= 2 ? 'warning' : 'secondary' };
}

/** A letter is shown in red in lists when it is overdue (marked, or past its day). */
export function isOverdue(letter: { status: LetterStatus; replyBy: string }, today: string): boolean {
  return replyDeadline(letter, today)?.tone === 'danger';
}

// ---------------------------------------------------------------- campaigns

/** Percent of the frozen targets whose letters are out (null before approval fixed the targets). */
export function sendingPercent(c: Pick<Campaign, 'targetCount' | 'sentCount' | 'status'>): number | null {
  if (c.status === 'sent' || c.status === 'closed') return 100;
  if (c.targetCount <= 0) return null;
  return Math.min(100, Math.floor((c.sentCount / c.targetCount) * 100));
}

/** Poll a campaign while its letters go out (every 2 s), not otherwise. */
export function campaignPollMs(c: Pick<Campaign, 'status'> | undefined): number | false {
  return c?.status === 'sending' ? 2000 : false;
}

export const campaignActionOrder = ['approve', 'reject', 'close'] as const;
export type CampaignAction = (typeof campaignActionOrder)[number];

/** The buttons a campaign shows: what the server's `abilities` allow, in a fixed order. */
export function campaignActions(abilities: Campaign['abilities']): CampaignAction[] {
  return campaignActionOrder.filter((a) => abilities[a]);
}

export const campaignActionKey = (a: CampaignAction): MessageKey => `advice.action.${a}`;

/** Why the campaign was proposed, as a sentence: the frequency that triggered it, or the proposing department. */
export function campaignWhy(
  c: Pick<Campaign, 'origin' | 'triggerCount' | 'windowDays' | 'scopeLabel' | 'departmentName'>,
): { key: MessageKey; params: Record<string, string | number> } {
  if (c.origin === 'frequency' && c.triggerCount !== null && c.windowDays !== null)
    return {
      key: 'advice.campaign.whyFrequency',
      params: { n: c.triggerCount, days: c.windowDays, scope: c.scopeLabel },
    };
  return { key: 'advice.campaign.whyManual', params: { department: c.departmentName || '—' } };
}

// ---------------------------------------------------------------- leniency (行政处罚法第三十二、三十三条)

export const harmLevels: readonly Harm[] = ['none', 'slight', 'harmful'];
export const harmKey = (h: Harm): MessageKey => `enforcement.harm.${h}`;

/** From most to least lenient, as the server lists them. */
export const penaltyOutcomes: readonly PenaltyOutcome[] = ['no_penalty', 'mitigated', 'lighter', 'ordinary'];
export const outcomeKey = (o: PenaltyOutcome): MessageKey => `enforcement.outcome.${o}`;
export const outcomeColor: Record<PenaltyOutcome, string> = {
  no_penalty: 'green',
  mitigated: 'cyan',
  lighter: 'blue',
  ordinary: 'default',
};

export const leniencyListKey = (l: LeniencyList | null): MessageKey =>
  l ? `enforcement.leniencyList.${l}` : 'enforcement.leniencyList.none';

/** China calendar date (YYYY-MM-DD) of an instant. */
export function chinaDateOf(iso: string): string {
  return chinaToday(new Date(iso));
}

/**
 * Whether a hazard was reported before the inspection day began (China time) — the server's test for
 * 检查前自查自报 (enforcement/leniency.ts).
 */
export function reportedBeforeInspection(reportedAt: string, inspectedOn: string): boolean {
  const start = Date.parse(`${inspectedOn}T00:00:00+08:00`);
  const at = Date.parse(reportedAt);
  return Number.isFinite(start) && Number.isFinite(at) && at < start;
}

/**
 * The hazards an officer may link as the enterprise's own earlier report of a violation: those reported before the
 * inspection day, latest first. (The list does not say who reported a hazard; the leniency facts do, from the
 * record: a hazard not reported by the enterprise itself earns nothing.)
 */
export function selfReportCandidates(
  hazards: readonly EnterpriseHazard[],
  inspectedOn: string | undefined,
): EnterpriseHazard[] {
  if (!inspectedOn) return [];
  return hazards
    .filter((h) => reportedBeforeInspection(h.reportedAt, inspectedOn))
    .sort((a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt));
}

/** A hazard status's label key; a status this client does not know shows as sent. */
export function hazardStatusKey(status: string): MessageKey | null {
  return isOneOf(hazardStatuses, status) ? hazardStatusLabel[status] : null;
}

export type FactMark = 'yes' | 'no' | 'neutral';

export interface FactRow {
  key: 'firstViolation' | 'selfReportedBefore' | 'rectificationStarted' | 'correctedInTime' | 'harm' | 'list';
  label: MessageKey;
  /** ✓ for a fact in the party's favour, ✗ against, – for neither */
  mark: FactMark;
  /** the value of a fact that is not yes/no (危害后果, 清单归属) */
  value?: MessageKey;
}

const yesNo = (b: boolean): FactMark => (b ? 'yes' : 'no');

/** The facts of arts. 32/33 as a checklist, in the order the law weighs them. */
export function leniencyChecklist(f: LeniencyFacts): FactRow[] {
  return [
    { key: 'firstViolation', label: 'enforcement.fact.firstViolation', mark: yesNo(f.firstViolation) },
    {
      key: 'selfReportedBefore',
      label: 'enforcement.fact.selfReportedBefore',
      mark: yesNo(f.selfReportedBefore),
    },
    {
      key: 'rectificationStarted',
      label: 'enforcement.fact.rectificationStarted',
      mark: yesNo(f.rectificationStarted),
    },
    { key: 'correctedInTime', label: 'enforcement.fact.correctedInTime', mark: yesNo(f.correctedInTime) },
    {
      key: 'harm',
      label: 'enforcement.fact.harm',
      mark: f.harm === 'none' ? 'yes' : f.harm === 'harmful' ? 'no' : 'neutral',
      value: harmKey(f.harm),
    },
    {
      key: 'list',
      label: 'enforcement.fact.list',
      mark: f.list ? 'yes' : 'neutral',
      value: leniencyListKey(f.list),
    },
  ];
}

export const factMarkSymbol: Record<FactMark, string> = { yes: '✓', no: '✗', neutral: '–' };

/**
 * 应当 (the law says must) or 可以 (may) before a lenient outcome; nothing before an ordinary penalty, which is
 * simply the discretion benchmark.
 */
export function suggestionModality(s: Pick<LeniencySuggestion, 'outcome' | 'mandatory'>): MessageKey | null {
  if (s.outcome === 'ordinary') return null;
  return s.mandatory ? 'enforcement.suggestion.must' : 'enforcement.suggestion.may';
}

/** The first characters of an audit event's hash, enough to compare with the chain. */
export function shortHash(hash: string, n = 12): string {
  return hash.length > n ? `${hash.slice(0, n)}…` : hash;
}

/** Any outcome but an ordinary penalty must name the provision applied (the server refuses it otherwise). */
export function articleRequired(outcome: PenaltyOutcome | undefined): boolean {
  return outcome !== undefined && outcome !== 'ordinary';
}

export interface DecisionValues {
  outcome: PenaltyOutcome;
  article?: string | null;
  reason?: string | null;
  decisionNumber?: string | null;
}

/** The decision form starts from the suggestion: its outcome and its article. */
export function decisionDefaults(s: Pick<LeniencySuggestion, 'outcome' | 'article'>): DecisionValues {
  return { outcome: s.outcome, article: s.article ?? '' };
}

/**
 * The article after the officer changes the outcome: an ordinary penalty drops the suggested article (still
 * untouched); going back to the suggested outcome with no article restores it; anything the officer wrote stays.
 */
export function articleAfterOutcomeChange(
  article: string | null | undefined,
  outcome: PenaltyOutcome,
  s: Pick<LeniencySuggestion, 'outcome' | 'article'>,
): string {
  const current = article ?? '';
  if (outcome === 'ordinary' && s.article !== null && current.trim() === s.article) return '';
  if (outcome === s.outcome && current.trim() === '') return s.article ?? '';
  return current;
}

/** A decision other than the suggestion is recorded as such and must be reasoned. */
export function departsFromSuggestion(
  outcome: PenaltyOutcome | undefined,
  s: Pick<LeniencySuggestion, 'outcome'>,
) {
  return outcome !== undefined && outcome !== s.outcome;
}

/** POST /api/enforcement/violations/:id/decision: trimmed text; no empty article or decision number. */
export function decisionBody(v: DecisionValues): DecisionBody {
  const body: DecisionBody = { outcome: v.outcome, reason: (v.reason ?? '').trim() };
  const article = clean(v.article);
  if (article) body.article = article;
  const number = clean(v.decisionNumber);
  if (number) body.decisionNumber = number;
  return body;
}

// ---------------------------------------------------------------- problems

/** Field paths as the request validation writes them (`body/…`); the module's own checks write them bare. */
export function bodyFieldPath(field: string): string {
  if (/^(body|querystring|params|headers)(\/|$)/.test(field)) return field;
  return `body/${field.replace(/^\/+/, '')}`;
}

/**
 * The same problem with every field path in the `body/…` form, so `applyProblemToForm` can put the module's own
 * field errors (`inspectedOn`, `violations/0/description`, `scopeValue`) next to their fields.
 */
export function withBodyFieldPaths(error: unknown): unknown {
  if (!isApiProblem(error) || error.errors.length === 0) return error;
  const body = error.body as unknown as ProblemBody;
  return new ApiProblem({
    ...body,
    status: error.status,
    errors: error.errors.map((e) => ({ ...e, field: bodyFieldPath(e.field) })),
  });
}

/** Codes after which the shown data is stale (someone acted first, a campaign moved on): refresh. */
export function isStaleProblem(error: unknown): boolean {
  return isApiProblem(error) && (error.status === 409 || error.status === 404);
}
