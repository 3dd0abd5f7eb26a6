import { Type } from 'typebox';
import { exitReasons } from '../../../domain/whitelist.js';
import { applicationStatuses } from '../../db/schema/whitelist.js';
import { Nullable, Paged, PageQuery, Uuid } from '../../platform/http/schemas.js';

const Str = Type.String();
const Reason = Type.String({ minLength: 1, maxLength: 500 });
/** A union of string literals whose static type is the union of the values. */
const literals = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

export const ApplicationStatus = literals(applicationStatuses);

export const Eligibility = Type.Object({
  judgedOn: Str,
  eligible: Type.Boolean(),
  conditions: Type.Array(Type.Object({ key: Str, label: Str, pass: Type.Boolean(), reason: Str })),
});

export const Application = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  enterpriseName: Str,
  uscc: Str,
  subdistrictId: Uuid,
  subdistrictName: Str,
  industryCode: Str,
  status: ApplicationStatus,
  reason: Nullable(Str),
  batchId: Nullable(Uuid),
  noticeId: Nullable(Uuid),
  submittedAt: Nullable(Str),
  collectedAt: Nullable(Str),
  decidedAt: Nullable(Str),
  createdAt: Str,
  updatedAt: Str,
  opinions: Type.Object({
    pending: Type.Integer(),
    objected: Type.Integer(),
    escalated: Type.Integer(),
    cleared: Type.Integer(),
    total: Type.Integer(),
  }),
  opinionDeadline: Nullable(Str),
});

const OpinionStatus = literals([
  'pending',
  'agreed',
  'objected',
  'silent_agreed',
  'escalated',
  'superseded',
] as const);

export const ApplicationDetail = Type.Object({
  ...Application.properties,
  eligibility: Eligibility,
  opinions: Type.Array(
    Type.Object({
      id: Uuid,
      departmentId: Uuid,
      departmentName: Str,
      status: OpinionStatus,
      deadline: Str,
      deadlineEstimated: Type.Boolean(),
      reason: Nullable(Str),
      answeredAt: Nullable(Str),
    }),
  ),
  opinionSummary: Application.properties.opinions,
  notice: Nullable(
    Type.Object({
      id: Uuid,
      number: Str,
      title: Str,
      startsOn: Str,
      endsOn: Str,
      endsEstimated: Type.Boolean(),
      status: Str,
    }),
  ),
  objections: Type.Array(
    Type.Object({
      id: Uuid,
      name: Str,
      contact: Str,
      content: Str,
      evidence: Str,
      status: Str,
      resolution: Nullable(Str),
      filedAt: Str,
      handledAt: Nullable(Str),
    }),
  ),
  entry: Nullable(Type.Object({ id: Uuid, number: Str, validFrom: Str, validTo: Str, status: Str })),
  history: Type.Array(Type.Object({ kind: Str, label: Str, at: Str, actorLabel: Str, note: Nullable(Str) })),
  actions: Type.Array(Str),
});

export const ApplicationQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 200 })),
  subdistrictId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  batchId: Type.Optional(Uuid),
  noticeId: Type.Optional(Uuid),
  ...PageQuery,
});

export const CreateBody = Type.Object({ enterpriseId: Uuid }, { additionalProperties: false });
export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const OptionalReasonBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const SolicitBody = Type.Object(
  { departmentIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export const OpinionBody = Type.Object(
  {
    answer: literals(['agree', 'object'] as const),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const OpinionItem = Type.Object({
  id: Uuid,
  applicationId: Uuid,
  enterpriseName: Str,
  uscc: Str,
  industryCode: Str,
  subdistrictName: Str,
  departmentId: Uuid,
  departmentName: Str,
  status: OpinionStatus,
  requestedAt: Str,
  deadline: Str,
  deadlineEstimated: Type.Boolean(),
  reason: Nullable(Str),
  answeredAt: Nullable(Str),
});
export const OpinionQuery = Type.Object({
  status: Type.Optional(literals(['pending', 'answered'] as const)),
  ...PageQuery,
});

export const BatchBody = Type.Object(
  {
    applicationIds: Type.Array(Uuid, { minItems: 1, maxItems: 200 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const Batch = Type.Object({
  id: Uuid,
  subdistrictId: Uuid,
  subdistrictName: Str,
  note: Str,
  createdAt: Str,
  createdByLabel: Str,
  count: Type.Integer(),
});
export const BatchDetail = Type.Object({
  ...Batch.properties,
  applications: Type.Array(Application),
});

export const Notice = Type.Object({
  id: Uuid,
  number: Str,
  title: Str,
  startsOn: Str,
  endsOn: Str,
  endsEstimated: Type.Boolean(),
  status: literals(['open', 'ended', 'published'] as const),
  documentId: Uuid,
  verifyUrl: Str,
  count: Type.Integer(),
  openObjections: Type.Integer(),
});
export const NoticeObjection = Type.Object({
  id: Uuid,
  applicationId: Uuid,
  enterpriseName: Str,
  name: Str,
  contact: Str,
  content: Str,
  evidence: Str,
  status: Str,
  resolution: Nullable(Str),
  filedAt: Str,
  handledAt: Nullable(Str),
});
export const NoticeDetail = Type.Object({
  ...Notice.properties,
  applications: Type.Array(Application),
  objections: Type.Array(NoticeObjection),
  entries: Type.Array(Type.Object({ id: Uuid, number: Str, enterpriseName: Str })),
});
export const NoticeBody = Type.Object(
  {
    applicationIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const NoticeQuery = Type.Object({
  status: Type.Optional(literals(['open', 'ended', 'published'] as const)),
  ...PageQuery,
});
export const HandleObjectionBody = Type.Object(
  {
    decision: literals(['dismiss', 'uphold'] as const),
    outcome: Type.Optional(literals(['reconsider', 'reject'] as const)),
    reason: Reason,
  },
  { additionalProperties: false },
);

export const Measure = Type.Object({
  id: Uuid,
  kind: Str,
  label: Str,
  startsOn: Str,
  endsOn: Nullable(Str),
  inForce: Type.Boolean(),
  note: Str,
  exitId: Nullable(Uuid),
});
const DocRef = Type.Object({ documentId: Uuid, number: Str, verifyUrl: Str });
export const Entry = Type.Object({
  id: Uuid,
  number: Str,
  enterpriseId: Uuid,
  enterpriseName: Str,
  uscc: Str,
  subdistrictId: Uuid,
  subdistrictName: Str,
  industryCode: Str,
  validFrom: Str,
  validTo: Str,
  status: literals(['active', 'suspended', 'exited'] as const),
  suspendedReason: Nullable(Str),
  exitedOn: Nullable(Str),
  publishedAt: Str,
  plaque: DocRef,
});
export const Review = Type.Object({
  id: Uuid,
  entryId: Uuid,
  dueOn: Str,
  status: literals(['open', 'submitted', 'passed', 'failed', 'missed'] as const),
  eligibility: Nullable(Eligibility),
  note: Nullable(Str),
  openedAt: Str,
  submittedAt: Nullable(Str),
  decidedAt: Nullable(Str),
  actions: Type.Array(Str),
});
export const ExitReason = literals(exitReasons);
export const Exit = Type.Object({
  id: Uuid,
  entryId: Uuid,
  entryNumber: Str,
  enterpriseId: Uuid,
  enterpriseName: Str,
  reason: Str,
  reasonLabel: Str,
  status: literals(['proposed', 'decided', 'dismissed'] as const),
  sourceKind: Str,
  summary: Str,
  evidence: Type.Array(Str),
  proposedAt: Str,
  proposedBy: Nullable(Uuid),
  decisionNote: Nullable(Str),
  decidedAt: Nullable(Str),
  decision: Nullable(DocRef),
  measures: Type.Array(Measure),
  actions: Type.Array(Str),
});
export const EntryDetail = Type.Object({
  ...Entry.properties,
  reviews: Type.Array(Review),
  exits: Type.Array(Exit),
  measures: Type.Array(Measure),
  actions: Type.Array(Str),
});
export const EntryQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 100 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  subdistrictId: Type.Optional(Uuid),
  ...PageQuery,
});
export const ExitQuery = Type.Object({
  status: Type.Optional(literals(['proposed', 'decided', 'dismissed'] as const)),
  ...PageQuery,
});
export const ReviewQuery = Type.Object({
  status: Type.Optional(literals(['open', 'submitted', 'passed', 'failed', 'missed'] as const)),
  ...PageQuery,
});
export const ProposeBody = Type.Object(
  {
    reason: ExitReason,
    summary: Type.String({ minLength: 1, maxLength: 2000 }),
    evidence: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export const WithdrawBody = Type.Object(
  { summary: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const DecideExitBody = Type.Object(
  { decision: literals(['exit', 'dismiss'] as const), note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const DecideReviewBody = Type.Object(
  { decision: literals(['pass', 'fail'] as const), note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const EnterpriseWhitelist = Type.Object({
  entry: Nullable(Entry),
  application: Nullable(Application),
  reentryBanUntil: Nullable(Str),
  review: Nullable(Review),
});

export const PublicEntry = Type.Object({
  number: Str,
  enterpriseName: Str,
  uscc: Str,
  subdistrictName: Str,
  industryCode: Str,
  industryName: Str,
  validFrom: Str,
  validTo: Str,
  status: literals(['active', 'suspended'] as const),
  verifyUrl: Str,
});
export const PublicWhitelistQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  subdistrictId: Type.Optional(Uuid),
  industryCode: Type.Optional(Type.String({ maxLength: 10 })),
  ...PageQuery,
});
export const PublicWhitelist = Type.Object({
  ...Paged(PublicEntry).properties,
  subdistricts: Type.Array(Type.Object({ id: Uuid, name: Str })),
});
export const PublicNotice = Type.Object({
  id: Uuid,
  number: Str,
  title: Str,
  startsOn: Str,
  endsOn: Str,
  endsEstimated: Type.Boolean(),
  verifyUrl: Str,
  applications: Type.Array(
    Type.Object({ id: Uuid, enterpriseName: Str, uscc: Str, subdistrictName: Str, industryName: Str }),
  ),
});
export const ObjectionBody = Type.Object(
  {
    applicationId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    contact: Type.String({ minLength: 3, maxLength: 100 }),
    content: Type.String({ minLength: 10, maxLength: 2000 }),
    evidence: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const ObjectionReceipt = Type.Object({ id: Uuid, filedAt: Str });

export { Paged };
