import { hasRole, unitsWithRole, type Actor } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';

export interface AssessmentEntity {
  jurisdictionId: string;
  enterpriseId: string;
  subdistrictId: string;
  kind: 'self' | 'agency_first';
  agencyId: string | null;
  status: 'in_progress' | 'completed';
}

/** Who may fill in an assessment: the enterprise its own self-inspection, the engaged agency its first inspection. */
function isAssessor(a: Actor, x: AssessmentEntity): boolean {
  if (a.jurisdictionId !== x.jurisdictionId) return false;
  if (x.kind === 'self') return unitsWithRole(a, 'enterprise_user').includes(x.enterpriseId);
  return x.agencyId !== null && unitsWithRole(a, 'agency_user').includes(x.agencyId);
}

/** Reading is decided by the scope of the query that loaded the row; these are the actions on a loaded row. */
export const assessmentPolicy: Policy<AssessmentEntity, 'answer' | 'complete' | 'copy'> = {
  answer: (a, x) => x.status === 'in_progress' && isAssessor(a, x),
  complete: (a, x) => x.status === 'in_progress' && isAssessor(a, x),
  copy: (a, x) => x.status === 'completed' && isAssessor(a, x),
};

export function inspectionAbilities(actor: Actor) {
  return {
    viewInspections: hasRole(
      actor,
      'system_admin',
      'bureau_admin',
      'bureau_reviewer',
      'department_officer',
      'enforcement_officer',
      'subdistrict_officer',
      'enterprise_user',
      'agency_user',
    ),
  };
}
