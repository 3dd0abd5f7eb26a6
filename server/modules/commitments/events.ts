import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

export const commitmentEvents = {
  signed: defineEventKind(
    'commitment.signed',
    Type.Object({
      enterpriseId: Type.String(),
      textVersion: Type.String(),
      textHash: Type.String(),
      signatoryName: Type.String(),
      signatoryCapacity: Type.String(),
      documentId: Type.String(),
      documentNumber: Type.String(),
    }),
  ),
};
