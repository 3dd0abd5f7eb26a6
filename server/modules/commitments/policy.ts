import { hasRole, unitsWithRole } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';

export interface CommitmentSubject {
  id: string;
  jurisdictionId: string;
  subdistrictId: string;
}

/** The enterprise signs its own commitment; the bureau, departments and its subdistrict read it. */
export const commitmentPolicy: Policy<CommitmentSubject, 'read' | 'sign'> = {
  read: (a, e) =>
    a.jurisdictionId === e.jurisdictionId &&
    (hasRole(
      a,
      'system_admin',
      'bureau_admin',
      'bureau_reviewer',
      'department_officer',
      'enforcement_officer',
    ) ||
      unitsWithRole(a, 'subdistrict_officer').includes(e.subdistrictId) ||
      unitsWithRole(a, 'enterprise_user').includes(e.id)),
  sign: (a, e) => a.jurisdictionId === e.jurisdictionId && unitsWithRole(a, 'enterprise_user').includes(e.id),
};
