import type { DocumentRow, FileLinkRow, FileRow } from '../../db/schema/documents.js';
import type { Actor } from '../../platform/access/actor.js';
import { abilities } from '../../platform/access/policy.js';
import { effectiveStatus } from '../../platform/documents/status.js';
import { documentKindLabel } from '../../platform/documents/template.js';
import { documentPolicy } from './policy.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentDocument(row: DocumentRow, actor: Actor, now = new Date()) {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: documentKindLabel(row.kind),
    number: row.number,
    year: row.year,
    sequence: row.sequence,
    holder: { type: row.holderType, id: row.holderId, name: row.holderName },
    subject: row.subjectType && row.subjectId ? { type: row.subjectType, id: row.subjectId } : null,
    status: effectiveStatus(row, now),
    issuerName: row.issuerName,
    issuedAt: row.issuedAt.toISOString(),
    validUntil: iso(row.validUntil),
    supersedesId: row.supersedesId,
    supersededById: row.supersededById,
    revokedAt: iso(row.revokedAt),
    revokedReason: row.revokedReason,
    verifyUrl: row.verifyUrl,
    pdfSha256: row.pdfSha256,
    pdfSize: row.pdfSize,
    templateVersion: row.templateVersion,
    data: row.data,
    abilities: abilities(documentPolicy, actor, row),
  };
}

export function presentFileLink(link: FileLinkRow, file: FileRow) {
  return {
    id: link.id,
    sha256: file.sha256,
    size: file.size,
    mime: file.mime,
    originalName: link.originalName,
    label: link.label,
    entityType: link.entityType,
    entityId: link.entityId,
    uploadedAt: link.uploadedAt.toISOString(),
    url: `/api/files/${file.sha256}`,
    thumbnailUrl: file.thumbnailSha256 ? `/api/files/${file.sha256}/thumbnail` : null,
  };
}

/** `Content-Disposition` with a Chinese file name (RFC 6266 / 5987) and an ASCII fallback. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
