import {
  engineerTransitions,
  type EngineerAction,
  type EngineerStatus,
} from '../../../../domain/confirmations.js';
import { nextStatus } from '../../../../domain/transitions.js';
import { hasRole, unitsWithRole, type Actor } from '../../../platform/access/actor.js';
import type { Policy } from '../../../platform/access/policy.js';

export interface EngineerEntity {
  jurisdictionId: string;
  agencyId: string;
  status: EngineerStatus;
}

const bureau = (a: Actor, e: { jurisdictionId: string }) =>
  a.jurisdictionId === e.jurisdictionId && hasRole(a, 'bureau_admin');
const ownAgency = (a: Actor, e: { jurisdictionId: string; agencyId: string }) =>
  a.jurisdictionId === e.jurisdictionId && unitsWithRole(a, 'agency_user').includes(e.agencyId);
const allows = (e: EngineerEntity, action: EngineerAction) =>
  nextStatus(engineerTransitions, e.status, action) !== undefined;

/** The agency keeps its engineers, the bureau approves them. */
export const engineerPolicy: Policy<EngineerEntity, 'edit' | 'approve' | 'reject' | 'revoke'> = {
  edit: (a, e) => allows(e, 'edit') && (ownAgency(a, e) || bureau(a, e)),
  approve: (a, e) => allows(e, 'approve') && bureau(a, e),
  reject: (a, e) => allows(e, 'reject') && bureau(a, e),
  revoke: (a, e) => allows(e, 'revoke') && bureau(a, e),
};

export function canAddEngineer(actor: Actor, agency: { id: string; jurisdictionId: string }): boolean {
  return (
    bureau(actor, agency) || ownAgency(actor, { jurisdictionId: agency.jurisdictionId, agencyId: agency.id })
  );
}
