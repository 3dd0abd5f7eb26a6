import { hasRole, unitsWithRole, type Actor } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';

export interface EnterpriseEntity {
  id: string;
  jurisdictionId: string;
  subdistrictId: string;
}

const registrars = ['system_admin', 'bureau_admin', 'bureau_reviewer'] as const;

function sameJurisdiction(actor: Actor, e: { jurisdictionId: string }) {
  return actor.jurisdictionId === e.jurisdictionId;
}

/** The bureau keeps the whole register; a subdistrict officer keeps its own subdistrict's part. */
export function canRegisterIn(actor: Actor, e: { jurisdictionId: string; subdistrictId: string }): boolean {
  if (!sameJurisdiction(actor, e)) return false;
  return (
    hasRole(actor, ...registrars) || unitsWithRole(actor, 'subdistrict_officer').includes(e.subdistrictId)
  );
}

export const enterprisePolicy: Policy<
  EnterpriseEntity,
  'read' | 'update' | 'updateContacts' | 'manageAccounts'
> = {
  read: (a, e) =>
    sameJurisdiction(a, e) &&
    (hasRole(a, ...registrars, 'department_officer', 'enforcement_officer') ||
      unitsWithRole(a, 'subdistrict_officer').includes(e.subdistrictId) ||
      unitsWithRole(a, 'enterprise_user').includes(e.id)),
  update: (a, e) => canRegisterIn(a, e),
  /** the enterprise keeps its own contacts and safety manager current */
  updateContacts: (a, e) =>
    canRegisterIn(a, e) || (sameJurisdiction(a, e) && unitsWithRole(a, 'enterprise_user').includes(e.id)),
  manageAccounts: (a, e) => canRegisterIn(a, e),
};

export interface ParkEntity {
  id: string;
  jurisdictionId: string;
  subdistrictId: string;
}

export const parkPolicy: Policy<ParkEntity, 'update'> = {
  update: (a, p) => canRegisterIn(a, p),
};

export function registryAbilities(actor: Actor) {
  return {
    createEnterprise: hasRole(actor, ...registrars, 'subdistrict_officer'),
    importEnterprises: hasRole(actor, ...registrars, 'subdistrict_officer'),
    viewRegister: hasRole(
      actor,
      ...registrars,
      'department_officer',
      'enforcement_officer',
      'subdistrict_officer',
    ),
  };
}
