import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

export const inspectionEvents = {
  started: defineEventKind(
    'inspection.started',
    Type.Object({
      enterpriseId: Type.String(),
      kind: Type.String(),
      agencyId: Nullable(Type.String()),
      standardVersionId: Type.String(),
      versionNumber: Type.String(),
      tags: Type.Array(Type.String()),
      items: Type.Number(),
      copiedFromId: Nullable(Type.String()),
    }),
  ),
  answered: defineEventKind(
    'inspection.answered',
    Type.Object({
      enterpriseId: Type.String(),
      itemCode: Type.String(),
      result: Nullable(Type.String()),
      evidence: Type.Number(),
      markedMajor: Type.Boolean(),
    }),
  ),
  completed: defineEventKind(
    'inspection.completed',
    Type.Object({
      enterpriseId: Type.String(),
      compliant: Type.Number(),
      nonCompliant: Type.Number(),
      notApplicable: Type.Number(),
      hazardIds: Type.Array(Type.String()),
    }),
  ),
};
