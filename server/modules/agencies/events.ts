import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

const Fields = Type.Record(Type.String(), Type.Unknown());
const Transition = Type.Object({ status: Type.String(), reason: Type.Optional(Type.String()) });

export const agencyEvents = {
  agencyCreated: defineEventKind('agency.created', Type.Object({ fields: Fields })),
  agencyUpdated: defineEventKind('agency.updated', Type.Object({ fields: Fields })),
  /** suspend, reinstate, blacklist: `before`/`after` carry the status, `after` the action and reason */
  agencyStatusChanged: defineEventKind(
    'agency.status_changed',
    Type.Object({ status: Type.String(), action: Type.String(), reason: Type.Optional(Type.String()) }),
  ),
  engagementRequested: defineEventKind(
    'engagement.requested',
    Type.Object({
      enterpriseId: Type.String(),
      agencyId: Type.String(),
      services: Type.Array(Type.String()),
      note: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  engagementAccepted: defineEventKind('engagement.accepted', Transition),
  engagementDeclined: defineEventKind('engagement.declined', Transition),
  engagementWithdrawn: defineEventKind('engagement.withdrawn', Transition),
  engagementEnded: defineEventKind('engagement.ended', Transition),
};
