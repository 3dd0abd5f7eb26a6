import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

const UserSnapshot = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
});

export const identityEvents = {
  userCreated: defineEventKind('user.created', UserSnapshot),
  userUpdated: defineEventKind('user.updated', UserSnapshot),
  userPasswordChanged: defineEventKind('user.password_changed', Type.Object({ by: Type.String() })),
  userPasswordReset: defineEventKind('user.password_reset', Type.Object({ mustChange: Type.Boolean() })),
  userLocked: defineEventKind(
    'user.locked',
    Type.Object({ until: Type.String(), failedLogins: Type.Number() }),
  ),
  userUnlocked: defineEventKind('user.unlocked', Type.Object({})),
  bindingAdded: defineEventKind(
    'user.binding_added',
    Type.Object({ role: Type.String(), unitId: Type.String(), unitName: Type.String() }),
  ),
  bindingRemoved: defineEventKind(
    'user.binding_removed',
    Type.Object({ role: Type.String(), unitId: Type.String() }),
  ),
  loggedIn: defineEventKind('user.logged_in', Type.Object({ ip: Type.Union([Type.String(), Type.Null()]) })),
  loggedOut: defineEventKind('user.logged_out', Type.Object({})),
};
