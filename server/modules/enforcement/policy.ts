import type {
  CampaignStatus,
  DecisionStatus,
  LetterStatus,
  ViolationStatus,
} from '../../../domain/enforcement.js';
import { hasRole, unitsWithRole, type Actor } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';

const inJurisdiction = (a: Actor, e: { jurisdictionId: string }) => a.jurisdictionId === e.jurisdictionId;
const bureauAdmin = (a: Actor, e: { jurisdictionId: string }) =>
  inJurisdiction(a, e) && hasRole(a, 'bureau_admin');

/** The departments an actor inspects for: an enforcement officer's own. */
export const inspectingDepartments = (a: Actor) => unitsWithRole(a, 'enforcement_officer');

/** The departments an actor may propose a campaign for: staff of the department, or the bureau's. */
export const proposingDepartments = (a: Actor) =>
  unitsWithRole(a, 'enforcement_officer', 'department_officer', 'bureau_admin', 'bureau_reviewer');

/** Violations: the inspecting department confirms their rectification. */
export const violationPolicy: Policy<
  { jurisdictionId: string; departmentId: string; status: ViolationStatus; decisionStatus: DecisionStatus },
  'rectify' | 'decide'
> = {
  decide: (a, v) =>
    v.decisionStatus === 'undecided' &&
    inJurisdiction(a, v) &&
    inspectingDepartments(a).includes(v.departmentId),
  rectify: (a, v) =>
    v.status === 'open' && inJurisdiction(a, v) && inspectingDepartments(a).includes(v.departmentId),
};

/** Campaigns: the bureau's administrators approve (it sends official letters in bulk), reject or close them. */
export const campaignPolicy: Policy<
  { jurisdictionId: string; status: CampaignStatus },
  'approve' | 'reject' | 'close'
> = {
  approve: (a, c) => c.status === 'proposed' && bureauAdmin(a, c),
  reject: (a, c) => c.status === 'proposed' && bureauAdmin(a, c),
  close: (a, c) => c.status === 'sent' && bureauAdmin(a, c),
};

/** Letters: the enterprise answers its own. */
export const letterPolicy: Policy<
  { jurisdictionId: string; enterpriseId: string; status: LetterStatus },
  'reply'
> = {
  reply: (a, l) =>
    l.status !== 'replied' &&
    inJurisdiction(a, l) &&
    unitsWithRole(a, 'enterprise_user').includes(l.enterpriseId),
};

export function enforcementAbilities(actor: Actor) {
  return {
    recordEnforcementInspections: inspectingDepartments(actor).length > 0,
    viewEnforcementInspections: hasRole(
      actor,
      'bureau_admin',
      'bureau_reviewer',
      'department_officer',
      'enforcement_officer',
      'subdistrict_officer',
      'enterprise_user',
    ),
    viewCampaigns: hasRole(
      actor,
      'bureau_admin',
      'bureau_reviewer',
      'department_officer',
      'enforcement_officer',
    ),
    viewFocusEnterprises: hasRole(
      actor,
      'bureau_admin',
      'bureau_reviewer',
      'department_officer',
      'enforcement_officer',
      'subdistrict_officer',
    ),
    proposeCampaigns: proposingDepartments(actor).length > 0,
    approveCampaigns: hasRole(actor, 'bureau_admin'),
    viewAdviceLetters: hasRole(
      actor,
      'bureau_admin',
      'bureau_reviewer',
      'department_officer',
      'enforcement_officer',
      'subdistrict_officer',
      'enterprise_user',
    ),
  };
}
