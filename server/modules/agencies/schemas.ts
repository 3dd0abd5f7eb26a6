import { Type } from 'typebox';
import { Nullable, Paged, PageQuery, Uuid } from '../../platform/http/schemas.js';

const Text = (max: number) => Type.String({ maxLength: max });

export const AgencyKindSchema = Type.Union([Type.Literal('confirmation'), Type.Literal('social_service')]);
export const AgencyStatusSchema = Type.Union([
  Type.Literal('active'),
  Type.Literal('suspended'),
  Type.Literal('blacklisted'),
]);
export const ServiceSchema = Type.Union([
  Type.Literal('first_inspection'),
  Type.Literal('rectification_guidance'),
]);
export const EngagementStatusSchema = Type.Union([
  Type.Literal('requested'),
  Type.Literal('active'),
  Type.Literal('declined'),
  Type.Literal('ended'),
]);

const agencyFieldSchemas = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  uscc: Type.String({ minLength: 1, maxLength: 30 }),
  kinds: Type.Array(AgencyKindSchema, { minItems: 1, maxItems: 2, uniqueItems: true }),
  grade: Nullable(Text(10)),
  gradeValidUntil: Nullable(Type.String({ maxLength: 10 })),
  contactName: Nullable(Text(50)),
  contactPhone: Nullable(Text(30)),
  address: Nullable(Text(300)),
};

export const CreateAgencyBody = Type.Object(
  {
    name: agencyFieldSchemas.name,
    uscc: agencyFieldSchemas.uscc,
    kinds: agencyFieldSchemas.kinds,
    grade: Type.Optional(agencyFieldSchemas.grade),
    gradeValidUntil: Type.Optional(agencyFieldSchemas.gradeValidUntil),
    contactName: Type.Optional(agencyFieldSchemas.contactName),
    contactPhone: Type.Optional(agencyFieldSchemas.contactPhone),
    address: Type.Optional(agencyFieldSchemas.address),
  },
  { additionalProperties: false },
);

export const UpdateAgencyBody = Type.Partial(Type.Object(agencyFieldSchemas), {
  additionalProperties: false,
});

export const ReasonBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const EndBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const AgencyView = Type.Object(
  {
    id: Uuid,
    jurisdictionId: Uuid,
    name: Type.String(),
    uscc: Type.String(),
    kinds: Type.Array(AgencyKindSchema),
    grade: Nullable(Type.String()),
    gradeValidUntil: Nullable(Type.String()),
    status: AgencyStatusSchema,
    contactName: Nullable(Type.String()),
    contactPhone: Nullable(Type.String()),
    address: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    abilities: Type.Object({
      read: Type.Boolean(),
      update: Type.Boolean(),
      suspend: Type.Boolean(),
      reinstate: Type.Boolean(),
      blacklist: Type.Boolean(),
    }),
  },
  { $id: 'Agency' },
);

export const AgencyList = Paged(Type.Ref('Agency'));

export const AgencyListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  kind: Type.Optional(AgencyKindSchema),
  status: Type.Optional(AgencyStatusSchema),
  ...PageQuery,
});

export const GradeScaleView = Type.Object({ grades: Type.Array(Type.String()) });

export const CreateEngagementBody = Type.Object(
  {
    enterpriseId: Type.Optional(Uuid),
    agencyId: Uuid,
    services: Type.Array(ServiceSchema, { minItems: 1, maxItems: 2, uniqueItems: true }),
    note: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false },
);

export const EngagementView = Type.Object(
  {
    id: Uuid,
    jurisdictionId: Uuid,
    enterpriseId: Uuid,
    enterpriseName: Type.String(),
    subdistrictId: Uuid,
    agencyId: Uuid,
    agencyName: Type.String(),
    services: Type.Array(ServiceSchema),
    status: EngagementStatusSchema,
    note: Nullable(Type.String()),
    requestedAt: Type.String(),
    acceptedAt: Nullable(Type.String()),
    endedAt: Nullable(Type.String()),
    endReason: Nullable(Type.String()),
    abilities: Type.Object({
      read: Type.Boolean(),
      accept: Type.Boolean(),
      decline: Type.Boolean(),
      withdraw: Type.Boolean(),
      end: Type.Boolean(),
    }),
  },
  { $id: 'Engagement' },
);

export const EngagementList = Paged(Type.Ref('Engagement'));

export const EngagementListQuery = Type.Object({
  status: Type.Optional(EngagementStatusSchema),
  enterpriseId: Type.Optional(Uuid),
  agencyId: Type.Optional(Uuid),
  ...PageQuery,
});
