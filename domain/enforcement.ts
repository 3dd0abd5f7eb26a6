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

/** How a violation harmed: none, slight (轻微) or real harm. Entered by the officer at the inspection. */
export const harmLevels = ['none', 'slight', 'harmful'] as const;
export type Harm = (typeof harmLevels)[number];

/** Which of the province's three lists a violation type is on (data on the type, DOMAIN.md §5). */
export const leniencyLists = ['no_penalty', 'mitigated', 'lighter'] as const;
export type LeniencyList = (typeof leniencyLists)[number];

/** Outcomes an officer can decide, from most to least lenient. */
export const penaltyOutcomes = ['no_penalty', 'mitigated', 'lighter', 'ordinary'] as const;
export type PenaltyOutcome = (typeof penaltyOutcomes)[number];

/** What the system knows about a violation when the officer decides. */
export interface LeniencyFacts {
  /** no earlier violation of the same type at this enterprise */
  firstViolation: boolean;
  /** the enterprise reported the matching hazard itself before the inspection (its event's timestamp proves it) */
  selfReportedBefore: boolean;
  /** … and had started rectifying it */
  rectificationStarted: boolean;
  /** the violation was confirmed rectified by its deadline */
  correctedInTime: boolean;
  harm: Harm;
  /** the type's list, if any (e.g. Zhejiang's list of minor violations not penalised) */
  list: LeniencyList | null;
}

export interface LeniencySuggestion {
  outcome: PenaltyOutcome;
  /** the provision relied on (Administrative Penalty Law 2021), or null for an ordinary penalty */
  article: string | null;
  /** true where the law says 应当 (must), false where it says 可以 (may) */
  mandatory: boolean;
  /** why, in Chinese, for the officer */
  because: string;
  /** whenever no penalty is given, the party must be educated (art. 33, last paragraph) */
  educate: boolean;
}

/**
 * Decision support under arts. 32 and 33 of the Administrative Penalty Law (2021), restated: no penalty when the
 * violation is minor (a type on the no-penalty list), corrected in time and harmless (must); no penalty may be given
 * for a first violation with at most slight harm corrected in time (may); a lighter or mitigated penalty when the party
 * confessed a violation the authority had not yet found — here, a hazard it reported itself before the inspection and
 * was already rectifying (must). White-list membership is not a legal ground and is not read here. The officer
 * decides; the suggestion is recorded next to the decision.
 */
export function suggestLeniency(f: LeniencyFacts): LeniencySuggestion {
  if (f.list === 'no_penalty' && f.correctedInTime && f.harm === 'none')
    return {
      outcome: 'no_penalty',
      article: '《中华人民共和国行政处罚法》第三十三条第一款',
      mandatory: true,
      because: '违法行为轻微（列入不予处罚清单）并及时改正，没有造成危害后果，依法不予行政处罚',
      educate: true,
    };
  if (f.firstViolation && f.correctedInTime && f.harm !== 'harmful')
    return {
      outcome: 'no_penalty',
      article: '《中华人民共和国行政处罚法》第三十三条第一款',
      mandatory: false,
      because: '初次违法且危害后果轻微并及时改正，可以不予行政处罚',
      educate: true,
    };
  if (f.selfReportedBefore && f.rectificationStarted)
    return {
      outcome: f.list === 'mitigated' ? 'mitigated' : 'lighter',
      article: '《中华人民共和国行政处罚法》第三十二条第（三）项',
      mandatory: true,
      because:
        '企业在检查前已自查发现并报告该隐患、着手整改，属主动供述行政机关尚未掌握的违法行为，应当从轻或者减轻处罚',
      educate: false,
    };
  return {
    outcome: 'ordinary',
    article: null,
    mandatory: false,
    because: '不具备法定从轻、减轻或不予处罚情形，按裁量基准处罚',
    educate: false,
  };
}

/** The penalty decision on a violation: taken once, by the inspecting department. */
export type DecisionStatus = 'undecided' | 'decided';
export const decisionTransitions: TransitionTable<DecisionStatus, 'decide'> = {
  undecided: { decide: 'decided' },
  decided: {},
};
