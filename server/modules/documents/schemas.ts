import { Type } from 'typebox';
import { Nullable, Paged, PageQuery, Uuid } from '../../platform/http/schemas.js';

export const DocumentStatusSchema = Type.Union([
  Type.Literal('valid'),
  Type.Literal('superseded'),
  Type.Literal('revoked'),
  Type.Literal('expired'),
]);

export const KindParams = Type.Object({ kind: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }) });

export const DocumentView = Type.Object(
  {
    id: Uuid,
    kind: Type.String(),
    kindLabel: Type.String(),
    number: Type.String(),
    year: Type.Integer(),
    sequence: Type.Integer(),
    holder: Type.Object({ type: Type.String(), id: Nullable(Type.String()), name: Type.String() }),
    subject: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
    /** valid | superseded | revoked, or expired when a valid document is past validUntil */
    status: DocumentStatusSchema,
    issuerName: Type.String(),
    issuedAt: Type.String({ format: 'date-time' }),
    validUntil: Nullable(Type.String({ format: 'date-time' })),
    supersedesId: Nullable(Uuid),
    supersededById: Nullable(Uuid),
    revokedAt: Nullable(Type.String({ format: 'date-time' })),
    revokedReason: Nullable(Type.String()),
    verifyUrl: Type.String(),
    /** null for documents issued in bulk (advice campaigns): rendered from their snapshot when read */
    pdfSha256: Nullable(Type.String()),
    pdfSize: Nullable(Type.Integer()),
    templateVersion: Type.Integer(),
    /** the data snapshot the PDF was rendered from */
    data: Type.Unknown(),
    abilities: Type.Object({ read: Type.Boolean(), downloadPdf: Type.Boolean(), revoke: Type.Boolean() }),
  },
  { $id: 'Document' },
);

export const DocumentList = Paged(DocumentView);

export const DocumentListQuery = Type.Object(
  {
    holderId: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(Type.String({ maxLength: 40 })),
    subjectType: Type.Optional(Type.String({ maxLength: 40 })),
    subjectId: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const RevokeBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);

export const PreviewBody = Type.Object(
  {
    /** the template's data; omitted: the template's sample */
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const DocumentKindView = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  version: Type.Integer(),
});

/** Exactly what the public learns from a verification code. */
export const VerificationView = Type.Object(
  {
    kind: Type.String(),
    kindLabel: Type.String(),
    number: Type.String(),
    holder: Type.String(),
    issuedAt: Type.String({ format: 'date-time' }),
    status: DocumentStatusSchema,
    validUntil: Nullable(Type.String({ format: 'date-time' })),
    /** the current state of the document's subject, e.g. 白名单状态：在册 for a plaque; null when none is stated */
    subjectStatus: Nullable(
      Type.Object(
        {
          label: Type.String(),
          tone: Type.Union([Type.Literal('ok'), Type.Literal('warning'), Type.Literal('bad')]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'DocumentVerification', additionalProperties: false },
);

export const VerifyParams = Type.Object({ code: Type.String() });

export const FileLinkView = Type.Object(
  {
    id: Uuid,
    sha256: Type.String(),
    size: Type.Integer(),
    mime: Type.String(),
    originalName: Type.String(),
    label: Nullable(Type.String()),
    entityType: Type.String(),
    entityId: Type.String(),
    uploadedAt: Type.String({ format: 'date-time' }),
    url: Type.String(),
    thumbnailUrl: Nullable(Type.String()),
  },
  { $id: 'FileLink' },
);

export const FileListQuery = Type.Object(
  {
    entityType: Type.String({ minLength: 1, maxLength: 40 }),
    entityId: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const Sha256Params = Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
