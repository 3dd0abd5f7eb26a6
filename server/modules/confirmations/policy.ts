import type { ConfirmationStatus } from '../../../domain/confirmations.js';
import { hasRole, unitsWithRole, type Actor } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';

export interface ConfirmationEntity {
  jurisdictionId: string;
  enterpriseId: string;
  agencyId: string;
  status: ConfirmationStatus;
}

const agencySide = (a: Actor, c: ConfirmationEntity) =>
  a.jurisdictionId === c.jurisdictionId && unitsWithRole(a, 'agency_user').includes(c.agencyId);
const enterpriseSide = (a: Actor, c: ConfirmationEntity) =>
  a.jurisdictionId === c.jurisdictionId && unitsWithRole(a, 'enterprise_user').includes(c.enterpriseId);

/** The enterprise asks and may withdraw; the agency accepts, checks, concludes; engineers sign; the bureau revokes. */
export const confirmationPolicy: Policy<
  ConfirmationEntity,
  'accept' | 'decline' | 'withdraw' | 'check' | 'conclude' | 'reopen' | 'sign' | 'revoke'
> = {
  accept: (a, c) => c.status === 'requested' && agencySide(a, c),
  decline: (a, c) => c.status === 'requested' && agencySide(a, c),
  withdraw: (a, c) => (c.status === 'requested' || c.status === 'checking') && enterpriseSide(a, c),
  check: (a, c) => c.status === 'checking' && agencySide(a, c),
  conclude: (a, c) => c.status === 'checking' && agencySide(a, c),
  reopen: (a, c) => c.status === 'signing' && agencySide(a, c),
  sign: (a, c) => c.status === 'signing' && agencySide(a, c),
  revoke: (a, c) =>
    c.status === 'confirmed' && a.jurisdictionId === c.jurisdictionId && hasRole(a, 'bureau_admin'),
};

export function confirmationAbilities(actor: Actor) {
  return {
    viewConfirmations: hasRole(
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
