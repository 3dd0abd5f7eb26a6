import type { TransitionTable } from './transitions.js';

/** 事故隐患 workflow: the enterprise rectifies and closes, the guiding agency or the subdistrict verifies. */
export type HazardStatus = 'open' | 'rectifying' | 'awaiting_verification' | 'closed';
export type HazardAction = 'start' | 'submit' | 'verify' | 'reject' | 'reopen';

export const hazardTransitions: TransitionTable<HazardStatus, HazardAction> = {
  open: { start: 'rectifying', submit: 'awaiting_verification' },
  rectifying: { submit: 'awaiting_verification' },
  awaiting_verification: { verify: 'closed', reject: 'rectifying' },
  closed: { reopen: 'open' },
};

/** 延期整改申请 workflow. */
export type ExtensionStatus = 'pending' | 'approved' | 'refused' | 'withdrawn';
export type ExtensionAction = 'approve' | 'refuse' | 'withdraw';

export const extensionTransitions: TransitionTable<ExtensionStatus, ExtensionAction> = {
  pending: { approve: 'approved', refuse: 'refused', withdraw: 'withdrawn' },
  approved: {},
  refused: {},
  withdrawn: {},
};

/** Self-inspection workflow: answered part-way any number of times, then completed once. */
export type AssessmentStatus = 'in_progress' | 'completed';
export type AssessmentAction = 'answer' | 'complete';

export const assessmentTransitions: TransitionTable<AssessmentStatus, AssessmentAction> = {
  in_progress: { answer: 'in_progress', complete: 'completed' },
  completed: {},
};

export type AnswerResult = 'compliant' | 'non_compliant' | 'not_applicable';

export interface AnswerState {
  itemCode: string;
  isKey: boolean;
  result: AnswerResult | null;
  toReview: boolean;
  naReason: string | null;
  evidence: readonly string[];
}

export type AnswerProblem =
  'INSPECTION_ITEM_UNANSWERED' | 'INSPECTION_KEY_ITEM_NO_EVIDENCE' | 'INSPECTION_NA_WITHOUT_REASON';

/** What stops an assessment from being completed, item by item (empty when it can be completed). */
export function completionProblems(
  answers: readonly AnswerState[],
  rules: { keyItemEvidenceRequired: boolean },
): { itemCode: string; problem: AnswerProblem }[] {
  const out: { itemCode: string; problem: AnswerProblem }[] = [];
  for (const a of answers) {
    if (a.result === null || a.toReview)
      out.push({ itemCode: a.itemCode, problem: 'INSPECTION_ITEM_UNANSWERED' });
    else if (a.result === 'not_applicable' && !a.naReason?.trim())
      out.push({ itemCode: a.itemCode, problem: 'INSPECTION_NA_WITHOUT_REASON' });
    else if (
      rules.keyItemEvidenceRequired &&
      a.isKey &&
      a.result === 'compliant' &&
      a.evidence.length === 0
    ) {
      out.push({ itemCode: a.itemCode, problem: 'INSPECTION_KEY_ITEM_NO_EVIDENCE' });
    }
  }
  return out;
}

/** A non-compliant item is a major hazard when it maps to a 重大事故隐患 criterion, or when the assessor says so. */
export function hazardSeverity(answer: { majorHazard: unknown; markedMajor: boolean }): {
  severity: 'general' | 'major';
  majorReason: 'criterion' | 'assessor' | null;
} {
  if (answer.majorHazard) return { severity: 'major', majorReason: 'criterion' };
  if (answer.markedMajor) return { severity: 'major', majorReason: 'assessor' };
  return { severity: 'general', majorReason: null };
}

/** Calendar dates as YYYY-MM-DD strings in China time: deadlines are days, not instants. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function nextHazardStatus(from: HazardStatus, action: HazardAction): HazardStatus | undefined {
  return hazardTransitions[from][action];
}
