import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';
import { Nullable } from '../../platform/http/schemas.js';

export const enforcementEvents = {
  inspectionRecorded: defineEventKind(
    'enforcement.inspection_recorded',
    Type.Object({
      enterpriseId: Type.String(),
      departmentId: Type.String(),
      inspectedOn: Type.String(),
      violations: Type.Array(Type.Object({ id: Type.String(), typeCode: Type.String() })),
      noticeNumber: Nullable(Type.String()),
      rectifyBy: Nullable(Type.String()),
    }),
  ),
  penaltyDecided: defineEventKind(
    'enforcement.penalty_decided',
    Type.Object({
      enterpriseId: Type.String(),
      outcome: Type.String(),
      article: Nullable(Type.String()),
      suggested: Type.String(),
      followsSuggestion: Type.Boolean(),
    }),
  ),
  violationRectified: defineEventKind(
    'enforcement.violation_rectified',
    Type.Object({ enterpriseId: Type.String(), note: Type.String() }),
  ),
};

export const adviceEvents = {
  campaignProposed: defineEventKind(
    'advice.campaign_proposed',
    Type.Object({
      violationTypeId: Type.String(),
      scopeType: Type.String(),
      scopeValue: Type.String(),
      origin: Type.String(),
      reason: Type.String(),
      triggerCount: Nullable(Type.Number()),
    }),
  ),
  campaignApproved: defineEventKind(
    'advice.campaign_approved',
    Type.Object({ targetCount: Type.Number(), replyBy: Type.String(), jobId: Type.String() }),
  ),
  campaignRejected: defineEventKind('advice.campaign_rejected', Type.Object({ reason: Type.String() })),
  /** one per sending chunk: targets from..to got letters first..last */
  lettersSent: defineEventKind(
    'advice.letters_sent',
    Type.Object({
      from: Type.Number(),
      to: Type.Number(),
      count: Type.Number(),
      first: Type.String(),
      last: Type.String(),
    }),
  ),
  campaignSent: defineEventKind('advice.campaign_sent', Type.Object({ sentCount: Type.Number() })),
  campaignClosed: defineEventKind(
    'advice.campaign_closed',
    Type.Object({ replied: Type.Number(), overdue: Type.Number() }),
  ),
  /** a single letter, about a violation found at the enterprise */
  letterSent: defineEventKind(
    'advice.letter_sent',
    Type.Object({ enterpriseId: Type.String(), number: Type.String(), violationId: Nullable(Type.String()) }),
  ),
  letterReplied: defineEventKind(
    'advice.letter_replied',
    Type.Object({ enterpriseId: Type.String(), number: Type.String(), late: Type.Boolean() }),
  ),
  /** the reply deadline passed without a reply: the enterprise becomes a focus enterprise */
  letterOverdue: defineEventKind(
    'advice.letter_overdue',
    Type.Object({ enterpriseId: Type.String(), number: Type.String(), replyBy: Type.String() }),
  ),
};
