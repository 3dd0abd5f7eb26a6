/**
 * Agencies (第三方确认机构 / 安全生产社会化服务机构) and service engagements (社会化服务): kinds, statuses, the
 * state machines and the grade order. Pure; shared by the server and the web UI.
 */
import type { TransitionTable } from './transitions.js';

export const agencyKinds = ['confirmation', 'social_service'] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const agencyStatuses = ['active', 'suspended', 'blacklisted'] as const;
export type AgencyStatus = (typeof agencyStatuses)[number];

export const agencyActions = ['suspend', 'reinstate', 'blacklist'] as const;
export type AgencyAction = (typeof agencyActions)[number];

/** The bureau suspends and reinstates an agency; blacklisting is final. */
export const agencyTransitions: TransitionTable<AgencyStatus, AgencyAction> = {
  active: { suspend: 'suspended', blacklist: 'blacklisted' },
  suspended: { reinstate: 'active', blacklist: 'blacklisted' },
  blacklisted: {},
};

export const engagementServices = ['first_inspection', 'rectification_guidance'] as const;
export type EngagementService = (typeof engagementServices)[number];

export const engagementStatuses = ['requested', 'active', 'declined', 'ended'] as const;
export type EngagementStatus = (typeof engagementStatuses)[number];

export const engagementActions = ['accept', 'decline', 'withdraw', 'end'] as const;
export type EngagementAction = (typeof engagementActions)[number];

/**
 * An enterprise asks (requested); the agency accepts or declines; the enterprise may withdraw a request it
 * has not had answered; either side ends an active engagement.
 */
export const engagementTransitions: TransitionTable<EngagementStatus, EngagementAction> = {
  requested: { accept: 'active', decline: 'declined', withdraw: 'ended' },
  active: { end: 'ended' },
  declined: {},
  ended: {},
};

/** Statuses in which an engagement is still open: a second one with the same agency is refused. */
export const openEngagementStatuses: readonly EngagementStatus[] = ['requested', 'active'];

/** Default grade scale, best first: the measures ask for "grade B or higher" for confirmations. */
export const defaultGradeScale = ['A', 'B', 'C'] as const;

/**
 * Whether `grade` is at least `minimum` on a scale ordered best first. An unknown grade (not on the scale)
 * never qualifies.
 */
export function gradeAtLeast(scale: readonly string[], grade: string | null | undefined, minimum: string): boolean {
  if (!grade) return false;
  const g = scale.indexOf(grade);
  const m = scale.indexOf(minimum);
  return g >= 0 && m >= 0 && g <= m;
}

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export const agencyKindLabels: Record<AgencyKind, { zh: string; en: string }> = {
  confirmation: { zh: '第三方确认', en: 'Third-party confirmation' },
  social_service: { zh: '社会化服务', en: 'Social service' },
};

export const agencyStatusLabels: Record<AgencyStatus, { zh: string; en: string }> = {
  active: { zh: '正常', en: 'Active' },
  suspended: { zh: '暂停', en: 'Suspended' },
  blacklisted: { zh: '列入黑名单', en: 'Blacklisted' },
};

export const engagementServiceLabels: Record<EngagementService, { zh: string; en: string }> = {
  first_inspection: { zh: '首次检查', en: 'First inspection' },
  rectification_guidance: { zh: '整改指导', en: 'Rectification guidance' },
};

export const engagementStatusLabels: Record<EngagementStatus, { zh: string; en: string }> = {
  requested: { zh: '待机构确认', en: 'Requested' },
  active: { zh: '服务中', en: 'Active' },
  declined: { zh: '机构已拒绝', en: 'Declined' },
  ended: { zh: '已结束', en: 'Ended' },
};
