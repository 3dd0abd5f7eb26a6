import { Type } from 'typebox';
import { applicabilityTags, type ApplicabilityTag } from '../../../domain/standards.js';
import { Nullable, Uuid } from '../../platform/http/schemas.js';

export const LegalBasisSchema = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('law'),
      Type.Literal('regulation'),
      Type.Literal('standard'),
      Type.Literal('normative'),
    ]),
    title: Type.String({ minLength: 2, maxLength: 200 }),
    article: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const MajorHazardSchema = Type.Object(
  {
    source: Type.Union([Type.Literal('MEM-2023-10'), Type.Literal('GB-35181')]),
    article: Type.String({ minLength: 1, maxLength: 50 }),
    item: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);

export const TagSchema = Type.Unsafe<ApplicabilityTag>(
  Type.String({ enum: applicabilityTags.map((t) => t.code) }),
);

const itemFields = {
  code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9_.-]+$' }),
  module: Type.String({ minLength: 1, maxLength: 40 }),
  requirement: Type.String({ minLength: 1, maxLength: 2000 }),
  legalBasis: Type.Array(LegalBasisSchema, { maxItems: 20 }),
  checkMethod: Type.String({ maxLength: 2000 }),
  evidence: Type.String({ maxLength: 2000 }),
  isKey: Type.Boolean(),
  tags: Type.Array(TagSchema, { maxItems: 20 }),
  violationTypes: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 }),
  majorHazard: Nullable(MajorHazardSchema),
};

export const ItemBody = Type.Object(itemFields, { additionalProperties: false });
export const ItemPatch = Type.Partial(Type.Object(itemFields), { additionalProperties: false });
export const ItemView = Type.Object({ ...itemFields, position: Type.Integer() });

const Abilities = Type.Record(Type.String(), Type.Boolean());

export const VersionSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  status: Type.String(),
  documentNumber: Nullable(Type.String()),
  publishDate: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  filedAt: Nullable(Type.String()),
  supersededAt: Nullable(Type.String()),
  basedOnVersionId: Nullable(Type.String()),
  createdAt: Type.String(),
  abilities: Type.Optional(Abilities),
});

export const StandardView = Type.Object({
  id: Uuid,
  title: Type.String(),
  templateKey: Nullable(Type.String()),
  owningDepartmentId: Uuid,
  owningDepartmentName: Type.String(),
  industryScope: Type.Array(Type.String()),
  versions: Type.Array(VersionSummary),
});

export const VersionDetail = Type.Intersect([
  VersionSummary,
  Type.Object({
    standard: Type.Object({
      id: Uuid,
      title: Type.String(),
      industryScope: Type.Array(Type.String()),
      owningDepartmentId: Uuid,
    }),
    modules: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), common: Type.Boolean() })),
    items: Type.Array(ItemView),
  }),
]);

export const CreateStandardBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    owningDepartmentId: Uuid,
    industryScope: Type.Array(Type.String({ pattern: '^[0-9]{2,4}$' }), { minItems: 1, maxItems: 30 }),
    industryModules: Type.Optional(
      Type.Array(
        Type.Object(
          {
            code: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 40 }),
            name: Type.String({ minLength: 1, maxLength: 60 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ItemContentView = Type.Object(itemFields);

export const DiffView = Type.Object({
  from: Type.Object({ id: Type.String(), number: Type.String(), standardId: Type.String() }),
  to: Type.Object({ id: Type.String(), number: Type.String(), standardId: Type.String() }),
  added: Type.Array(ItemContentView),
  removed: Type.Array(ItemContentView),
  changed: Type.Array(
    Type.Object({
      code: Type.String(),
      fields: Type.Array(Type.String()),
      before: ItemContentView,
      after: ItemContentView,
      keyChange: Type.Boolean(),
    }),
  ),
  keyItemCodes: Type.Array(Type.String()),
});

export const ApplicableView = Type.Object({
  standardId: Type.String(),
  title: Type.String(),
  versionId: Type.String(),
  versionNumber: Type.String(),
  documentNumber: Nullable(Type.String()),
  declaredTags: Type.Array(Type.String()),
  items: Type.Array(ItemView),
  excludedCount: Type.Integer(),
});
