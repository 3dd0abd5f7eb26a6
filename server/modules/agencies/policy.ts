import {
  agencyTransitions,
  engagementTransitions,
  type AgencyStatus,
  type EngagementStatus,
} from '../../../domain/agencies.js';
import { nextStatus } from '../../../domain/transitions.js';
import { jurisdictionWideRoles } from '../../../domain/roles.js';
import { hasRole, unitsWithRole, type Actor } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';

export interface AgencyEntity {
  id: string;
  jurisdictionId: string;
  status: AgencyStatus;
}

export interface EngagementEntity {
  id: string;
  jurisdictionId: string;
  enterpriseId: string;
  agencyId: string;
  subdistrictId: string;
  status: EngagementStatus;
}

/** Who keeps the agency register: the bureau's administrators. */
const keepers = ['bureau_admin'] as const;
/** Who sees every agency of the register, whatever its status. */
const registerReaders = ['system_admin', 'bureau_admin', 'bureau_reviewer'] as const;

const same = (a: Actor, e: { jurisdictionId: string }) => a.jurisdictionId === e.jurisdictionId;
const keeps = (a: Actor, e: { jurisdictionId: string }) => same(a, e) && hasRole(a, ...keepers);

/** Whether the actor may see agencies whatever their status (others see active ones and their own). */
export function readsWholeRegister(actor: Actor): boolean {
  return hasRole(actor, ...registerReaders);
}

export const agencyPolicy: Policy<AgencyEntity, 'read' | 'update' | 'suspend' | 'reinstate' | 'blacklist'> = {
  read: (a, e) =>
    same(a, e) &&
    (readsWholeRegister(a) || e.status === 'active' || unitsWithRole(a, 'agency_user').includes(e.id)),
  update: (a, e) => keeps(a, e) && e.status !== 'blacklisted',
  suspend: (a, e) => keeps(a, e) && nextStatus(agencyTransitions, e.status, 'suspend') !== undefined,
  reinstate: (a, e) => keeps(a, e) && nextStatus(agencyTransitions, e.status, 'reinstate') !== undefined,
  blacklist: (a, e) => keeps(a, e) && nextStatus(agencyTransitions, e.status, 'blacklist') !== undefined,
};

const isAgencySide = (a: Actor, e: EngagementEntity) => unitsWithRole(a, 'agency_user').includes(e.agencyId);
const isEnterpriseSide = (a: Actor, e: EngagementEntity) =>
  unitsWithRole(a, 'enterprise_user').includes(e.enterpriseId);
const allows = (e: EngagementEntity, action: 'accept' | 'decline' | 'withdraw' | 'end') =>
  nextStatus(engagementTransitions, e.status, action) !== undefined;

/** Mirrors the scope of the engagement list: the two parties, the enterprise's subdistrict, jurisdiction-wide staff. */
export const engagementPolicy: Policy<EngagementEntity, 'read' | 'accept' | 'decline' | 'withdraw' | 'end'> =
  {
    read: (a, e) =>
      same(a, e) &&
      (a.bindings.some((b) => jurisdictionWideRoles.has(b.role)) ||
        unitsWithRole(a, 'subdistrict_officer').includes(e.subdistrictId) ||
        isAgencySide(a, e) ||
        isEnterpriseSide(a, e)),
    accept: (a, e) => same(a, e) && allows(e, 'accept') && isAgencySide(a, e),
    decline: (a, e) => same(a, e) && allows(e, 'decline') && isAgencySide(a, e),
    withdraw: (a, e) => same(a, e) && allows(e, 'withdraw') && isEnterpriseSide(a, e),
    end: (a, e) => same(a, e) && allows(e, 'end') && (isAgencySide(a, e) || isEnterpriseSide(a, e)),
  };

/** Register-level abilities, shipped in /api/me. */
export function agencyAbilities(actor: Actor) {
  return {
    manageAgencies: hasRole(actor, ...keepers),
    viewAgencies: readsWholeRegister(actor),
    engageAgencies: hasRole(actor, 'enterprise_user'),
    agencyWorkspace: hasRole(actor, 'agency_user'),
  };
}
