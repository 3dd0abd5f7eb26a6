import type { TransitionTable } from './transitions.js';
import { gradeAtLeast } from './agencies.js';

/** 第三方确认 workflow. */
export type ConfirmationStatus =
  'requested' | 'declined' | 'checking' | 'signing' | 'confirmed' | 'not_confirmed' | 'withdrawn' | 'revoked';
export type ConfirmationAction =
  'accept' | 'decline' | 'withdraw' | 'conclude' | 'sign' | 'reopen' | 'complete' | 'revoke';

/**
 * The enterprise asks an agency; the agency accepts and checks every key item; it concludes, and the conclusion
 * waits for two engineers' signatures (`complete` is taken by the second signature); the bureau revokes a false
 * confirmation.
 */
export const confirmationTransitions: TransitionTable<ConfirmationStatus, ConfirmationAction> = {
  requested: { accept: 'checking', decline: 'declined', withdraw: 'withdrawn' },
  checking: { conclude: 'signing', withdraw: 'withdrawn' },
  signing: { sign: 'signing', reopen: 'checking' },
  confirmed: { revoke: 'revoked' },
  not_confirmed: {},
  declined: {},
  withdrawn: {},
  revoked: {},
};

export const openConfirmationStatuses: readonly ConfirmationStatus[] = ['requested', 'checking', 'signing'];

export const requiredSignatures = 2;

export type EligibilityProblem =
  | 'CONFIRMATION_AGENCY_NOT_ACTIVE'
  | 'CONFIRMATION_AGENCY_WRONG_KIND'
  | 'CONFIRMATION_AGENCY_GRADE_TOO_LOW'
  | 'CONFIRMATION_AGENCY_GRADE_EXPIRED';

/** Whether an agency may confirm on a date: active, of the confirmation kind, graded at least the minimum, grade valid. */
export function agencyEligibility(
  agency: { status: string; kinds: readonly string[]; grade: string | null; gradeValidUntil: string | null },
  rules: { scale: readonly string[]; minGrade: string },
  onDate: string,
): EligibilityProblem | null {
  if (agency.status !== 'active') return 'CONFIRMATION_AGENCY_NOT_ACTIVE';
  if (!agency.kinds.includes('confirmation')) return 'CONFIRMATION_AGENCY_WRONG_KIND';
  if (!gradeAtLeast(rules.scale, agency.grade, rules.minGrade)) return 'CONFIRMATION_AGENCY_GRADE_TOO_LOW';
  if (!agency.gradeValidUntil || agency.gradeValidUntil < onDate) return 'CONFIRMATION_AGENCY_GRADE_EXPIRED';
  return null;
}

export type SignatureProblem =
  | 'ENGINEER_OTHER_AGENCY'
  | 'ENGINEER_NOT_APPROVED'
  | 'ENGINEER_CERTIFICATE_INVALID'
  | 'ENGINEER_ALREADY_SIGNED';

/** Whether an engineer may sign a confirmation of `agencyId` on a date, given who signed already. */
export function signatureProblem(
  engineer: { id: string; agencyId: string; status: string; validFrom: string; validTo: string },
  agencyId: string,
  onDate: string,
  signedEngineerIds: readonly string[],
): SignatureProblem | null {
  if (engineer.agencyId !== agencyId) return 'ENGINEER_OTHER_AGENCY';
  if (engineer.status !== 'approved') return 'ENGINEER_NOT_APPROVED';
  if (engineer.validFrom > onDate || engineer.validTo < onDate) return 'ENGINEER_CERTIFICATE_INVALID';
  if (signedEngineerIds.includes(engineer.id)) return 'ENGINEER_ALREADY_SIGNED';
  return null;
}

/** Add calendar months to a YYYY-MM-DD date (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export type EngineerStatus = 'pending' | 'approved' | 'rejected' | 'revoked';
export type EngineerAction = 'approve' | 'reject' | 'revoke' | 'edit';

/** An agency's change to an engineer waits for the bureau's approval again; a revoked record is final. */
export const engineerTransitions: TransitionTable<EngineerStatus, EngineerAction> = {
  pending: { approve: 'approved', reject: 'rejected', edit: 'pending' },
  approved: { revoke: 'revoked', edit: 'pending' },
  rejected: { edit: 'pending' },
  revoked: {},
};
