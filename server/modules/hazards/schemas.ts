import { Type } from 'typebox';
import { Nullable, Paged, PageQuery, Uuid } from '../../platform/http/schemas.js';

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Evidence = Type.Array(Sha256, { maxItems: 20 });
const HazardStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('rectifying'),
  Type.Literal('awaiting_verification'),
  Type.Literal('closed'),
]);
const Severity = Type.Union([Type.Literal('general'), Type.Literal('major')]);
const ExtensionStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('refused'),
  Type.Literal('withdrawn'),
]);
const DateTime = Type.String({ format: 'date-time' });

export const HazardView = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  subdistrictId: Uuid,
  assessmentId: Nullable(Uuid),
  itemCode: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  severity: Severity,
  majorReason: Nullable(Type.String()),
  status: HazardStatus,
  ownerName: Nullable(Type.String()),
  deadline: Type.String(),
  originalDeadline: Type.String(),
  overdue: Type.Boolean(),
  interimMeasures: Type.String(),
  plan: Type.String(),
  beforeEvidence: Type.Array(Type.String()),
  afterEvidence: Type.Array(Type.String()),
  closureNote: Nullable(Type.String()),
  guidingAgencyId: Nullable(Uuid),
  verificationNote: Nullable(Type.String()),
  reportedAt: DateTime,
  submittedAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  abilities: Type.Object({
    update: Type.Boolean(),
    start: Type.Boolean(),
    submit: Type.Boolean(),
    verify: Type.Boolean(),
    reject: Type.Boolean(),
    reopen: Type.Boolean(),
    requestExtension: Type.Boolean(),
  }),
});

export const ExtensionView = Type.Object({
  id: Uuid,
  hazardId: Uuid,
  hazardTitle: Type.String(),
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  subdistrictId: Uuid,
  status: ExtensionStatus,
  deadlineAtRequest: Type.String(),
  requestedDeadline: Type.String(),
  reason: Type.String(),
  interimControls: Type.String(),
  evidence: Type.Array(Type.String()),
  requestedAt: DateTime,
  decidedAt: Nullable(DateTime),
  decisionReason: Nullable(Type.String()),
  approvedDeadline: Nullable(Type.String()),
  documentId: Nullable(Uuid),
  documentNumber: Nullable(Type.String()),
  abilities: Type.Object({ decide: Type.Boolean(), withdraw: Type.Boolean() }),
});

export const HazardDetail = Type.Object({ ...HazardView.properties, extensions: Type.Array(ExtensionView) });
export const HazardList = Paged(HazardView);
export const ExtensionList = Paged(ExtensionView);

export const HazardQuery = Type.Object({
  enterpriseId: Type.Optional(Uuid),
  subdistrictId: Type.Optional(Uuid),
  assessmentId: Type.Optional(Uuid),
  status: Type.Optional(HazardStatus),
  severity: Type.Optional(Severity),
  unresolved: Type.Optional(Type.Boolean()),
  overdue: Type.Optional(Type.Boolean()),
  ...PageQuery,
});

export const HazardUpdateBody = Type.Object(
  {
    ownerName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    deadline: Type.Optional(CalendarDate),
    interimMeasures: Type.Optional(Type.String({ maxLength: 2000 })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    beforeEvidence: Type.Optional(Evidence),
    /** refused with HAZARD_FIELD_READONLY: the reported time is the event's and never changes */
    reportedAt: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);

export const StartBody = Type.Object(
  { plan: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const SubmitBody = Type.Object(
  { closureNote: Type.Optional(Type.String({ maxLength: 2000 })), afterEvidence: Evidence },
  { additionalProperties: false },
);
export const NoteBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const RequiredNoteBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const ExtensionBody = Type.Object(
  {
    requestedDeadline: CalendarDate,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    interimControls: Type.String({ maxLength: 2000 }),
    evidence: Type.Optional(Evidence),
  },
  { additionalProperties: false },
);
export const ApproveBody = Type.Object(
  { approvedDeadline: Type.Optional(CalendarDate), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const ExtensionQuery = Type.Object({
  status: Type.Optional(ExtensionStatus),
  enterpriseId: Type.Optional(Uuid),
  subdistrictId: Type.Optional(Uuid),
  ...PageQuery,
});
