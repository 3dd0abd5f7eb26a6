import { hasRole, unitsWithRole, type Actor } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';

export interface StandardEntity {
  jurisdictionId: string;
  owningDepartmentId: string;
}

export interface VersionEntity extends StandardEntity {
  status: 'draft' | 'published' | 'filed' | 'superseded';
}

const bureau = ['bureau_admin', 'bureau_reviewer'] as const;

/** Staff of the owning department draft and publish; the bureau (which owns some standards itself) files. */
function isOwner(actor: Actor, s: StandardEntity): boolean {
  if (actor.jurisdictionId !== s.jurisdictionId) return false;
  return (
    unitsWithRole(actor, 'department_officer', ...bureau).includes(s.owningDepartmentId) ||
    // the bureau may keep any standard of the jurisdiction
    hasRole(actor, ...bureau)
  );
}

export const versionPolicy: Policy<VersionEntity, 'read' | 'edit' | 'publish' | 'file' | 'draftNext'> = {
  read: (a, v) => a.jurisdictionId === v.jurisdictionId,
  edit: (a, v) => v.status === 'draft' && isOwner(a, v),
  publish: (a, v) => v.status === 'draft' && isOwner(a, v),
  file: (a, v) => v.status === 'published' && a.jurisdictionId === v.jurisdictionId && hasRole(a, ...bureau),
  draftNext: (a, v) => v.status !== 'draft' && isOwner(a, v),
};

export function standardAbilities(actor: Actor) {
  return {
    viewStandards: actor.bindings.length > 0,
    createStandard: hasRole(actor, 'department_officer', ...bureau),
    fileStandards: hasRole(actor, ...bureau),
  };
}
