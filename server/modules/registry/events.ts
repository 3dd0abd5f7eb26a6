import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

const Fields = Type.Record(Type.String(), Type.Unknown());
const Source = Type.Optional(Type.Object({ importId: Type.String() }));

export const registryEvents = {
  enterpriseCreated: defineEventKind('enterprise.created', Type.Object({ fields: Fields, source: Source })),
  enterpriseUpdated: defineEventKind('enterprise.updated', Type.Object({ fields: Fields, source: Source })),
  parkCreated: defineEventKind('park.created', Type.Object({ fields: Fields })),
  parkUpdated: defineEventKind('park.updated', Type.Object({ fields: Fields })),
  importStarted: defineEventKind(
    'enterprise_import.started',
    Type.Object({ fileName: Type.String(), fileSha256: Type.String(), jobId: Type.String() }),
  ),
  importFinished: defineEventKind(
    'enterprise_import.finished',
    Type.Object({
      totalRows: Type.Number(),
      created: Type.Number(),
      updated: Type.Number(),
      unchanged: Type.Number(),
      errorRows: Type.Number(),
    }),
  ),
  accountCreated: defineEventKind(
    'enterprise.account_created',
    Type.Object({ userId: Type.String(), username: Type.String(), via: Type.String() }),
  ),
  activationCodeIssued: defineEventKind(
    'enterprise.activation_code_issued',
    Type.Object({ expiresAt: Type.String() }),
  ),
};
