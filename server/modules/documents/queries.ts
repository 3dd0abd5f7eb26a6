import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { documents, type DocumentRow } from '../../db/schema/documents.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { renderDocument, type RenderedPdf } from '../../platform/documents/render.js';
import { documentKindLabel, findTemplate } from '../../platform/documents/template.js';
import { effectiveStatus, type DocumentStatus } from '../../platform/documents/status.js';
import { subjectStatusOf, type SubjectStatus } from '../../platform/documents/subject-status.js';
import {
  isWellFormedVerificationCode,
  newVerificationCode,
  normaliseVerificationCode,
  sameVerificationCode,
} from '../../platform/documents/verification.js';
import { AppError } from '../../platform/errors/app-error.js';

/**
 * The one scope of documents: jurisdiction-wide roles, the enterprise's users, the subdistrict's officers, and the
 * agency whose work a document reports.
 */
export function documentScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: documents.jurisdictionId,
    enterprise: documents.enterpriseId,
    subdistrict: documents.subdistrictId,
    agency: (agencyId) => eq(documents.agencyId, agencyId),
  });
}

export async function getDocument(db: Db, actor: Actor, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), documentScope(actor)));
  return row;
}

export interface DocumentListQuery {
  holderId?: string;
  kind?: string;
  subjectType?: string;
  subjectId?: string;
  page: number;
  pageSize: number;
}

export async function listDocuments(db: Db, actor: Actor, query: DocumentListQuery) {
  const conditions: SQL[] = [documentScope(actor)];
  if (query.holderId) conditions.push(eq(documents.holderId, query.holderId));
  if (query.kind) conditions.push(eq(documents.kind, query.kind));
  if (query.subjectType) conditions.push(eq(documents.subjectType, query.subjectType));
  if (query.subjectId) conditions.push(eq(documents.subjectId, query.subjectId));
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(documents)
    .where(where);
  const items = await db
    .select()
    .from(documents)
    .where(where)
    .orderBy(desc(documents.issuedAt), desc(documents.sequence))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { total: Number(total), items };
}

/**
 * The PDF of an issued document, re-rendered from its snapshot with the template version it was issued with.
 * The bytes must hash to the stored sha256; anything else (a changed template without a new version, another
 * font build) is refused rather than served as the official document. Documents issued in bulk have no stored
 * PDF hash: their data snapshot's hash is in the audit chain (`document.batch_issued`), and the PDF follows from it.
 */
export async function issuedDocumentPdf(row: DocumentRow): Promise<RenderedPdf> {
  const template = findTemplate(row.kind, row.templateVersion);
  if (!template)
    throw new AppError('DOCUMENT_RENDER_MISMATCH', {
      detail: `文书模板 ${row.kind} 第 ${row.templateVersion} 版未注册`,
    });
  const pdf = await renderDocument(template, row.data as never, {
    number: row.number,
    issuedAt: row.issuedAt,
    issuerName: row.issuerName,
    verificationCode: row.verificationCode,
    verifyUrl: row.verifyUrl,
    preview: false,
  });
  if (row.pdfSha256 !== null && pdf.sha256 !== row.pdfSha256) throw new AppError('DOCUMENT_RENDER_MISMATCH');
  return pdf;
}

/** What the public verification page and API state about a document, and nothing more. */
export interface VerificationView {
  kind: string;
  kindLabel: string;
  number: string;
  holder: string;
  issuedAt: string;
  status: DocumentStatus;
  validUntil: string | null;
  /** the current state of what the document is about (a plaque's white-list entry), when its module states one */
  subjectStatus: SubjectStatus | null;
}

type VerifyColumns = Pick<
  DocumentRow,
  | 'kind'
  | 'number'
  | 'holderName'
  | 'issuedAt'
  | 'status'
  | 'validUntil'
  | 'verificationCode'
  | 'subjectType'
  | 'subjectId'
>;

/** Looked up when the presented code is malformed, so that path does the same work as a real lookup. */
const decoy: VerifyColumns = {
  kind: 'decoy',
  number: '',
  holderName: '',
  issuedAt: new Date(0),
  status: 'valid',
  validUntil: null,
  verificationCode: newVerificationCode(),
  subjectType: null,
  subjectId: null,
};

/**
 * Public verification by code. Found, unknown and malformed codes take the same path: one indexed lookup, a
 * constant-time comparison and the same presentation work, so the response time does not tell them apart.
 */
export async function verifyDocument(
  db: Db,
  presented: string,
  now = new Date(),
): Promise<VerificationView | undefined> {
  const code = normaliseVerificationCode(presented);
  const wellFormed = isWellFormedVerificationCode(code);
  const [row] = await db
    .select({
      kind: documents.kind,
      number: documents.number,
      holderName: documents.holderName,
      issuedAt: documents.issuedAt,
      status: documents.status,
      validUntil: documents.validUntil,
      verificationCode: documents.verificationCode,
      subjectType: documents.subjectType,
      subjectId: documents.subjectId,
    })
    .from(documents)
    .where(eq(documents.verificationCode, wellFormed ? code : decoy.verificationCode))
    .limit(1);
  const candidate = row ?? decoy;
  const matches = sameVerificationCode(candidate.verificationCode, code);
  const view: VerificationView = {
    kind: candidate.kind,
    kindLabel: documentKindLabel(candidate.kind),
    number: candidate.number,
    holder: candidate.holderName,
    issuedAt: candidate.issuedAt.toISOString(),
    status: effectiveStatus(candidate, now),
    validUntil: candidate.validUntil ? candidate.validUntil.toISOString() : null,
    subjectStatus: await subjectStatusOf(db, { type: candidate.subjectType, id: candidate.subjectId }),
  };
  return row !== undefined && wellFormed && matches ? view : undefined;
}
