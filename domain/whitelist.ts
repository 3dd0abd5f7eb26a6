import type { TransitionTable } from './transitions.js';

/**
 * 白名单申请 (DOMAIN.md §4.3): the enterprise submits, the subdistrict collects it into a batch (or returns it), the
 * bureau reviews it formally, asks departments for opinions, puts it on public notice and publishes it. Any open
 * step can return it to the enterprise or reject it; the enterprise may withdraw while it is open. An objection
 * upheld during the public notice sends it back to formal review (`reconsider`).
 */
export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'collected'
  | 'formal_review'
  | 'opinions'
  | 'public_notice'
  | 'published'
  | 'returned'
  | 'rejected'
  | 'withdrawn';

export type ApplicationAction =
  | 'submit'
  | 'collect'
  | 'review'
  | 'solicit'
  | 'notice'
  | 'publish'
  | 'reconsider'
  | 'return'
  | 'reject'
  | 'withdraw';

export const applicationTransitions: TransitionTable<ApplicationStatus, ApplicationAction> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  returned: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { collect: 'collected', return: 'returned', withdraw: 'withdrawn' },
  collected: { review: 'formal_review', return: 'returned', reject: 'rejected', withdraw: 'withdrawn' },
  formal_review: { solicit: 'opinions', return: 'returned', reject: 'rejected', withdraw: 'withdrawn' },
  opinions: {
    solicit: 'opinions',
    notice: 'public_notice',
    return: 'returned',
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  public_notice: {
    publish: 'published',
    reconsider: 'formal_review',
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  published: {},
  rejected: {},
  withdrawn: {},
};

/** An enterprise has at most one application in these states. */
export const openApplicationStatuses: readonly ApplicationStatus[] = [
  'draft',
  'returned',
  'submitted',
  'collected',
  'formal_review',
  'opinions',
  'public_notice',
];

/** 征询意见: pending until the department answers; at its deadline silence is agreement or goes to the bureau. */
export type OpinionStatus = 'pending' | 'agreed' | 'objected' | 'silent_agreed' | 'escalated' | 'superseded';

/** Opinions that let the application go on to public notice. */
export const clearedOpinionStatuses: readonly OpinionStatus[] = ['agreed', 'silent_agreed'];

export function opinionAfterDeadline(silence: 'agree' | 'escalate'): OpinionStatus {
  return silence === 'agree' ? 'silent_agreed' : 'escalated';
}

/** Whether the application may go on public notice: at least one opinion asked, every current one cleared. */
export function opinionsCleared(statuses: readonly OpinionStatus[]): boolean {
  const current = statuses.filter((s) => s !== 'superseded');
  return current.length > 0 && current.every((s) => clearedOpinionStatuses.includes(s));
}

/** 白名单 membership. */
export type EntryStatus = 'active' | 'suspended' | 'exited';
export type EntryAction = 'suspend' | 'reinstate' | 'exit' | 'renew';

export const entryTransitions: TransitionTable<EntryStatus, EntryAction> = {
  active: { suspend: 'suspended', exit: 'exited', renew: 'active' },
  suspended: { reinstate: 'active', exit: 'exited' },
  exited: {},
};

/** The six exit situations (DOMAIN.md §4.4). */
export const exitReasons = [
  'accident',
  'major_hazard',
  'false_compliance',
  'refused_rectification',
  'serious_penalty',
  'withdrawal_or_review',
] as const;
export type ExitReason = (typeof exitReasons)[number];

export const exitReasonLabels: Record<ExitReason, string> = {
  accident: '发生造成人员伤亡或较大财产损失的生产安全事故',
  major_hazard: '执法检查发现重大事故隐患',
  false_compliance: '承诺、自查或第三方确认材料弄虚作假',
  refused_rectification: '拒不整改：整改通知或合规建议书逾期未回复',
  serious_penalty: '受到责令停产停业等严重安全生产行政处罚或被列入严重失信名单',
  withdrawal_or_review: '主动退出、注销，或年度复核未通过、未按期复核',
};

/** An exit proposal: opened by an event or by hand, decided by the bureau. */
export type ExitStatus = 'proposed' | 'decided' | 'dismissed';
export type ExitAction = 'decide' | 'dismiss';

export const exitTransitions: TransitionTable<ExitStatus, ExitAction> = {
  proposed: { decide: 'decided', dismiss: 'dismissed' },
  decided: {},
  dismissed: {},
};

/** 年度复核. */
export type ReviewStatus = 'open' | 'submitted' | 'passed' | 'failed' | 'missed';
export type ReviewAction = 'submit' | 'pass' | 'fail' | 'miss';

export const reviewTransitions: TransitionTable<ReviewStatus, ReviewAction> = {
  open: { submit: 'submitted', miss: 'missed' },
  submitted: { pass: 'passed', fail: 'failed', submit: 'submitted' },
  passed: {},
  failed: {},
  missed: {},
};

/** 公示异议. */
export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

/** 退出后的管理措施 (DOMAIN.md §4.6), in a form the incentives ledger can read. */
export const measureKinds = [
  'reentry_ban',
  'benefit_clawback',
  'intensified_inspection',
  'insurance_tier_up',
  'no_notify_and_commit',
  'no_awards',
  'funding_restriction',
] as const;
export type MeasureKind = (typeof measureKinds)[number];

export const measureLabels: Record<MeasureKind, string> = {
  reentry_ban: '不得重新申请入库',
  benefit_clawback: '收回已享受的惠企措施',
  intensified_inspection: '提高执法检查频次',
  insurance_tier_up: '提高安责险费率档次',
  no_notify_and_commit: '不适用告知承诺制审批',
  no_awards: '不得参加政府评优评先',
  funding_restriction: '限制财政资金支持、暂停项目审批（重点审查项问题整改前）',
};

/** Exits that rest on key-item failures also cost awards and, until rectified, funding and project approvals. */
const keyItemReasons: readonly ExitReason[] = ['major_hazard', 'false_compliance', 'refused_rectification'];

export interface PlannedMeasure {
  kind: MeasureKind;
  startsOn: string;
  /** null: until lifted (funding restriction lasts until the key-item failures are rectified) */
  endsOn: string | null;
}

/** The measures an exit decided on `on` imposes, with the jurisdiction's periods. */
export function measuresForExit(
  reason: ExitReason,
  on: string,
  periods: { reentryBanYears: number; measureMonths: number },
  addMonths: (date: string, months: number) => string,
): PlannedMeasure[] {
  const banEnd = addMonths(on, periods.reentryBanYears * 12);
  const periodEnd = addMonths(on, periods.measureMonths);
  const measures: PlannedMeasure[] = [
    { kind: 'reentry_ban', startsOn: on, endsOn: banEnd },
    { kind: 'benefit_clawback', startsOn: on, endsOn: on },
    { kind: 'intensified_inspection', startsOn: on, endsOn: periodEnd },
    { kind: 'insurance_tier_up', startsOn: on, endsOn: periodEnd },
    { kind: 'no_notify_and_commit', startsOn: on, endsOn: periodEnd },
  ];
  if (keyItemReasons.includes(reason)) {
    measures.push({ kind: 'no_awards', startsOn: on, endsOn: periodEnd });
    measures.push({ kind: 'funding_restriction', startsOn: on, endsOn: null });
  }
  return measures;
}
