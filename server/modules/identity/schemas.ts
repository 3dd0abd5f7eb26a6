import { Type } from 'typebox';
import { roles } from '../../../domain/roles.js';
import { PageQuery, Paged, Uuid } from '../../platform/http/schemas.js';

export const RoleSchema = Type.Union(roles.map((r) => Type.Literal(r)));

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const BindingView = Type.Object({
  id: Type.String(),
  role: Type.String(),
  unitId: Type.String(),
  unitKind: Type.String(),
  unitName: Type.String(),
});

export const UserView = Type.Object(
  {
    id: Uuid,
    jurisdictionId: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    mustChangePassword: Type.Boolean(),
    lockedUntil: Type.Union([Type.String(), Type.Null()]),
    lastLoginAt: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    bindings: Type.Array(BindingView),
    abilities: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
  },
  { $id: 'User' },
);

export const MeView = Type.Object({
  user: Type.Object({
    id: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    mustChangePassword: Type.Boolean(),
  }),
  jurisdiction: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
  roles: Type.Array(
    Type.Object({
      role: Type.String(),
      unitId: Type.String(),
      unitKind: Type.String(),
      unitName: Type.String(),
    }),
  ),
  csrfToken: Type.String(),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});

export const LoginResponse = Type.Object({
  csrfToken: Type.String(),
  mustChangePassword: Type.Boolean(),
});

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const BindingInput = Type.Object({ role: RoleSchema, unitId: Uuid }, { additionalProperties: false });

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    bindings: Type.Array(BindingInput, { maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false },
);

export const ResetPasswordBody = Type.Object(
  { newPassword: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const UserListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  role: Type.Optional(RoleSchema),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  ...PageQuery,
});

export const UserList = Paged(UserView);

export const UnitView = Type.Object({
  id: Uuid,
  kind: Type.String(),
  code: Type.String(),
  name: Type.String(),
  subkind: Type.Union([Type.String(), Type.Null()]),
  isBureau: Type.Boolean(),
});

export const LoginLogQuery = Type.Object({ userId: Type.Optional(Uuid), ...PageQuery });
export const LoginLogList = Paged(
  Type.Object({
    id: Type.String(),
    userId: Type.Union([Type.String(), Type.Null()]),
    username: Type.String(),
    outcome: Type.String(),
    ip: Type.Union([Type.String(), Type.Null()]),
    userAgent: Type.Union([Type.String(), Type.Null()]),
    at: Type.String(),
  }),
);
