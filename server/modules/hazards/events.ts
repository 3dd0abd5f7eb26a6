import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

const Any = Type.Record(Type.String(), Type.Unknown());

export const hazardEvents = {
  reported: defineEventKind(
    'hazard.reported',
    Type.Object({
      enterpriseId: Type.String(),
      title: Type.String(),
      severity: Type.String(),
      majorReason: Nullable(Type.String()),
      deadline: Type.String(),
      assessmentId: Nullable(Type.String()),
      itemCode: Nullable(Type.String()),
    }),
  ),
  updated: defineEventKind('hazard.updated', Any),
  started: defineEventKind(
    'hazard.rectification_started',
    Type.Object({ enterpriseId: Type.String(), plan: Type.String() }),
  ),
  submitted: defineEventKind(
    'hazard.closure_submitted',
    Type.Object({ enterpriseId: Type.String(), afterEvidence: Type.Number() }),
  ),
  verified: defineEventKind(
    'hazard.verified',
    Type.Object({ enterpriseId: Type.String(), verifier: Type.String(), note: Type.String() }),
  ),
  rejected: defineEventKind(
    'hazard.verification_rejected',
    Type.Object({ enterpriseId: Type.String(), note: Type.String() }),
  ),
  reopened: defineEventKind(
    'hazard.reopened',
    Type.Object({ enterpriseId: Type.String(), reason: Type.String() }),
  ),
  overdue: defineEventKind(
    'hazard.overdue',
    Type.Object({ enterpriseId: Type.String(), deadline: Type.String() }),
  ),
  extensionRequested: defineEventKind(
    'extension.requested',
    Type.Object({
      enterpriseId: Type.String(),
      hazardId: Type.String(),
      deadlineAtRequest: Type.String(),
      requestedDeadline: Type.String(),
    }),
  ),
  extensionApproved: defineEventKind(
    'extension.approved',
    Type.Object({
      enterpriseId: Type.String(),
      hazardId: Type.String(),
      approvedDeadline: Type.String(),
      documentNumber: Type.String(),
    }),
  ),
  extensionRefused: defineEventKind(
    'extension.refused',
    Type.Object({
      enterpriseId: Type.String(),
      hazardId: Type.String(),
      reason: Type.String(),
      documentNumber: Type.String(),
    }),
  ),
  extensionWithdrawn: defineEventKind(
    'extension.withdrawn',
    Type.Object({ enterpriseId: Type.String(), hazardId: Type.String() }),
  ),
};
