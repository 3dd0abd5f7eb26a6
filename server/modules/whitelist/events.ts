import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';
import { Nullable } from '../../platform/http/schemas.js';

const Move = Type.Object({
  enterpriseId: Type.String(),
  note: Type.Optional(Type.String()),
});
const Any = Type.Record(Type.String(), Type.Unknown());

export const applicationEvents = {
  created: defineEventKind(
    'whitelist.application_created',
    Type.Object({ enterpriseId: Type.String(), eligible: Type.Boolean() }),
  ),
  submitted: defineEventKind(
    'whitelist.application_submitted',
    Type.Object({ enterpriseId: Type.String(), judgedOn: Type.String() }),
  ),
  collected: defineEventKind(
    'whitelist.application_collected',
    Type.Object({ enterpriseId: Type.String(), batchId: Type.String() }),
  ),
  reviewStarted: defineEventKind('whitelist.review_started', Move),
  opinionsRequested: defineEventKind(
    'whitelist.opinions_requested',
    Type.Object({
      enterpriseId: Type.String(),
      departmentIds: Type.Array(Type.String()),
      deadline: Type.String(),
      deadlineEstimated: Type.Boolean(),
    }),
  ),
  opinionGiven: defineEventKind(
    'whitelist.opinion_given',
    Type.Object({
      enterpriseId: Type.String(),
      departmentId: Type.String(),
      answer: Type.String(),
      reason: Nullable(Type.String()),
    }),
  ),
  opinionLapsed: defineEventKind(
    'whitelist.opinion_lapsed',
    Type.Object({ enterpriseId: Type.String(), departmentId: Type.String(), outcome: Type.String() }),
  ),
  noticed: defineEventKind(
    'whitelist.application_noticed',
    Type.Object({ enterpriseId: Type.String(), noticeId: Type.String() }),
  ),
  published: defineEventKind(
    'whitelist.application_published',
    Type.Object({ enterpriseId: Type.String(), entryId: Type.String(), number: Type.String() }),
  ),
  reconsidered: defineEventKind('whitelist.application_reconsidered', Move),
  returned: defineEventKind('whitelist.application_returned', Move),
  rejected: defineEventKind('whitelist.application_rejected', Move),
  withdrawn: defineEventKind('whitelist.application_withdrawn', Move),
};

export const noticeEvents = {
  batchCreated: defineEventKind(
    'whitelist.batch_created',
    Type.Object({
      subdistrictId: Type.String(),
      applicationIds: Type.Array(Type.String()),
      note: Type.String(),
    }),
  ),
  noticeOpened: defineEventKind(
    'whitelist.notice_opened',
    Type.Object({
      number: Type.String(),
      startsOn: Type.String(),
      endsOn: Type.String(),
      endsEstimated: Type.Boolean(),
      applicationIds: Type.Array(Type.String()),
    }),
  ),
  noticePublished: defineEventKind(
    'whitelist.notice_published',
    Type.Object({ number: Type.String(), entryIds: Type.Array(Type.String()) }),
  ),
  objectionFiled: defineEventKind(
    'whitelist.objection_filed',
    Type.Object({ noticeId: Type.String(), applicationId: Type.String() }),
  ),
  objectionHandled: defineEventKind(
    'whitelist.objection_handled',
    Type.Object({
      noticeId: Type.String(),
      applicationId: Type.String(),
      decision: Type.String(),
      outcome: Nullable(Type.String()),
      reason: Type.String(),
    }),
  ),
};

export const entryEvents = {
  suspended: defineEventKind(
    'whitelist.entry_suspended',
    Type.Object({ enterpriseId: Type.String(), reason: Type.String() }),
  ),
  reinstated: defineEventKind(
    'whitelist.entry_reinstated',
    Type.Object({ enterpriseId: Type.String(), reason: Type.String() }),
  ),
  renewed: defineEventKind(
    'whitelist.entry_renewed',
    Type.Object({ enterpriseId: Type.String(), validTo: Type.String(), plaqueNumber: Type.String() }),
  ),
  reviewOpened: defineEventKind(
    'whitelist.annual_review_opened',
    Type.Object({ enterpriseId: Type.String(), dueOn: Type.String() }),
  ),
  reviewSubmitted: defineEventKind(
    'whitelist.annual_review_submitted',
    Type.Object({ enterpriseId: Type.String(), eligible: Type.Boolean() }),
  ),
  reviewDecided: defineEventKind(
    'whitelist.annual_review_decided',
    Type.Object({ enterpriseId: Type.String(), decision: Type.String(), note: Type.String() }),
  ),
  reviewMissed: defineEventKind(
    'whitelist.annual_review_missed',
    Type.Object({ enterpriseId: Type.String(), dueOn: Type.String() }),
  ),
  exitProposed: defineEventKind(
    'whitelist.exit_proposed',
    Type.Object({
      enterpriseId: Type.String(),
      entryId: Type.String(),
      reason: Type.String(),
      sourceKind: Type.String(),
      summary: Type.String(),
    }),
  ),
  exitDecided: defineEventKind(
    'whitelist.exit_decided',
    Type.Object({
      enterpriseId: Type.String(),
      entryId: Type.String(),
      reason: Type.String(),
      documentNumber: Type.String(),
      measures: Type.Array(Any),
    }),
  ),
  exitDismissed: defineEventKind(
    'whitelist.exit_dismissed',
    Type.Object({ enterpriseId: Type.String(), entryId: Type.String(), note: Type.String() }),
  ),
};
