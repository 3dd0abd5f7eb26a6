import type { ApplicationStatus } from '../../../domain/whitelist.js';
import { hasRole, unitsWithRole, type Actor } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';

export interface ApplicationEntity {
  jurisdictionId: string;
  enterpriseId: string;
  subdistrictId: string;
  status: ApplicationStatus;
}

const inJurisdiction = (a: Actor, e: { jurisdictionId: string }) => a.jurisdictionId === e.jurisdictionId;
export const isBureau = (a: Actor) => hasRole(a, 'bureau_admin', 'bureau_reviewer');
const bureau = (a: Actor, e: { jurisdictionId: string }) => inJurisdiction(a, e) && isBureau(a);
const bureauAdmin = (a: Actor, e: { jurisdictionId: string }) =>
  inJurisdiction(a, e) && hasRole(a, 'bureau_admin');
const enterpriseSide = (a: Actor, e: { jurisdictionId: string; enterpriseId: string }) =>
  inJurisdiction(a, e) && unitsWithRole(a, 'enterprise_user').includes(e.enterpriseId);
const subdistrictSide = (a: Actor, e: { jurisdictionId: string; subdistrictId: string }) =>
  inJurisdiction(a, e) && unitsWithRole(a, 'subdistrict_officer').includes(e.subdistrictId);

const open: readonly ApplicationStatus[] = [
  'draft',
  'returned',
  'submitted',
  'collected',
  'formal_review',
  'opinions',
  'public_notice',
];

/**
 * Who moves an application: the enterprise submits and withdraws; its subdistrict collects or returns what was
 * submitted; the bureau reviews, asks for opinions, returns or rejects; the bureau's administrators put it on
 * notice and publish. The transition table decides whether the status allows the move.
 */
export const applicationPolicy: Policy<
  ApplicationEntity,
  'submit' | 'withdraw' | 'collect' | 'return' | 'review' | 'solicit' | 'reject' | 'notice'
> = {
  submit: (a, e) => (e.status === 'draft' || e.status === 'returned') && enterpriseSide(a, e),
  withdraw: (a, e) => open.includes(e.status) && enterpriseSide(a, e),
  collect: (a, e) => e.status === 'submitted' && subdistrictSide(a, e),
  return: (a, e) =>
    (e.status === 'submitted' && subdistrictSide(a, e)) ||
    (['collected', 'formal_review', 'opinions'].includes(e.status) && bureau(a, e)),
  review: (a, e) => e.status === 'collected' && bureau(a, e),
  solicit: (a, e) => (e.status === 'formal_review' || e.status === 'opinions') && bureau(a, e),
  reject: (a, e) =>
    ['collected', 'formal_review', 'opinions', 'public_notice'].includes(e.status) && bureau(a, e),
  notice: (a, e) => e.status === 'opinions' && bureauAdmin(a, e),
};

export interface EntryEntity {
  jurisdictionId: string;
  enterpriseId: string;
  subdistrictId: string;
  status: 'active' | 'suspended' | 'exited';
}

export const entryPolicy: Policy<EntryEntity, 'suspend' | 'reinstate' | 'propose_exit' | 'withdraw'> = {
  suspend: (a, e) => e.status === 'active' && bureauAdmin(a, e),
  reinstate: (a, e) => e.status === 'suspended' && bureauAdmin(a, e),
  propose_exit: (a, e) => e.status !== 'exited' && bureau(a, e),
  withdraw: (a, e) => e.status !== 'exited' && enterpriseSide(a, e),
};

export const reviewPolicy: Policy<
  { jurisdictionId: string; enterpriseId: string; status: string },
  'submit' | 'decide'
> = {
  submit: (a, r) => (r.status === 'open' || r.status === 'submitted') && enterpriseSide(a, r),
  decide: (a, r) => r.status === 'submitted' && bureau(a, r),
};

export const exitPolicy: Policy<{ jurisdictionId: string; status: string }, 'decide'> = {
  decide: (a, x) => x.status === 'proposed' && bureauAdmin(a, x),
};

export const mayPublishNotices = (a: Actor) => hasRole(a, 'bureau_admin');
export const mayHandleObjections = (a: Actor) => isBureau(a);

export function whitelistAbilities(actor: Actor) {
  return {
    viewWhitelistApplications: hasRole(
      actor,
      'bureau_admin',
      'bureau_reviewer',
      'subdistrict_officer',
      'department_officer',
      'enterprise_user',
    ),
    collectApplications: hasRole(actor, 'subdistrict_officer'),
    answerOpinions: hasRole(actor, 'department_officer'),
    manageWhitelist: isBureau(actor),
    publishWhitelist: hasRole(actor, 'bureau_admin'),
    decideExits: hasRole(actor, 'bureau_admin'),
    viewWhitelistEntries: hasRole(
      actor,
      'bureau_admin',
      'bureau_reviewer',
      'subdistrict_officer',
      'enterprise_user',
    ),
  };
}
