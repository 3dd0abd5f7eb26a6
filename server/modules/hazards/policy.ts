import { hasRole, unitsWithRole, type Actor } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';

export interface HazardEntity {
  jurisdictionId: string;
  enterpriseId: string;
  subdistrictId: string;
  status: 'open' | 'rectifying' | 'awaiting_verification' | 'closed';
  guidingAgencyId: string | null;
}

const isEnterprise = (a: Actor, h: HazardEntity) =>
  a.jurisdictionId === h.jurisdictionId && unitsWithRole(a, 'enterprise_user').includes(h.enterpriseId);

/** The guiding agency verifies its enterprise's closures; the subdistrict always may (and does when none guides). */
const isVerifier = (a: Actor, h: HazardEntity) =>
  a.jurisdictionId === h.jurisdictionId &&
  (unitsWithRole(a, 'subdistrict_officer').includes(h.subdistrictId) ||
    (h.guidingAgencyId !== null && unitsWithRole(a, 'agency_user').includes(h.guidingAgencyId)));

export const hazardPolicy: Policy<
  HazardEntity,
  'update' | 'start' | 'submit' | 'verify' | 'reject' | 'reopen' | 'requestExtension'
> = {
  update: (a, h) => h.status !== 'closed' && isEnterprise(a, h),
  start: (a, h) => h.status === 'open' && isEnterprise(a, h),
  submit: (a, h) => (h.status === 'open' || h.status === 'rectifying') && isEnterprise(a, h),
  verify: (a, h) => h.status === 'awaiting_verification' && isVerifier(a, h),
  reject: (a, h) => h.status === 'awaiting_verification' && isVerifier(a, h),
  reopen: (a, h) =>
    h.status === 'closed' &&
    (isVerifier(a, h) || (a.jurisdictionId === h.jurisdictionId && hasRole(a, 'bureau_admin'))),
  requestExtension: (a, h) => h.status !== 'closed' && isEnterprise(a, h),
};

export interface ExtensionEntity {
  jurisdictionId: string;
  enterpriseId: string;
  subdistrictId: string;
  status: 'pending' | 'approved' | 'refused' | 'withdrawn';
}

/** The subdistrict decides its enterprises' extension requests; the enterprise may withdraw a pending one. */
export const extensionPolicy: Policy<ExtensionEntity, 'decide' | 'withdraw'> = {
  decide: (a, x) =>
    x.status === 'pending' &&
    a.jurisdictionId === x.jurisdictionId &&
    unitsWithRole(a, 'subdistrict_officer').includes(x.subdistrictId),
  withdraw: (a, x) =>
    x.status === 'pending' &&
    a.jurisdictionId === x.jurisdictionId &&
    unitsWithRole(a, 'enterprise_user').includes(x.enterpriseId),
};

export function hazardAbilities(actor: Actor) {
  return {
    viewHazards: hasRole(
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
    decideExtensions: hasRole(actor, 'subdistrict_officer'),
  };
}
