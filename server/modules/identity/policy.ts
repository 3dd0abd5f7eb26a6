import { hasRole, type Actor } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';

export interface UserEntity {
  id: string;
  jurisdictionId: string;
}

/** Users are managed by the system administrator of their jurisdiction; everyone may read themself. */
export const userPolicy: Policy<
  UserEntity,
  'read' | 'update' | 'resetPassword' | 'unlock' | 'manageBindings'
> = {
  read: (a, u) => isAdminOf(a, u) || a.userId === u.id,
  update: (a, u) => isAdminOf(a, u),
  resetPassword: (a, u) => isAdminOf(a, u) && a.userId !== u.id,
  unlock: (a, u) => isAdminOf(a, u),
  manageBindings: (a, u) => isAdminOf(a, u),
};

function isAdminOf(actor: Actor, user: UserEntity): boolean {
  return actor.jurisdictionId === user.jurisdictionId && hasRole(actor, 'system_admin');
}

/** Jurisdiction-level abilities: what the menu and the "new" buttons show. */
export function jurisdictionAbilities(actor: Actor) {
  const admin = hasRole(actor, 'system_admin');
  const bureauAdmin = hasRole(actor, 'bureau_admin');
  return {
    manageUsers: admin,
    viewAudit: admin || bureauAdmin,
    verifyAudit: admin,
    manageSettings: admin || bureauAdmin,
  };
}
