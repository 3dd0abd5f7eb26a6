import { Type } from 'typebox';
import { enterpriseScales, operatingStatuses } from '../../db/schema/registry.js';
import { Nullable, Paged, PageQuery, Uuid } from '../../platform/http/schemas.js';

const Text = (max: number) => Type.String({ maxLength: max });

export const ScaleSchema = Type.Union(enterpriseScales.map((s) => Type.Literal(s)));
export const StatusSchema = Type.Union(operatingStatuses.map((s) => Type.Literal(s)));

const fieldSchemas = {
  uscc: Type.String({ minLength: 1, maxLength: 30 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  legalRepresentative: Type.String({ minLength: 1, maxLength: 50 }),
  registeredAddress: Nullable(Text(300)),
  operatingAddress: Nullable(Text(300)),
  subdistrictId: Uuid,
  industryCode: Type.String({ minLength: 1, maxLength: 10 }),
  scale: ScaleSchema,
  employeeCount: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  contactName: Nullable(Text(50)),
  contactPhone: Nullable(Text(30)),
  safetyManagerName: Nullable(Text(50)),
  safetyManagerPhone: Nullable(Text(30)),
  operatingStatus: StatusSchema,
  parkId: Nullable(Uuid),
  hostEnterpriseId: Nullable(Uuid),
};

export const CreateEnterpriseBody = Type.Object(
  {
    uscc: fieldSchemas.uscc,
    name: fieldSchemas.name,
    legalRepresentative: fieldSchemas.legalRepresentative,
    registeredAddress: Type.Optional(fieldSchemas.registeredAddress),
    operatingAddress: Type.Optional(fieldSchemas.operatingAddress),
    subdistrictId: fieldSchemas.subdistrictId,
    industryCode: fieldSchemas.industryCode,
    scale: fieldSchemas.scale,
    employeeCount: Type.Optional(fieldSchemas.employeeCount),
    contactName: Type.Optional(fieldSchemas.contactName),
    contactPhone: Type.Optional(fieldSchemas.contactPhone),
    safetyManagerName: Type.Optional(fieldSchemas.safetyManagerName),
    safetyManagerPhone: Type.Optional(fieldSchemas.safetyManagerPhone),
    operatingStatus: Type.Optional(fieldSchemas.operatingStatus),
    parkId: Type.Optional(fieldSchemas.parkId),
    hostEnterpriseId: Type.Optional(fieldSchemas.hostEnterpriseId),
  },
  { additionalProperties: false },
);

export const UpdateEnterpriseBody = Type.Partial(Type.Object(fieldSchemas), { additionalProperties: false });

export const EnterpriseView = Type.Object(
  {
    id: Uuid,
    jurisdictionId: Uuid,
    uscc: Type.String(),
    name: Type.String(),
    legalRepresentative: Type.String(),
    registeredAddress: Nullable(Type.String()),
    operatingAddress: Nullable(Type.String()),
    subdistrictId: Uuid,
    subdistrictName: Type.String(),
    industryCode: Type.String(),
    industryName: Type.String(),
    scale: ScaleSchema,
    employeeCount: Nullable(Type.Integer()),
    contactName: Nullable(Type.String()),
    contactPhone: Nullable(Type.String()),
    safetyManagerName: Nullable(Type.String()),
    safetyManagerPhone: Nullable(Type.String()),
    operatingStatus: StatusSchema,
    parkId: Nullable(Uuid),
    parkName: Nullable(Type.String()),
    hostEnterpriseId: Nullable(Uuid),
    hostName: Nullable(Type.String()),
    hostUscc: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    abilities: Type.Record(Type.String(), Type.Boolean()),
  },
  { $id: 'Enterprise' },
);

export const EnterpriseDetail = Type.Intersect([
  Type.Ref('Enterprise'),
  Type.Object({
    tenants: Type.Array(Type.Object({ id: Uuid, name: Type.String(), uscc: Type.String() })),
    operatedParks: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  }),
]);

export const EnterpriseFilterQuery = {
  q: Type.Optional(Type.String({ maxLength: 100 })),
  subdistrictId: Type.Optional(Uuid),
  industryCode: Type.Optional(Type.String({ maxLength: 10, pattern: '^[0-9A-Z]+$' })),
  parkId: Type.Optional(Uuid),
  scale: Type.Optional(ScaleSchema),
  status: Type.Optional(StatusSchema),
  hostEnterpriseId: Type.Optional(Uuid),
};

export const EnterpriseListQuery = Type.Object({
  ...EnterpriseFilterQuery,
  ...PageQuery,
  sort: Type.Optional(
    Type.Union([
      Type.Literal('name'),
      Type.Literal('uscc'),
      Type.Literal('updatedAt'),
      Type.Literal('employeeCount'),
    ]),
  ),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});

export const EnterpriseList = Paged(Type.Ref('Enterprise'));

export const ParkBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    address: Type.Optional(Nullable(Text(300))),
    subdistrictId: Uuid,
    operatorEnterpriseId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

export const ParkView = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  name: Type.String(),
  address: Nullable(Type.String()),
  subdistrictId: Uuid,
  subdistrictName: Type.String(),
  operatorEnterpriseId: Nullable(Uuid),
  operatorName: Nullable(Type.String()),
  tenantCount: Type.Integer(),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});

export const AccountBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    phone: Type.Optional(Nullable(Text(32))),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const ActivateBody = Type.Object(
  {
    code: Type.String({ minLength: 4, maxLength: 40 }),
    username: AccountBody.properties.username,
    displayName: AccountBody.properties.displayName,
    phone: AccountBody.properties.phone,
    password: AccountBody.properties.password,
  },
  { additionalProperties: false },
);

export const ImportView = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  status: Type.String(),
  jobId: Nullable(Type.String()),
  totalRows: Nullable(Type.Integer()),
  createdCount: Nullable(Type.Integer()),
  updatedCount: Nullable(Type.Integer()),
  unchangedCount: Nullable(Type.Integer()),
  errorRowCount: Nullable(Type.Integer()),
  errors: Type.Array(
    Type.Object({ row: Type.Integer(), column: Type.String(), code: Type.String(), message: Type.String() }),
  ),
  hasErrorFile: Type.Boolean(),
  failure: Nullable(Type.String()),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});
