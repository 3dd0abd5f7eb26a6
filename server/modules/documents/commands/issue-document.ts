import { randomUUID } from 'node:crypto';
import type { Static, TObject } from 'typebox';
import { documents } from '../../../db/schema/documents.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import { loadConfig } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import { chinaYear } from '../../../platform/documents/format.js';
import { documentIssuer } from '../../../platform/documents/issuer.js';
import { formatDocumentNumber, takeNextNumber } from '../../../platform/documents/numbering.js';
import { renderDocument } from '../../../platform/documents/render.js';
import { findTemplate, type DocumentTemplate } from '../../../platform/documents/template.js';
import { assertTemplateData } from '../../../platform/documents/validate.js';
import { newVerificationCode, verificationUrl } from '../../../platform/documents/verification.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { documentEvents } from '../events.js';

export interface DocumentHolder {
  type: 'enterprise' | 'unit' | 'person';
  /** the enterprise's or unit's id; null for a person without an account */
  id?: string | null;
  name: string;
}

export interface IssueDocumentInput<S extends TObject> {
  template: DocumentTemplate<S>;
  holder: DocumentHolder;
  /** the entity the document is about (e.g. a white-list entry) */
  subject?: { type: string; id: string } | null;
  data: Static<S>;
  /** first instant the document is no longer valid; null for documents that do not expire */
  validUntil?: Date | null;
  /** who may read it besides jurisdiction-wide roles: the enterprise (an enterprise holder by default) … */
  enterpriseId?: string | null;
  /** … and the subdistrict's officers … */
  subdistrictId?: string | null;
  /** … and the users of the agency whose work it reports */
  agencyId?: string | null;
  /** the issuing jurisdiction; the actor's by default */
  jurisdictionId?: string;
  /** the issue time printed on the document; now by default */
  issuedAt?: Date;
}

export interface IssuedDocument {
  id: string;
  number: string;
  year: number;
  sequence: number;
  verificationCode: string;
  verifyUrl: string;
  pdfSha256: string;
  pdfSize: number;
  /** the PDF as issued, for callers that send it on (a notification, an e-mail) */
  pdf: Buffer;
}

/**
 * Issue an official document inside the caller's transaction: take the next number of its kind and year, render
 * the PDF from a JSON snapshot of the data, append `document.issued` and store the row. If the caller's
 * transaction rolls back, the number goes back too. `actor` null is the system (a sweep).
 */
export async function issueDocument<S extends TObject>(
  tx: Db,
  actor: Actor | null,
  input: IssueDocumentInput<S>,
  internal: { supersedesId?: string } = {},
): Promise<IssuedDocument> {
  const { template } = input;
  if (findTemplate(template.kind, template.version) !== (template as unknown as DocumentTemplate)) {
    throw new Error(`document template ${template.kind} v${template.version} is not registered`);
  }
  const jurisdictionId = input.jurisdictionId ?? actor?.jurisdictionId;
  if (!jurisdictionId) throw new Error('issueDocument needs a jurisdiction');
  // what is rendered is exactly what the database will give back
  const data = JSON.parse(JSON.stringify(input.data)) as unknown;
  assertTemplateData(template, data);

  const issuer = await documentIssuer(tx, jurisdictionId);
  const pattern = await getSetting(tx, jurisdictionId, template.numberPatternKey);
  if (typeof pattern !== 'string') throw new Error(`${template.numberPatternKey} is not a number pattern`);
  const issuedAt = input.issuedAt ?? new Date();
  const year = chinaYear(issuedAt);
  const verificationCode = newVerificationCode();
  const verifyUrl = verificationUrl(loadConfig().publicBaseUrl, verificationCode);

  // from here the counter row is locked until commit: keep the rest short
  const sequence = await takeNextNumber(tx, jurisdictionId, template.kind, year);
  const number = formatDocumentNumber(pattern, { short: issuer.shortName, year, n: sequence });
  const pdf = await renderDocument(template, data, {
    number,
    issuedAt,
    issuerName: issuer.issuerName,
    verificationCode,
    verifyUrl,
    preview: false,
  });

  const id = randomUUID();
  const holderId = input.holder.id ?? null;
  const enterpriseId =
    input.enterpriseId !== undefined
      ? input.enterpriseId
      : input.holder.type === 'enterprise'
        ? holderId
        : null;
  const event = await appendEvent(tx, {
    kind: documentEvents.issued,
    jurisdictionId,
    actor: eventActor(actor),
    entityType: 'document',
    entityId: id,
    at: issuedAt,
    after: {
      kind: template.kind,
      number,
      holderType: input.holder.type,
      holderId,
      holderName: input.holder.name,
      subjectType: input.subject?.type ?? null,
      subjectId: input.subject?.id ?? null,
      templateVersion: template.version,
      pdfSha256: pdf.sha256,
      validUntil: input.validUntil ? input.validUntil.toISOString() : null,
      supersedesId: internal.supersedesId ?? null,
    },
  });
  await tx.insert(documents).values({
    id,
    jurisdictionId,
    kind: template.kind,
    number,
    year,
    sequence,
    holderType: input.holder.type,
    holderId,
    holderName: input.holder.name,
    enterpriseId,
    subdistrictId: input.subdistrictId ?? null,
    agencyId: input.agencyId ?? null,
    subjectType: input.subject?.type ?? null,
    subjectId: input.subject?.id ?? null,
    data,
    templateVersion: template.version,
    issuerName: issuer.issuerName,
    verificationCode,
    verifyUrl,
    pdfSha256: pdf.sha256,
    pdfSize: pdf.bytes.length,
    status: 'valid',
    validUntil: input.validUntil ?? null,
    supersedesId: internal.supersedesId ?? null,
    issuedBy: actor?.userId ?? null,
    issuedAt,
    issuingEventId: event.id,
  });
  return {
    id,
    number,
    year,
    sequence,
    verificationCode,
    verifyUrl,
    pdfSha256: pdf.sha256,
    pdfSize: pdf.bytes.length,
    pdf: pdf.bytes,
  };
}
