import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

export const documentEvents = {
  /** one per issued document: what was printed on it and the sha256 of its PDF */
  issued: defineEventKind(
    'document.issued',
    Type.Object({
      kind: Type.String(),
      number: Type.String(),
      holderType: Type.String(),
      holderId: Nullable(Type.String()),
      holderName: Type.String(),
      subjectType: Nullable(Type.String()),
      subjectId: Nullable(Type.String()),
      templateVersion: Type.Number(),
      pdfSha256: Type.String(),
      validUntil: Nullable(Type.String()),
      supersedesId: Nullable(Type.String()),
    }),
  ),
  /**
   * one per bulk issue (an advice campaign's chunk): every document's id, number and holder, and the sha256 of the
   * canonical JSON of the data it renders from (its PDF is rendered from that snapshot when read)
   */
  batchIssued: defineEventKind(
    'document.batch_issued',
    Type.Object({
      kind: Type.String(),
      templateVersion: Type.Number(),
      subjectType: Nullable(Type.String()),
      count: Type.Number(),
      first: Type.String(),
      last: Type.String(),
      documents: Type.Array(
        Type.Object({
          id: Type.String(),
          number: Type.String(),
          holderId: Nullable(Type.String()),
          subjectId: Nullable(Type.String()),
          dataSha256: Type.String(),
        }),
      ),
    }),
  ),
  superseded: defineEventKind(
    'document.superseded',
    Type.Object({ number: Type.String(), supersededById: Type.String(), newNumber: Type.String() }),
  ),
  revoked: defineEventKind('document.revoked', Type.Object({ number: Type.String(), reason: Type.String() })),
  /** written on the entity the file is linked to, so its history shows the evidence */
  fileUploaded: defineEventKind(
    'file.uploaded',
    Type.Object({
      sha256: Type.String(),
      size: Type.Number(),
      mime: Type.String(),
      originalName: Type.String(),
      label: Nullable(Type.String()),
    }),
  ),
};
