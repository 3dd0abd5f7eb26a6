import { Type } from 'typebox';
import { Nullable, Paged, PageQuery, Uuid } from '../../platform/http/schemas.js';

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Kind = Type.Union([Type.Literal('self'), Type.Literal('agency_first')]);
const Status = Type.Union([Type.Literal('in_progress'), Type.Literal('completed')]);
const Result = Type.Union([
  Type.Literal('compliant'),
  Type.Literal('non_compliant'),
  Type.Literal('not_applicable'),
]);

const Abilities = Type.Object({ answer: Type.Boolean(), complete: Type.Boolean(), copy: Type.Boolean() });

export const InspectionSummary = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  kind: Kind,
  agencyId: Nullable(Uuid),
  standardTitle: Type.String(),
  versionNumber: Type.String(),
  standardVersionId: Uuid,
  tags: Type.Array(Type.String()),
  status: Status,
  copiedFromId: Nullable(Uuid),
  startedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
  abilities: Abilities,
});

export const InspectionList = Paged(InspectionSummary);

export const AnswerView = Type.Object({
  itemCode: Type.String(),
  position: Type.Integer(),
  module: Type.String(),
  requirement: Type.String(),
  checkMethod: Type.String(),
  evidenceHint: Type.String(),
  isKey: Type.Boolean(),
  majorHazard: Nullable(
    Type.Object({ source: Type.String(), article: Type.String(), item: Type.Optional(Type.String()) }),
  ),
  result: Nullable(Result),
  toReview: Type.Boolean(),
  note: Type.String(),
  naReason: Nullable(Type.String()),
  evidence: Type.Array(Type.String()),
  markedMajor: Type.Boolean(),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
});

export const InspectionDetail = Type.Object({
  ...InspectionSummary.properties,
  progress: Type.Object({
    items: Type.Integer(),
    answered: Type.Integer(),
    toReview: Type.Integer(),
    compliant: Type.Integer(),
    nonCompliant: Type.Integer(),
    notApplicable: Type.Integer(),
  }),
  answers: Type.Array(AnswerView),
  /** hazards raised on completion */
  hazardIds: Type.Optional(Type.Array(Uuid)),
});

export const InspectionQuery = Type.Object({
  enterpriseId: Type.Optional(Uuid),
  status: Type.Optional(Status),
  kind: Type.Optional(Kind),
  ...PageQuery,
});

export const StartBody = Type.Object(
  { enterpriseId: Uuid, kind: Kind, copyFromId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const AnswerBody = Type.Object(
  {
    result: Nullable(Result),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    naReason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    evidence: Type.Optional(Type.Array(Sha256, { maxItems: 20 })),
    markedMajor: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const AnswerParams = Type.Object({
  id: Uuid,
  code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9.\\-]+$' }),
});
