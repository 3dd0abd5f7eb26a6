import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

const Move = Type.Object({
  enterpriseId: Type.String(),
  agencyId: Type.String(),
  note: Type.Optional(Type.String()),
});

export const confirmationEvents = {
  requested: defineEventKind(
    'confirmation.requested',
    Type.Object({
      enterpriseId: Type.String(),
      agencyId: Type.String(),
      standardVersionId: Type.String(),
      keyItems: Type.Number(),
    }),
  ),
  accepted: defineEventKind('confirmation.accepted', Move),
  declined: defineEventKind('confirmation.declined', Move),
  withdrawn: defineEventKind('confirmation.withdrawn', Move),
  itemChecked: defineEventKind(
    'confirmation.item_checked',
    Type.Object({
      enterpriseId: Type.String(),
      agencyId: Type.String(),
      itemCode: Type.String(),
      result: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  concluded: defineEventKind(
    'confirmation.concluded',
    Type.Object({
      enterpriseId: Type.String(),
      agencyId: Type.String(),
      conclusion: Type.String(),
      siteVisitDate: Type.String(),
    }),
  ),
  reopened: defineEventKind('confirmation.reopened', Move),
  signed: defineEventKind(
    'confirmation.signed',
    Type.Object({
      enterpriseId: Type.String(),
      agencyId: Type.String(),
      engineerId: Type.String(),
      certificateNumber: Type.String(),
      signedOn: Type.String(),
    }),
  ),
  effective: defineEventKind(
    'confirmation.effective',
    Type.Object({
      enterpriseId: Type.String(),
      agencyId: Type.String(),
      conclusion: Type.String(),
      validUntil: Type.Union([Type.String(), Type.Null()]),
      documentNumber: Type.String(),
      engineerIds: Type.Array(Type.String()),
    }),
  ),
  revoked: defineEventKind(
    'confirmation.revoked',
    Type.Object({
      enterpriseId: Type.String(),
      agencyId: Type.String(),
      reason: Type.String(),
      penalty: Type.String(),
    }),
  ),
};
