import type { TransitionTable } from './transitions.js';

/**
 * 合规建议 (DOMAIN.md §4.5). An advice campaign is proposed — by the frequency detector when a violation type
 * occurs often in one industry or subdistrict, or by a department — then approved (or rejected) by the bureau.
 * Approval freezes the list of target enterprises; sending issues one numbered letter per target in chunks, and a
 * campaign whose letters are all out is `sent`. It is closed once its reply deadline has passed.
 */
export type CampaignStatus = 'proposed' | 'sending' | 'sent' | 'closed' | 'rejected';
export type CampaignAction = 'approve' | 'reject' | 'finish' | 'close';

export const campaignTransitions: TransitionTable<CampaignStatus, CampaignAction> = {
  proposed: { approve: 'sending', reject: 'rejected' },
  sending: { finish: 'sent' },
  sent: { close: 'closed' },
  closed: {},
  rejected: {},
};

/** Campaign statuses that block a second proposal for the same violation type and scope. */
export const liveCampaignStatuses: readonly CampaignStatus[] = ['proposed', 'sending', 'sent'];

/**
 * One letter: sent, answered by the enterprise (`replied`), or past its deadline without a reply (`overdue`). A late
 * reply still counts as a reply, flagged late.
 */
export type LetterStatus = 'sent' | 'replied' | 'overdue';
export type LetterAction = 'reply' | 'expire';

export const letterTransitions: TransitionTable<LetterStatus, LetterAction> = {
  sent: { reply: 'replied', expire: 'overdue' },
  overdue: { reply: 'replied' },
  replied: {},
};

/** A violation recorded on an inspection: open until the officer confirms it was rectified. */
export type ViolationStatus = 'open' | 'rectified';
export type ViolationAction = 'rectify';

export const violationTransitions: TransitionTable<ViolationStatus, ViolationAction> = {
  open: { rectify: 'rectified' },
  rectified: {},
};

export type CampaignScopeType = 'industry' | 'subdistrict';

/**
 * Frequency rule: a violation type is frequent in a scope when it occurred at least `threshold` times in the last
 * `windowDays` days there. Pure so that the detector, its tests and the explanation shown to the bureau agree.
 */
export function isFrequent(count: number, threshold: number): boolean {
  return threshold > 0 && count >= threshold;
}
