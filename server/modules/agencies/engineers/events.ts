import { Type } from 'typebox';
import { defineEventKind } from '../../../platform/audit/event-kinds.js';

const Fields = Type.Record(Type.String(), Type.Unknown());

export const engineerEvents = {
  added: defineEventKind(
    'engineer.added',
    Type.Object({ agencyId: Type.String(), status: Type.String(), fields: Fields }),
  ),
  edited: defineEventKind(
    'engineer.edited',
    Type.Object({ agencyId: Type.String(), status: Type.String(), fields: Fields }),
  ),
  reviewed: defineEventKind(
    'engineer.reviewed',
    Type.Object({
      agencyId: Type.String(),
      status: Type.String(),
      action: Type.String(),
      note: Type.String(),
    }),
  ),
};
