import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

const Fields = Type.Record(Type.String(), Type.Unknown());

export const recordEvents = {
  accidentRecorded: defineEventKind(
    'accident.recorded',
    Type.Object({ enterpriseId: Type.String(), fields: Fields }),
  ),
  penaltyRecorded: defineEventKind(
    'penalty.recorded',
    Type.Object({ enterpriseId: Type.String(), fields: Fields }),
  ),
  dishonestyListed: defineEventKind(
    'dishonesty.listed',
    Type.Object({ enterpriseId: Type.String(), fields: Fields }),
  ),
};
