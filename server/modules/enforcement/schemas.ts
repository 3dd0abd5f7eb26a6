import { Type } from 'typebox';
import { campaignScopeTypes, campaignStatuses, letterStatuses } from '../../db/schema/enforcement.js';
import { Nullable, Paged, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { harmLevels, leniencyLists, penaltyOutcomes } from '../../../domain/enforcement.js';

const Str = Type.String();
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const literals = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
const Item = Type.Object({ text: Str });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const ViolationType = Type.Object({
  id: Uuid,
  code: Str,
  name: Str,
  legalBasis: Str,
  penaltyBasis: Str,
  penaltyRange: Str,
  adviceItems: Type.Array(Item),
});

export const InspectionBody = Type.Object(
  {
    enterpriseId: Uuid,
    departmentId: Type.Optional(Uuid),
    inspectedOn: DateStr,
    findings: Type.Optional(Type.String({ maxLength: 2000 })),
    rectifyBy: Type.Optional(Nullable(DateStr)),
    violations: Type.Array(
      Type.Object(
        {
          violationTypeId: Uuid,
          description: Text(1000),
          harm: Type.Optional(literals(harmLevels)),
          selfReportedHazardId: Type.Optional(Nullable(Uuid)),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

export const Inspection = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  enterpriseName: Str,
  departmentId: Uuid,
  departmentName: Str,
  subdistrictName: Str,
  inspectedOn: Str,
  findings: Str,
  rectifyBy: Nullable(Str),
  noticeDocumentId: Nullable(Uuid),
  noticeNumber: Nullable(Str),
  violationCount: Type.Integer(),
  createdAt: Str,
});

const Suggestion = Type.Object({
  outcome: literals(penaltyOutcomes),
  article: Nullable(Str),
  mandatory: Type.Boolean(),
  because: Str,
  educate: Type.Boolean(),
});
const Facts = Type.Object({
  firstViolation: Type.Boolean(),
  selfReportedBefore: Type.Boolean(),
  rectificationStarted: Type.Boolean(),
  correctedInTime: Type.Boolean(),
  harm: literals(harmLevels),
  list: Nullable(literals(leniencyLists)),
});
const Decision = Type.Object({
  outcome: literals(penaltyOutcomes),
  article: Nullable(Str),
  reason: Str,
  decisionNumber: Nullable(Str),
  followsSuggestion: Type.Boolean(),
  suggestion: Suggestion,
  facts: Facts,
});

export const Leniency = Type.Object({
  facts: Facts,
  suggestion: Suggestion,
  selfReport: Nullable(
    Type.Object({
      hazardId: Uuid,
      title: Str,
      status: Str,
      reportedAt: Str,
      byEnterprise: Type.Boolean(),
      event: Nullable(Type.Object({ id: Uuid, seq: Type.Integer(), hash: Str })),
    }),
  ),
  penaltyBasis: Str,
  penaltyRange: Str,
  decision: Nullable(Decision),
});

export const DecisionBody = Type.Object(
  {
    outcome: literals(penaltyOutcomes),
    article: Type.Optional(Type.String({ maxLength: 200 })),
    reason: Text(1000),
    decisionNumber: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const InspectionDetail = Type.Object({
  ...Inspection.properties,
  violations: Type.Array(
    Type.Object({
      id: Uuid,
      violationTypeId: Uuid,
      typeCode: Str,
      typeName: Str,
      description: Str,
      status: literals(['open', 'rectified'] as const),
      rectifiedAt: Nullable(Str),
      letterId: Nullable(Uuid),
      letterNumber: Nullable(Str),
      letterStatus: Nullable(literals(letterStatuses)),
      harm: literals(harmLevels),
      selfReportedHazardId: Nullable(Uuid),
      decisionStatus: literals(['undecided', 'decided'] as const),
      decision: Nullable(Decision),
      abilities: Type.Object({ rectify: Type.Boolean(), decide: Type.Boolean() }),
    }),
  ),
});

export const InspectionQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 100 })),
  enterpriseId: Type.Optional(Uuid),
});

export const Recorded = Type.Object({ id: Uuid, proposedCampaignIds: Type.Array(Uuid) });

export const CampaignStatus = literals(campaignStatuses);

export const Campaign = Type.Object({
  id: Uuid,
  violationTypeId: Uuid,
  violationTypeCode: Str,
  violationTypeName: Str,
  departmentId: Uuid,
  departmentName: Str,
  scopeType: literals(campaignScopeTypes),
  scopeValue: Str,
  scopeLabel: Str,
  origin: literals(['frequency', 'manual'] as const),
  reason: Str,
  triggerCount: Nullable(Type.Integer()),
  windowDays: Nullable(Type.Integer()),
  items: Type.Array(Item),
  status: CampaignStatus,
  replyBy: Nullable(Str),
  replyByEstimated: Type.Boolean(),
  targetCount: Type.Integer(),
  sentCount: Type.Integer(),
  repliedCount: Type.Integer(),
  overdueCount: Type.Integer(),
  jobId: Nullable(Uuid),
  decisionReason: Nullable(Str),
  proposedAt: Str,
  decidedAt: Nullable(Str),
  finishedAt: Nullable(Str),
  abilities: Type.Object({ approve: Type.Boolean(), reject: Type.Boolean(), close: Type.Boolean() }),
});

export const CampaignQuery = Type.Object({ ...PageQuery, status: Type.Optional(CampaignStatus) });

export const ProposeBody = Type.Object(
  {
    violationTypeId: Uuid,
    scopeType: literals(campaignScopeTypes),
    scopeValue: Text(64),
    reason: Text(500),
    items: Type.Optional(
      Type.Array(Type.Object({ text: Text(300) }, { additionalProperties: false }), { maxItems: 50 }),
    ),
    departmentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export const ReplyBody = Type.Object({ reply: Text(4000) }, { additionalProperties: false });
export const NoteBody = Type.Object(
  { note: Type.String({ maxLength: 1000 }) },
  { additionalProperties: false },
);

export const Letter = Type.Object({
  id: Uuid,
  campaignId: Nullable(Uuid),
  violationId: Nullable(Uuid),
  number: Str,
  documentId: Uuid,
  enterpriseId: Uuid,
  enterpriseName: Str,
  subdistrictName: Str,
  departmentName: Str,
  violationTypeName: Str,
  reason: Str,
  items: Type.Array(Item),
  replyBy: Str,
  status: literals(letterStatuses),
  reply: Nullable(Str),
  repliedLate: Type.Boolean(),
  repliedAt: Nullable(Str),
  overdueAt: Nullable(Str),
  sentAt: Str,
  abilities: Type.Object({ reply: Type.Boolean() }),
});

export const LetterQuery = Type.Object({
  ...PageQuery,
  campaignId: Type.Optional(Uuid),
  enterpriseId: Type.Optional(Uuid),
  status: Type.Optional(literals(letterStatuses)),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});

export const FocusEnterprise = Type.Object({
  enterpriseId: Uuid,
  enterpriseName: Str,
  subdistrictName: Str,
  score: Type.Integer(),
  overdueLetters: Type.Integer(),
  overdueViolations: Type.Integer(),
  hotSpots: Type.Integer(),
});
export const FocusQuery = Type.Object({ ...PageQuery });

export const PagedInspections = Paged(Inspection);
export const PagedCampaigns = Paged(Campaign);
export const PagedLetters = Paged(Letter);
