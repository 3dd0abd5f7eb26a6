import { Type } from 'typebox';
import { Nullable, Paged, PageQuery, Uuid } from '../../platform/http/schemas.js';

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Result = Type.Union([
  Type.Literal('compliant'),
  Type.Literal('non_compliant'),
  Type.Literal('not_applicable'),
]);
const Status = Type.Union([
  Type.Literal('requested'),
  Type.Literal('declined'),
  Type.Literal('checking'),
  Type.Literal('signing'),
  Type.Literal('confirmed'),
  Type.Literal('not_confirmed'),
  Type.Literal('withdrawn'),
  Type.Literal('revoked'),
]);

export const ConfirmationView = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  agencyId: Uuid,
  agencyName: Type.String(),
  status: Status,
  standardTitle: Type.String(),
  versionNumber: Type.String(),
  siteVisitDate: Nullable(Type.String()),
  conclusion: Nullable(Type.String()),
  conclusionNote: Nullable(Type.String()),
  requestedAt: Type.String(),
  concludedAt: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  documentId: Nullable(Uuid),
  documentNumber: Nullable(Type.String()),
  falseConfirmation: Type.Boolean(),
  revokedReason: Nullable(Type.String()),
  abilities: Type.Object({
    accept: Type.Boolean(),
    decline: Type.Boolean(),
    withdraw: Type.Boolean(),
    check: Type.Boolean(),
    conclude: Type.Boolean(),
    reopen: Type.Boolean(),
    sign: Type.Boolean(),
    revoke: Type.Boolean(),
  }),
});

export const ConfirmationDetail = Type.Object({
  ...ConfirmationView.properties,
  /** in force, expired, or lapsed because the standard's key items changed (confirmed ones only) */
  state: Nullable(Type.Union([Type.Literal('in_force'), Type.Literal('expired'), Type.Literal('lapsed')])),
  items: Type.Array(
    Type.Object({
      itemCode: Type.String(),
      module: Type.String(),
      requirement: Type.String(),
      result: Nullable(Result),
      note: Type.String(),
      evidence: Type.Array(Type.String()),
      answeredAt: Nullable(Type.String()),
    }),
  ),
  signatures: Type.Array(
    Type.Object({
      engineerId: Uuid,
      name: Type.String(),
      certificateNumber: Type.String(),
      signedOn: Type.String(),
      signedAt: Type.String(),
    }),
  ),
  /** the engineer records the signed-in user may sign as */
  myEngineers: Type.Array(
    Type.Object({ id: Uuid, name: Type.String(), certificateNumber: Type.String(), agencyId: Uuid }),
  ),
});

export const ConfirmationList = Paged(ConfirmationView);
export const ConfirmationQuery = Type.Object({
  enterpriseId: Type.Optional(Uuid),
  agencyId: Type.Optional(Uuid),
  status: Type.Optional(Status),
  ...PageQuery,
});
export const RequestBody = Type.Object(
  { enterpriseId: Uuid, agencyId: Uuid, note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const NoteBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const ItemBody = Type.Object(
  {
    result: Nullable(Result),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    evidence: Type.Optional(Type.Array(Sha256, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export const ItemParams = Type.Object({
  id: Uuid,
  code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9.\\-]+$' }),
});
export const ConcludeBody = Type.Object(
  {
    conclusion: Type.Union([Type.Literal('confirmed'), Type.Literal('not_confirmed')]),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    siteVisitDate: CalendarDate,
  },
  { additionalProperties: false },
);
export const SignBody = Type.Object({ engineerId: Uuid }, { additionalProperties: false });
export const RevokeBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    penalty: Type.Union([Type.Literal('blacklist'), Type.Literal('downgrade')]),
  },
  { additionalProperties: false },
);
export const AgencyRecord = Type.Object({
  agencyId: Uuid,
  confirmed: Type.Integer(),
  notConfirmed: Type.Integer(),
  falseConfirmations: Type.Integer(),
  contradictingFindings: Type.Integer(),
  engineers: Type.Array(
    Type.Object({
      engineerId: Uuid,
      name: Type.String(),
      signed: Type.Integer(),
      falseConfirmations: Type.Integer(),
    }),
  ),
});
