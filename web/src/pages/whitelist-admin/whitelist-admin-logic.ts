/**
 * Pure logic of the bureau's white-list pages (公示管理, 白名单, 退出管理) and the measures card: label keys and
 * colours of the statuses, the six exit reasons and the measures, whether a notice can be published and why not,
 * which applications can go on notice, working days of a notice period, request bodies.
 * No React here: tested in node (whitelist-admin-logic.test.ts).
 */
import { eventKindLabel } from '../../../../domain/labels';
import { exitReasons, measureKinds, type ExitReason, type MeasureKind } from '../../../../domain/whitelist';
import { workingDaysBetween, type WorkCalendar } from '../../../../domain/working-days';
import type { Locale, MessageKey } from '../../i18n';
import type {
  Application,
  ApplicationStatus,
  EntryStatus,
  ExitStatus,
  Measure,
  Notice,
  NoticeDetail,
  NoticeStatus,
  ObjectionStatus,
  ReviewStatus,
} from './types';

export { exitReasons, measureKinds };

export const noticeStatuses: readonly NoticeStatus[] = ['open', 'ended', 'published'];
export const entryStatuses: readonly EntryStatus[] = ['active', 'suspended', 'exited'];
export const exitStatuses: readonly ExitStatus[] = ['proposed', 'decided', 'dismissed'];
export const reviewStatuses: readonly ReviewStatus[] = ['open', 'submitted', 'passed', 'failed', 'missed'];
export const objectionStatuses: readonly ObjectionStatus[] = ['open', 'upheld', 'dismissed'];
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

export const noticeStatusColor: Record<NoticeStatus, string> = {
  open: 'processing',
  ended: 'gold',
  published: 'green',
};
export const entryStatusColor: Record<EntryStatus, string> = {
  active: 'green',
  suspended: 'orange',
  exited: 'default',
};
export const exitStatusColor: Record<ExitStatus, string> = {
  proposed: 'gold',
  decided: 'red',
  dismissed: 'default',
};
export const reviewStatusColor: Record<ReviewStatus, string> = {
  open: 'blue',
  submitted: 'processing',
  passed: 'green',
  failed: 'red',
  missed: 'volcano',
};
export const objectionStatusColor: Record<ObjectionStatus, string> = {
  open: 'gold',
  upheld: 'red',
  dismissed: 'default',
};
export const applicationStatusColor: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  collected: 'blue',
  formal_review: 'processing',
  opinions: 'processing',
  public_notice: 'purple',
  published: 'green',
  returned: 'orange',
  rejected: 'red',
  withdrawn: 'default',
};

export const noticeStatusKey = (s: NoticeStatus): MessageKey => `whitelistAdmin.noticeStatus.${s}`;
export const entryStatusKey = (s: EntryStatus): MessageKey => `whitelistAdmin.entryStatus.${s}`;
export const exitStatusKey = (s: ExitStatus): MessageKey => `whitelistAdmin.exitStatus.${s}`;
export const reviewStatusKey = (s: ReviewStatus): MessageKey => `whitelistAdmin.reviewStatus.${s}`;
export const objectionStatusKey = (s: ObjectionStatus): MessageKey => `whitelistAdmin.objectionStatus.${s}`;
export const applicationStatusKey = (s: ApplicationStatus): MessageKey =>
  `whitelistAdmin.applicationStatus.${s}`;

/** Whether a string the server sent is one of the statuses this UI knows. */
export function isOneOfStatus<T extends string>(
  list: readonly T[],
  value: string | null | undefined,
): value is T {
  return value != null && (list as readonly string[]).includes(value);
}
const isOneOf = isOneOfStatus;

/** A status from the URL, when it is one of the list. */
export function statusParam<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return isOneOf(list, value) ? value : undefined;
}

/** The full wording of an exit reason (zh-CN: the wording of domain/whitelist.ts, which the server also uses). */
export const exitReasonKey = (r: ExitReason): MessageKey => `whitelistAdmin.exitReason.${r}`;
/** A short name of an exit reason, for tables and tags. */
export const exitReasonShortKey = (r: ExitReason): MessageKey => `whitelistAdmin.exitReasonShort.${r}`;
export const isExitReason = (r: string): r is ExitReason => isOneOf(exitReasons, r);

export const measureKey = (k: MeasureKind): MessageKey => `whitelistAdmin.measure.${k}`;
export const isMeasureKind = (k: string): k is MeasureKind => isOneOf(measureKinds, k);

/** A measure's name: the translation of its kind, else the server's label (a kind this UI does not know yet). */
export function measureText(m: Pick<Measure, 'kind' | 'label'>, t: (key: MessageKey) => string): string {
  return isMeasureKind(m.kind) ? t(measureKey(m.kind)) : m.label;
}

/**
 * The source of an exit proposal: `manual` (人工提出 by the bureau), `enterprise_request` (the enterprise asked to
 * leave) or the kind of the event that opened it (an accident recorded, a hazard reported, a review missed…).
 */
export function exitSourceText(sourceKind: string, locale: Locale, t: (key: MessageKey) => string): string {
  if (sourceKind === 'manual') return t('whitelistAdmin.exitSource.manual');
  if (sourceKind === 'enterprise_request') return t('whitelistAdmin.exitSource.enterprise_request');
  return eventKindLabel(sourceKind, locale);
}

// ---------------------------------------------------------------------------------------------------------------
// Public notices

/** Every current opinion of the application cleared (agreed, or silence counted as agreement), at least one asked. */
export function opinionsCleared(a: Pick<Application, 'status' | 'opinions'>): boolean {
  return a.status === 'opinions' && a.opinions.total > 0 && a.opinions.cleared === a.opinions.total;
}

/** Why an application cannot be put on notice, as a message key; null when it can. */
export function notNoticeableReason(a: Pick<Application, 'status' | 'opinions'>): MessageKey | null {
  if (a.status !== 'opinions') return 'whitelistAdmin.create.notInOpinions';
  if (a.opinions.total === 0) return 'whitelistAdmin.create.noOpinions';
  if (a.opinions.objected > 0) return 'whitelistAdmin.create.objected';
  if (a.opinions.escalated > 0) return 'whitelistAdmin.create.escalated';
  if (a.opinions.pending > 0) return 'whitelistAdmin.create.pending';
  return opinionsCleared(a) ? null : 'whitelistAdmin.create.pending';
}

/** Applications that can go on notice first (then by enterprise name), so the bureau sees what it can pick. */
export function noticeableFirst<T extends Pick<Application, 'status' | 'opinions' | 'enterpriseName'>>(
  list: readonly T[],
): T[] {
  const rank = (a: T) => (opinionsCleared(a) ? 0 : 1);
  return [...list].sort(
    (a, b) => rank(a) - rank(b) || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
  );
}

/** `POST /api/whitelist/notices` body: the chosen ids (each once, in order) and a title when one was typed. */
export function noticeBody(applicationIds: readonly string[], title: string | undefined) {
  const trimmed = title?.trim();
  return { applicationIds: [...new Set(applicationIds)], ...(trimmed ? { title: trimmed } : {}) };
}

export type PublishBlock = 'published' | 'running' | 'objections' | 'empty';

/**
 * Why “发布入库” is not possible now, or null when it is: the notice is published already; its period still runs;
 * an objection is still open; no application is left on it. The server decides again (409 otherwise).
 */
export function publishBlock(
  n: Pick<Notice, 'status' | 'openObjections'> & Partial<Pick<NoticeDetail, 'objections' | 'applications'>>,
): PublishBlock | null {
  if (n.status === 'published') return 'published';
  if (n.status === 'open') return 'running';
  if (openObjectionCount(n) > 0) return 'objections';
  if (n.applications && !n.applications.some((a) => a.status === 'public_notice')) return 'empty';
  return null;
}

export const publishBlockKey: Record<PublishBlock, MessageKey> = {
  published: 'whitelistAdmin.publish.blocked.published',
  running: 'whitelistAdmin.publish.blocked.running',
  objections: 'whitelistAdmin.publish.blocked.objections',
  empty: 'whitelistAdmin.publish.blocked.empty',
};

/** Open objections: counted from the detail's list when there is one, else the notice's own count. */
export function openObjectionCount(
  n: Pick<Notice, 'openObjections'> & Partial<Pick<NoticeDetail, 'objections'>>,
): number {
  return n.objections ? n.objections.filter((o) => o.status === 'open').length : n.openObjections;
}

export interface ObjectionValues {
  decision: 'dismiss' | 'uphold';
  outcome?: 'reconsider' | 'reject';
  reason: string;
}

/** `POST /api/whitelist/objections/:id/handle` body: an outcome only when upheld. */
export function objectionBody(v: ObjectionValues): {
  decision: 'dismiss' | 'uphold';
  outcome?: 'reconsider' | 'reject';
  reason: string;
} {
  const reason = v.reason.trim();
  return v.decision === 'uphold'
    ? { decision: 'uphold', outcome: v.outcome ?? 'reconsider', reason }
    : { decision: 'dismiss', reason };
}

// ---------------------------------------------------------------------------------------------------------------
// Working days of a notice period

/** The work calendar from `GET /api/calendar/days` rows and the known years (`GET /api/calendar/years`). */
export function workCalendar(
  days: readonly { date: string; kind: 'holiday' | 'workday' }[],
  knownYears: readonly number[],
): WorkCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
    knownYears: new Set(knownYears),
  };
}

/** The years the periods of some notices touch (whose holidays must be loaded to count their working days). */
export function periodYears(list: readonly Pick<Notice, 'startsOn' | 'endsOn'>[]): number[] {
  const years = new Set<number>();
  for (const n of list) {
    const from = Number(n.startsOn.slice(0, 4));
    const to = Number(n.endsOn.slice(0, 4));
    for (let y = from; y <= to; y += 1) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** Working days of a notice period: the start day not counted, the end day counted (as the server adds them). */
export function periodWorkingDays(n: Pick<Notice, 'startsOn' | 'endsOn'>, cal: WorkCalendar): number {
  return workingDaysBetween(n.startsOn, n.endsOn, cal);
}

/** The year(s) of a period the calendar does not know yet (the end date is then an estimate). */
export function unknownPeriodYears(n: Pick<Notice, 'startsOn' | 'endsOn'>, cal: WorkCalendar): number[] {
  return periodYears([n]).filter((y) => !cal.knownYears.has(y));
}

// ---------------------------------------------------------------------------------------------------------------
// Entries, reviews and exits

export type ValidityState = 'valid' | 'expiring' | 'expired';

/** Whether an entry's validity runs, ends within `soonDays` days (its annual review is due), or has ended. */
export function validityState(validTo: string, today: string, soonDays = 30): ValidityState {
  if (validTo < today) return 'expired';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return validTo <= soon.toISOString().slice(0, 10) ? 'expiring' : 'valid';
}

export type EntryAction = 'propose_exit' | 'suspend' | 'reinstate' | 'withdraw';
const entryActionOrder: readonly EntryAction[] = ['propose_exit', 'suspend', 'reinstate', 'withdraw'];

/** The entry's buttons, in order, from the server's `actions` (never re-derived from the status). */
export function entryActions(actions: readonly string[]): EntryAction[] {
  return entryActionOrder.filter((a) => actions.includes(a));
}

/** What the signed-in user may do on an annual review, from its `actions`. */
export function reviewActions(actions: readonly string[]): { submit: boolean; decide: boolean } {
  return {
    submit: actions.includes('submit'),
    decide: actions.includes('decide') || actions.includes('pass') || actions.includes('fail'),
  };
}

/** Reviews newest first (by due date, then by when opened). */
export function reviewsNewestFirst<T extends { dueOn: string; openedAt: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => b.dueOn.localeCompare(a.dueOn) || b.openedAt.localeCompare(a.openedAt));
}

/** `POST /api/whitelist/entries/:id/exit-proposals` body: evidence only when some was attached. */
export function exitProposalBody(v: { reason: ExitReason; summary: string; evidence?: readonly string[] }) {
  return {
    reason: v.reason,
    summary: v.summary.trim(),
    ...(v.evidence && v.evidence.length > 0 ? { evidence: [...v.evidence] } : {}),
  };
}

export type EvidenceKind = 'file' | 'link' | 'text';

/** An evidence reference of an exit: a stored file (its SHA-256), a web link, or a text (document number, note). */
export function evidenceKind(ref: string): EvidenceKind {
  if (/^[0-9a-f]{64}$/i.test(ref)) return 'file';
  if (/^https?:\/\//i.test(ref)) return 'link';
  return 'text';
}

/** Measures in force first, then the later start first; kinds in the order of domain/whitelist.ts inside a day. */
export function measuresOrder<T extends Pick<Measure, 'inForce' | 'startsOn' | 'kind'>>(
  list: readonly T[],
): T[] {
  const rank = (k: string) => {
    const i = (measureKinds as readonly string[]).indexOf(k);
    return i < 0 ? measureKinds.length : i;
  };
  return [...list].sort(
    (a, b) =>
      Number(b.inForce) - Number(a.inForce) ||
      b.startsOn.localeCompare(a.startsOn) ||
      rank(a.kind) - rank(b.kind),
  );
}

/** The end of the re-entry ban in force (the latest one), or null. */
export function reentryBanEnd(list: readonly Pick<Measure, 'kind' | 'inForce' | 'endsOn'>[]): string | null {
  const ends = list
    .filter((m) => m.kind === 'reentry_ban' && m.inForce && m.endsOn)
    .map((m) => m.endsOn!)
    .sort();
  return ends.at(-1) ?? null;
}

/** The three tabs of 退出管理 map onto the exit statuses; the default tab is what waits for a decision. */
export const exitTabs: readonly ExitStatus[] = ['proposed', 'decided', 'dismissed'];
export const exitTabKey: Record<ExitStatus, MessageKey> = {
  proposed: 'whitelistAdmin.exits.tab.proposed',
  decided: 'whitelistAdmin.exits.tab.decided',
  dismissed: 'whitelistAdmin.exits.tab.dismissed',
};

/** A document's PDF (notices, plaques, exit decisions are documents of the documents module). */
export const documentPdfUrl = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/pdf`;

/** Today in China (the server's calendar), YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
