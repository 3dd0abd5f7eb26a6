/**
 * Pure logic of the enterprise home and the 承诺书 page: next-step texts, the hazard links of the status tiles,
 * and the commitment's status. No React here: tested in node (readiness-logic.test.ts).
 */
import type { MessageKey } from '../../i18n';

/** The step keys the server sends (server/modules/readiness/next-steps.ts), with their texts. */
const stepTexts: Record<string, { title: MessageKey; hint: MessageKey }> = {
  signCommitment: { title: 'readiness.step.signCommitment', hint: 'readiness.step.signCommitment.hint' },
  resignCommitment: { title: 'readiness.step.resignCommitment', hint: 'readiness.step.resignCommitment.hint' },
  fixOverdue: { title: 'readiness.step.fixOverdue', hint: 'readiness.step.fixOverdue.hint' },
  fixMajor: { title: 'readiness.step.fixMajor', hint: 'readiness.step.fixMajor.hint' },
  startInspection: { title: 'readiness.step.startInspection', hint: 'readiness.step.startInspection.hint' },
  continueInspection: { title: 'readiness.step.continueInspection', hint: 'readiness.step.continueInspection.hint' },
  fixHazards: { title: 'readiness.step.fixHazards', hint: 'readiness.step.fixHazards.hint' },
  readyToApply: { title: 'readiness.step.readyToApply', hint: 'readiness.step.readyToApply.hint' },
};

/** A step's title and hint keys; null for a key this UI does not know yet (shown by its key). */
export function stepText(key: string): { title: MessageKey; hint: MessageKey } | null {
  return Object.hasOwn(stepTexts, key) ? stepTexts[key] : null;
}

/**
 * Links of the hazard counters, in the URL keys of the hazard pages (web/src/pages/hazards/hazards-logic.ts:
 * quick views `view=`, extension requests `status=`).
 */
export const hazardLinks = {
  unresolved: '/hazards?view=unresolved',
  major: '/hazards?view=major',
  overdue: '/hazards?view=overdue',
  awaitingVerification: '/hazards?view=awaiting',
  closed: '/hazards?view=all&status=closed',
  pendingExtensions: '/extension-requests?status=pending',
} as const;

/** Hazard steps link to the hazard page's own quick views; other steps keep the server's link. */
const stepLinks: Record<string, string> = {
  fixOverdue: hazardLinks.overdue,
  fixMajor: hazardLinks.major,
  fixHazards: hazardLinks.unresolved,
};

export function stepLink(step: { key: string; link: string }): string {
  return Object.hasOwn(stepLinks, step.key) ? stepLinks[step.key] : step.link;
}

export type HazardCounter = keyof typeof hazardLinks;

export type CommitmentState = 'unsigned' | 'outdated' | 'signed';

/** Never signed, signed an older text (must sign again), or signed the current text. */
export function commitmentState(c: { signed: boolean; upToDate: boolean }): CommitmentState {
  if (!c.signed) return 'unsigned';
  return c.upToDate ? 'signed' : 'outdated';
}

export const commitmentStateMeta: Record<CommitmentState, { key: MessageKey; color: string }> = {
  unsigned: { key: 'commitment.state.unsigned', color: 'red' },
  outdated: { key: 'commitment.state.outdated', color: 'orange' },
  signed: { key: 'commitment.state.signed', color: 'green' },
};

/** The commitment text as paragraphs (blank lines and single line breaks both separate), for a phone. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
