export interface NextStep {
  /** i18n key suffix: readiness.step.<key> */
  key: string;
  link: string;
  urgent: boolean;
}

/** The enterprise's to-do list, most urgent first: sign, inspect, fix (overdue and major first), then apply. */
export function nextSteps(s: {
  commitment: { signed: boolean; upToDate: boolean };
  selfInspection: { id: string; status: string } | null;
  hazards: { unresolved: number; major: number; overdue: number; pendingExtensions: number };
}): NextStep[] {
  const steps: NextStep[] = [];
  if (!s.commitment.signed) steps.push({ key: 'signCommitment', link: '/commitment', urgent: true });
  else if (!s.commitment.upToDate) steps.push({ key: 'resignCommitment', link: '/commitment', urgent: true });
  if (s.hazards.overdue > 0) steps.push({ key: 'fixOverdue', link: '/hazards?view=overdue', urgent: true });
  if (s.hazards.major > 0) steps.push({ key: 'fixMajor', link: '/hazards?view=major', urgent: true });
  if (!s.selfInspection) steps.push({ key: 'startInspection', link: '/inspections', urgent: false });
  else if (s.selfInspection.status === 'in_progress')
    steps.push({ key: 'continueInspection', link: `/inspections/${s.selfInspection.id}`, urgent: false });
  if (s.hazards.unresolved > 0)
    steps.push({ key: 'fixHazards', link: '/hazards?view=unresolved', urgent: false });
  if (steps.length === 0) steps.push({ key: 'readyToApply', link: '/', urgent: false });
  return steps;
}
