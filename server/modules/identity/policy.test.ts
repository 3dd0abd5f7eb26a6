import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../../domain/roles.js';
import type { Actor } from '../../platform/access/actor.js';
import { abilities } from '../../platform/access/policy.js';
import { jurisdictionAbilities, userPolicy, type UserEntity } from './policy.js';

const J = 'j-1';
const actorWith = (role: Role | null, userId = 'actor', jurisdictionId = J): Actor => ({
  userId,
  username: 'a',
  displayName: 'A',
  jurisdictionId,
  bindings: role ? [{ role, unitId: 'unit', unitKind: 'department', unitName: '' }] : [],
});

describe('jurisdiction abilities (the menu)', () => {
  const expected: Record<Role, ReturnType<typeof jurisdictionAbilities>> = {
    system_admin: { manageUsers: true, viewAudit: true, verifyAudit: true, manageSettings: true },
    bureau_admin: { manageUsers: false, viewAudit: true, verifyAudit: false, manageSettings: true },
    bureau_reviewer: { manageUsers: false, viewAudit: false, verifyAudit: false, manageSettings: false },
    department_officer: { manageUsers: false, viewAudit: false, verifyAudit: false, manageSettings: false },
    subdistrict_officer: { manageUsers: false, viewAudit: false, verifyAudit: false, manageSettings: false },
    enforcement_officer: { manageUsers: false, viewAudit: false, verifyAudit: false, manageSettings: false },
    enterprise_user: { manageUsers: false, viewAudit: false, verifyAudit: false, manageSettings: false },
    agency_user: { manageUsers: false, viewAudit: false, verifyAudit: false, manageSettings: false },
    association_user: { manageUsers: false, viewAudit: false, verifyAudit: false, manageSettings: false },
    expert: { manageUsers: false, viewAudit: false, verifyAudit: false, manageSettings: false },
  };
  it.each(roles.map((r) => [r]))('%s', (role) => {
    expect(jurisdictionAbilities(actorWith(role))).toEqual(expected[role]);
  });
  it('no binding, no abilities', () => {
    expect(Object.values(jurisdictionAbilities(actorWith(null))).some(Boolean)).toBe(false);
  });
});

describe('userPolicy', () => {
  const other: UserEntity = { id: 'someone', jurisdictionId: J };
  const self: UserEntity = { id: 'actor', jurisdictionId: J };
  const elsewhere: UserEntity = { id: 'far', jurisdictionId: 'j-2' };
  const none = { read: false, update: false, resetPassword: false, unlock: false, manageBindings: false };
  const all = { read: true, update: true, resetPassword: true, unlock: true, manageBindings: true };

  const cases: [string, Actor, UserEntity, typeof all][] = [
    ['admin on another user', actorWith('system_admin'), other, all],
    ['admin on themself (no self-reset)', actorWith('system_admin'), self, { ...all, resetPassword: false }],
    ['admin on a user of another district', actorWith('system_admin'), elsewhere, none],
    ['bureau admin on another user', actorWith('bureau_admin'), other, none],
    ['officer on themself', actorWith('subdistrict_officer'), self, { ...none, read: true }],
    ['officer on another user', actorWith('subdistrict_officer'), other, none],
  ];
  it.each(cases)('%s', (_label, actor, entity, expected) => {
    expect(abilities(userPolicy, actor, entity)).toEqual(expected);
  });
});
