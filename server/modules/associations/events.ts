import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

export const associationEvents = {
  registered: defineEventKind(
    'association.registered',
    Type.Object({ name: Type.String(), uscc: Type.String(), industryScope: Type.Array(Type.String()) }),
  ),
  standardAdopted: defineEventKind(
    'self_discipline_standard.adopted',
    Type.Object({
      associationId: Type.String(),
      standardVersionId: Type.String(),
      title: Type.String(),
      itemCodes: Type.Array(Type.String()),
    }),
  ),
  standardWithdrawn: defineEventKind(
    'self_discipline_standard.withdrawn',
    Type.Object({ associationId: Type.String() }),
  ),
};
