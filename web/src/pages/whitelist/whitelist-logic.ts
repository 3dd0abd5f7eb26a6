/**
 * Pure logic of the white-list pages (白名单申请): status labels and colours, where an application stands on the
 * steps 提交 → 街镇收集 → 形式审查 → 征求意见 → 公示 → 入库, days left to a deadline, the buttons a detail shows
 * (from the server's `actions`), URL filters ↔ list query, request bodies. No React here: tested in node
 * (whitelist-logic.test.ts).
 */
import { isApiProblem } from '../../api/problem';
import type { MessageKey } from '../../i18n';
import type { ApplicationStatus, OpinionStatus, ApplicationListQuery } from './types';

export type { ApplicationStatus, OpinionStatus } from './types';

export const applicationStatuses: readonly ApplicationStatus[] = [
  'draft',
  'submitted',
  'collected',
  'formal_review',
  'opinions',
  'public_notice',
  'published',
  'returned',
  'rejected',
  'withdrawn',
];

/** An enterprise has at most one application in these states (domain/whitelist.ts `openApplicationStatuses`). */
export const openStatuses: readonly ApplicationStatus[] = [
  'draft',
  'returned',
  'submitted',
  'collected',
  'formal_review',
  'opinions',
  'public_notice',
];

export const isOpenStatus = (s: ApplicationStatus): boolean => openStatuses.includes(s);

export const statusKey = (s: ApplicationStatus): MessageKey => `whitelist.status.${s}`;

export const statusColor: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  collected: 'cyan',
  formal_review: 'geekblue',
  opinions: 'purple',
  public_notice: 'gold',
  published: 'green',
  returned: 'orange',
  rejected: 'red',
  withdrawn: 'default',
};

export const opinionStatuses: readonly OpinionStatus[] = [
  'pending',
  'agreed',
  'objected',
  'silent_agreed',
  'escalated',
  'superseded',
];
export const opinionStatusKey = (s: OpinionStatus): MessageKey => `whitelist.opinionStatus.${s}`;
export const opinionStatusColor: Record<OpinionStatus, string> = {
  pending: 'gold',
  agreed: 'green',
  objected: 'red',
  silent_agreed: 'green',
  escalated: 'orange',
  superseded: 'default',
};

// ---------------------------------------------------------------- steps

/** The six steps of entering the list (DOMAIN.md §4.3). */
export const stepKeys = ['submit', 'collect', 'review', 'opinions', 'notice', 'listed'] as const;
export type StepKey = (typeof stepKeys)[number];
export const stepLabel = (k: StepKey): MessageKey => `whitelist.step.${k}`;

export interface StepState {
  /** index into `stepKeys` of the step under way (or where it stopped) */
  current: number;
  status: 'wait' | 'process' | 'finish' | 'error';
}

/** Where an application stopped (rejected, withdrawn): the furthest step its facts show it reached. */
function reached(a: StepFacts): number {
  if (a.noticeId) return 4;
  if (a.opinions.total > 0) return 3;
  if (a.collectedAt) return 2;
  if (a.submittedAt) return 1;
  return 0;
}

export interface StepFacts {
  status: ApplicationStatus;
  submittedAt: string | null;
  collectedAt: string | null;
  noticeId: string | null;
  opinions: { total: number };
}

/**
 * The step an application is on. `collected` waits for the bureau's formal review, so it stands on 形式审查.
 * A returned application is back with the enterprise (提交, in red until it submits again); a rejected or
 * withdrawn one stops, in red, on the furthest step it reached.
 */
export function stepState(a: StepFacts): StepState {
  switch (a.status) {
    case 'draft':
      return { current: 0, status: 'process' };
    case 'submitted':
      return { current: 1, status: 'process' };
    case 'collected':
    case 'formal_review':
      return { current: 2, status: 'process' };
    case 'opinions':
      return { current: 3, status: 'process' };
    case 'public_notice':
      return { current: 4, status: 'process' };
    case 'published':
      return { current: 5, status: 'finish' };
    case 'returned':
      return { current: 0, status: 'error' };
    case 'rejected':
    case 'withdrawn':
      return { current: reached(a), status: 'error' };
  }
}

// ---------------------------------------------------------------- deadlines

/** Calendar days from `today` to `deadline` (both YYYY-MM-DD): negative once it has passed. */
export function daysLeft(deadline: string, today: string): number {
  const ms = Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Today as a calendar date in China time (deadlines are China calendar days). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface DeadlineView {
  key: MessageKey;
  n: number;
  color: 'default' | 'orange' | 'red';
}

/** "剩 N 天" / "今日截止" / "已过期 N 天", orange when two days or fewer are left. */
export function deadlineView(deadline: string, today: string): DeadlineView {
  const n = daysLeft(deadline, today);
  if (n < 0) return { key: 'whitelist.deadline.passed', n: -n, color: 'red' };
  if (n === 0) return { key: 'whitelist.deadline.today', n, color: 'orange' };
  return { key: 'whitelist.deadline.left', n, color: n <= 2 ? 'orange' : 'default' };
}

/** The year(s) of estimated deadlines, for the warning asking the bureau to enter that year's holidays. */
export function estimatedYears(items: readonly { deadline: string; deadlineEstimated: boolean }[]): number[] {
  const years = new Set<number>();
  for (const i of items) if (i.deadlineEstimated) years.add(Number(i.deadline.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

// ---------------------------------------------------------------- actions

/** The actions of an application detail, in the order its buttons show (the main step first). */
export const applicationActionOrder = [
  'submit',
  'review',
  'solicit',
  'opinion',
  'return',
  'reject',
  'withdraw',
] as const;
export type ApplicationAction = (typeof applicationActionOrder)[number];

/**
 * The buttons to show: only what the server's `actions` allow, in a fixed order. `collect` is done from the list
 * (a batch of several), so it has no button on the detail; unknown actions are ignored.
 */
export function detailActions(actions: readonly string[]): ApplicationAction[] {
  return applicationActionOrder.filter((a) => actions.includes(a));
}

export const actionKey = (a: ApplicationAction): MessageKey => `whitelist.action.${a}`;

/** Actions that need a reason typed in a modal. */
export const reasonRequired: Readonly<Record<'return' | 'reject' | 'withdraw', boolean>> = {
  return: true,
  reject: true,
  withdraw: false,
};

// ---------------------------------------------------------------- list filters (URL ↔ query)

export const applicationSearchKeys = ['status', 'sub', 'q', 'page', 'tab'] as const;
export type ApplicationSearch = Partial<Record<(typeof applicationSearchKeys)[number], string>>;
export const applicationPageSize = 20;

/** Statuses kept in the URL as `status=submitted,collected`; unknown ones dropped, order of `applicationStatuses`. */
export function parseStatuses(value: string | undefined): ApplicationStatus[] {
  if (!value) return [];
  const wanted = new Set(value.split(','));
  return applicationStatuses.filter((s) => wanted.has(s));
}

export function formatStatuses(statuses: readonly string[]): string | undefined {
  const list = parseStatuses(statuses.join(','));
  return list.length > 0 ? list.join(',') : undefined;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The list query of the URL. */
export function applicationListQuery(search: ApplicationSearch): ApplicationListQuery {
  const q: ApplicationListQuery = { page: positive(search.page, 1), pageSize: applicationPageSize };
  const statuses = parseStatuses(search.status);
  if (statuses.length > 0) q.status = statuses.join(',');
  if (search.sub) q.subdistrictId = search.sub;
  const text = search.q?.trim();
  if (text) q.q = text;
  return q;
}

export function hasFilters(search: ApplicationSearch): boolean {
  return Boolean(search.status || search.sub || search.q?.trim());
}

/** What a subdistrict officer may put in a collection batch: submitted applications only. */
export function collectable(a: { status: ApplicationStatus }): boolean {
  return a.status === 'submitted';
}

/** The counts a list row shows for opinions: nothing before any was asked. */
export function opinionsSummary(o: {
  pending: number;
  objected: number;
  escalated: number;
  cleared: number;
  total: number;
}): { key: MessageKey; params: Record<string, number>; color: string } | null {
  if (o.total === 0) return null;
  if (o.objected > 0) return { key: 'whitelist.opinions.objected', params: { n: o.objected, total: o.total }, color: 'red' };
  if (o.escalated > 0)
    return { key: 'whitelist.opinions.escalated', params: { n: o.escalated, total: o.total }, color: 'orange' };
  if (o.pending > 0) return { key: 'whitelist.opinions.pending', params: { n: o.pending, total: o.total }, color: 'gold' };
  return { key: 'whitelist.opinions.cleared', params: { n: o.cleared, total: o.total }, color: 'green' };
}

// ---------------------------------------------------------------- request bodies

const clean = (s: string | null | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined);

export function reasonBody(reason: string): { reason: string } {
  return { reason: reason.trim() };
}

export function withdrawBody(reason?: string | null): { reason?: string } {
  const r = clean(reason);
  return r ? { reason: r } : {};
}

export function solicitBody(departmentIds: readonly string[]): { departmentIds: string[] } {
  return { departmentIds: [...new Set(departmentIds)] };
}

export type OpinionAnswer = 'agree' | 'object';

/** An objection needs its reason; an agreement may carry a note. */
export function opinionBody(answer: OpinionAnswer, reason?: string | null): { answer: OpinionAnswer; reason?: string } {
  const r = clean(reason);
  return r ? { answer, reason: r } : { answer };
}

export function batchBody(applicationIds: readonly string[], note?: string | null): { applicationIds: string[]; note?: string } {
  const n = clean(note);
  return n ? { applicationIds: [...new Set(applicationIds)], note: n } : { applicationIds: [...new Set(applicationIds)] };
}

// ---------------------------------------------------------------- problems

/** The failed condition keys a WHITELIST_NOT_ELIGIBLE refusal names (`failed`, or `details.failed`). */
export function failedConditionKeys(error: unknown): string[] {
  if (!isApiProblem(error) || error.code !== 'WHITELIST_NOT_ELIGIBLE') return [];
  const body = error.body as { failed?: unknown; details?: { failed?: unknown } };
  const failed = body.failed ?? body.details?.failed;
  return Array.isArray(failed) ? failed.filter((k): k is string => typeof k === 'string') : [];
}

/** Codes after which the shown data is stale (someone else acted first, a deadline passed): refresh. */
export function isStaleProblem(error: unknown): boolean {
  return isApiProblem(error) && (error.status === 409 || error.status === 404);
}
