/**
 * Pure logic of the hazard and extension pages: URL filters ↔ API query, labels and colours, which actions the
 * server's abilities allow, the status timeline. Tested in hazards-logic.test.ts.
 */
import type { MessageKey } from '../../i18n';
import type { QueryOf, ResponseBody } from '../../api/types';

export type HazardListQuery = QueryOf<'/api/hazards'>;
export type ExtensionListQuery = QueryOf<'/api/extension-requests'>;
export type Hazard = ResponseBody<'/api/hazards', 'get'>['items'][number];
export type HazardDetail = ResponseBody<'/api/hazards/{id}', 'get'>;
export type Extension = ResponseBody<'/api/extension-requests/{id}', 'get'>;
export type HazardStatus = Hazard['status'];
export type HazardSeverity = Hazard['severity'];
export type ExtensionStatus = Extension['status'];

export const hazardStatuses: readonly HazardStatus[] = [
  'open',
  'rectifying',
  'awaiting_verification',
  'closed',
];
export const extensionStatuses: readonly ExtensionStatus[] = ['pending', 'approved', 'refused', 'withdrawn'];

export const hazardStatusLabel: Record<HazardStatus, MessageKey> = {
  open: 'hazards.status.open',
  rectifying: 'hazards.status.rectifying',
  awaiting_verification: 'hazards.status.awaiting_verification',
  closed: 'hazards.status.closed',
};
export const hazardStatusColor: Record<HazardStatus, string> = {
  open: 'orange',
  rectifying: 'blue',
  awaiting_verification: 'purple',
  closed: 'green',
};
export const severityLabel: Record<HazardSeverity, MessageKey> = {
  general: 'hazards.severity.general',
  major: 'hazards.severity.major',
};
export const majorReasonLabel: Record<string, MessageKey> = {
  criterion: 'hazards.majorReason.criterion',
  assessor: 'hazards.majorReason.assessor',
};
export const extensionStatusLabel: Record<ExtensionStatus, MessageKey> = {
  pending: 'extensions.status.pending',
  approved: 'extensions.status.approved',
  refused: 'extensions.status.refused',
  withdrawn: 'extensions.status.withdrawn',
};
export const extensionStatusColor: Record<ExtensionStatus, string> = {
  pending: 'gold',
  approved: 'green',
  refused: 'red',
  withdrawn: 'default',
};

// ---------------------------------------------------------------- hazard list filters (URL ↔ query)

/** Keys kept in the URL of /hazards. */
export const hazardSearchKeys = [
  'view',
  'status',
  'severity',
  'overdue',
  'sub',
  'ent',
  'page',
  'size',
] as const;
export type HazardSearch = Partial<Record<(typeof hazardSearchKeys)[number], string>>;

/** Quick views (tabs): 待整改 / 待验收 / 已逾期 / 重大 / 全部. */
export type HazardView = 'unresolved' | 'awaiting' | 'overdue' | 'major' | 'all';
export const hazardViews: readonly HazardView[] = ['unresolved', 'awaiting', 'overdue', 'major', 'all'];
export const hazardViewLabel: Record<HazardView, MessageKey> = {
  unresolved: 'hazards.view.unresolved',
  awaiting: 'hazards.view.awaiting',
  overdue: 'hazards.view.overdue',
  major: 'hazards.view.major',
  all: 'hazards.view.all',
};
/** Everyone starts on what is still to do; the server puts unresolved, major and nearest deadlines first. */
export const defaultHazardView: HazardView = 'unresolved';

export function currentView(search: HazardSearch): HazardView {
  return hazardViews.includes(search.view as HazardView) ? (search.view as HazardView) : defaultHazardView;
}

/** The query part of a quick view. */
export function viewQuery(view: HazardView): HazardListQuery {
  switch (view) {
    case 'unresolved':
      return { unresolved: true };
    case 'awaiting':
      return { status: 'awaiting_verification' };
    case 'overdue':
      return { overdue: true };
    case 'major':
      return { severity: 'major', unresolved: true };
    case 'all':
      return {};
  }
}

const pageSizes = [10, 20, 50, 100] as const;
export const hazardPageSizes = pageSizes;

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The filters of the URL without paging: the quick view, then the finer filters on top. */
export function hazardFilterQuery(search: HazardSearch, view = currentView(search)): HazardListQuery {
  const q: HazardListQuery = { ...viewQuery(view) };
  if (hazardStatuses.includes(search.status as HazardStatus)) {
    q.status = search.status as HazardStatus;
    // an explicit "closed" would contradict "unresolved": the status chosen wins
    if (q.status === 'closed') delete q.unresolved;
  }
  if (search.severity === 'general' || search.severity === 'major') q.severity = search.severity;
  if (search.overdue === '1') q.overdue = true;
  if (search.sub) q.subdistrictId = search.sub;
  if (search.ent) q.enterpriseId = search.ent;
  return q;
}

/** The list query of the URL: filters and paging. */
export function hazardListQuery(search: HazardSearch): HazardListQuery {
  const size = positive(search.size, 20);
  return {
    ...hazardFilterQuery(search),
    page: positive(search.page, 1),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : 20,
  };
}

/** Counts per quick view with the same unit filters (subdistrict, enterprise), one row each. */
export function viewCountQuery(search: HazardSearch, view: HazardView): HazardListQuery {
  return { ...hazardFilterQuery({ sub: search.sub, ent: search.ent }, view), page: 1, pageSize: 1 };
}

/** Whether finer filters are set (beyond the quick view), for a "clear filters" link. */
export function hasFineFilters(search: HazardSearch): boolean {
  return Boolean(search.status || search.severity || search.overdue || search.sub || search.ent);
}

// ---------------------------------------------------------------- extension list filters

export const extensionSearchKeys = ['status', 'sub', 'page', 'size'] as const;
export type ExtensionSearch = Partial<Record<(typeof extensionSearchKeys)[number], string>>;

/** The extension list query of the URL; without a status the server lists pending requests first. */
export function extensionListQuery(search: ExtensionSearch): ExtensionListQuery {
  const size = positive(search.size, 20);
  const q: ExtensionListQuery = {
    page: positive(search.page, 1),
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : 20,
  };
  if (extensionStatuses.includes(search.status as ExtensionStatus))
    q.status = search.status as ExtensionStatus;
  if (search.sub) q.subdistrictId = search.sub;
  return q;
}

// ---------------------------------------------------------------- actions

export type HazardAction = 'edit' | 'start' | 'submit' | 'verify' | 'reject' | 'reopen' | 'requestExtension';

/**
 * The actions to offer on a hazard, in the order shown (the main step first): only what the server's abilities
 * allow. A pending extension hides "request extension" (the server would refuse EXTENSION_PENDING_EXISTS).
 */
export function hazardActions(
  h: Pick<Hazard, 'abilities' | 'status'> & { extensions?: Pick<Extension, 'status'>[] },
): HazardAction[] {
  const a = h.abilities;
  const out: HazardAction[] = [];
  if (a.submit) out.push('submit');
  if (a.start) out.push('start');
  if (a.verify) out.push('verify');
  if (a.reject) out.push('reject');
  if (a.reopen) out.push('reopen');
  if (a.update) out.push('edit');
  if (a.requestExtension && !(h.extensions ?? []).some((x) => x.status === 'pending')) {
    out.push('requestExtension');
  }
  return out;
}

export type ExtensionAction = 'approve' | 'refuse' | 'withdraw';

export function extensionActions(x: Pick<Extension, 'abilities'>): ExtensionAction[] {
  const out: ExtensionAction[] = [];
  if (x.abilities.decide) out.push('approve', 'refuse');
  if (x.abilities.withdraw) out.push('withdraw');
  return out;
}

// ---------------------------------------------------------------- facts and timeline

/** Whether the deadline moved from the first one (by an approved extension or an edit). */
export function deadlineMoved(h: Pick<Hazard, 'deadline' | 'originalDeadline'>): boolean {
  return h.deadline !== h.originalDeadline;
}

/** Days from `today` (YYYY-MM-DD) to the deadline: negative when past. */
export function daysLeft(deadline: string, today: string): number {
  const ms = Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Today as a calendar date in China time (deadlines are China calendar days). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface TimelineStep {
  key: 'reported' | 'extension' | 'submitted' | 'closed' | 'now';
  at: string | null;
  label: MessageKey;
  params?: Record<string, string>;
  color: string;
  note?: string | null;
}

/**
 * The hazard's story from its own fields: reported, extension decisions, submitted for verification, closed; and
 * where it stands now when not closed. Sorted by time (steps without a time last).
 */
export function hazardTimeline(
  h: Pick<
    HazardDetail,
    'reportedAt' | 'submittedAt' | 'closedAt' | 'status' | 'closureNote' | 'verificationNote' | 'overdue'
  > & {
    extensions?: Pick<
      Extension,
      'status' | 'requestedAt' | 'decidedAt' | 'requestedDeadline' | 'approvedDeadline'
    >[];
  },
): TimelineStep[] {
  const steps: TimelineStep[] = [
    { key: 'reported', at: h.reportedAt, label: 'hazards.timeline.reported', color: 'red' },
  ];
  for (const x of h.extensions ?? []) {
    steps.push({
      key: 'extension',
      at: x.requestedAt,
      label: 'hazards.timeline.extensionRequested',
      params: { date: x.requestedDeadline },
      color: 'gray',
    });
    if (x.status === 'approved' || x.status === 'refused') {
      steps.push({
        key: 'extension',
        at: x.decidedAt,
        label:
          x.status === 'approved'
            ? 'hazards.timeline.extensionApproved'
            : 'hazards.timeline.extensionRefused',
        params: { date: x.approvedDeadline ?? x.requestedDeadline },
        color: x.status === 'approved' ? 'green' : 'red',
      });
    }
  }
  if (h.submittedAt) {
    steps.push({
      key: 'submitted',
      at: h.submittedAt,
      label: 'hazards.timeline.submitted',
      color: 'blue',
      note: h.closureNote,
    });
  }
  if (h.closedAt && h.status === 'closed') {
    steps.push({
      key: 'closed',
      at: h.closedAt,
      label: 'hazards.timeline.closed',
      color: 'green',
      note: h.verificationNote,
    });
  }
  steps.sort((a, b) => (a.at ?? '9999').localeCompare(b.at ?? '9999'));
  if (h.status !== 'closed') {
    steps.push({
      key: 'now',
      at: null,
      label: hazardStatusLabel[h.status],
      color: h.overdue ? 'red' : 'gray',
      // a rejection leaves its note on the hazard while it is rectified again
      note: h.status === 'rectifying' ? h.verificationNote : null,
    });
  }
  return steps;
}

/** The PDF of a decision document (served inline; the browser opens it). */
export function decisionPdfUrl(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/pdf`;
}

export function fileUrl(sha256: string): string {
  return `/api/files/${encodeURIComponent(sha256)}`;
}

export function thumbnailUrl(sha256: string): string {
  return `/api/files/${encodeURIComponent(sha256)}/thumbnail`;
}
