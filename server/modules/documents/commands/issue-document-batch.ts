import { createHash, randomUUID } from 'node:crypto';
import type { Static, TObject } from 'typebox';
import { canonicalJson } from '../../../../domain/canonical-json.js';
import { documents } from '../../../db/schema/documents.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import { loadConfig } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import { chinaYear } from '../../../platform/documents/format.js';
import { documentIssuer } from '../../../platform/documents/issuer.js';
import { formatDocumentNumber, takeNumbers } from '../../../platform/documents/numbering.js';
import { findTemplate, type DocumentTemplate } from '../../../platform/documents/template.js';
import { assertTemplateData } from '../../../platform/documents/validate.js';
import { newVerificationCode, verificationUrl } from '../../../platform/documents/verification.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { documentEvents } from '../events.js';
import type { DocumentHolder } from './issue-document.js';

export interface BatchDocumentInput<S extends TObject> {
  holder: DocumentHolder;
  subjectId?: string | null;
  data: Static<S>;
  enterpriseId?: string | null;
  subdistrictId?: string | null;
}

export interface BatchIssueInput<S extends TObject> {
  template: DocumentTemplate<S>;
  jurisdictionId: string;
  /** every document of the batch is about an entity of this type (`subjectId` per document) */
  subjectType?: string | null;
  items: readonly BatchDocumentInput<S>[];
  issuedAt?: Date;
  validUntil?: Date | null;
}

export interface BatchIssuedDocument {
  id: string;
  number: string;
  sequence: number;
  verificationCode: string;
}

/**
 * Issue many documents of one kind in the caller's transaction (an advice campaign's chunk): consecutive numbers
 * taken at once, one row each, and one `document.batch_issued` event listing them with the hash of each data
 * snapshot. No PDF is rendered here — it is rendered from the snapshot when someone reads it — so a batch of
 * hundreds costs milliseconds. A rollback gives every number back.
 */
export async function issueDocumentBatch<S extends TObject>(
  tx: Db,
  actor: Actor | null,
  input: BatchIssueInput<S>,
): Promise<BatchIssuedDocument[]> {
  const { template, jurisdictionId, items } = input;
  if (items.length === 0) return [];
  if (findTemplate(template.kind, template.version) !== (template as unknown as DocumentTemplate)) {
    throw new Error(`document template ${template.kind} v${template.version} is not registered`);
  }
  const snapshots = items.map((item) => {
    const data = JSON.parse(JSON.stringify(item.data)) as unknown;
    assertTemplateData(template, data);
    return data;
  });
  const issuer = await documentIssuer(tx, jurisdictionId);
  const pattern = await getSetting(tx, jurisdictionId, template.numberPatternKey);
  if (typeof pattern !== 'string') throw new Error(`${template.numberPatternKey} is not a number pattern`);
  const issuedAt = input.issuedAt ?? new Date();
  const year = chinaYear(issuedAt);
  const baseUrl = loadConfig().publicBaseUrl;

  const first = await takeNumbers(tx, jurisdictionId, template.kind, year, items.length);
  const rows = items.map((item, i) => {
    const sequence = first + i;
    const verificationCode = newVerificationCode();
    const holderId = item.holder.id ?? null;
    return {
      id: randomUUID(),
      jurisdictionId,
      kind: template.kind,
      number: formatDocumentNumber(pattern, { short: issuer.shortName, year, n: sequence }),
      year,
      sequence,
      holderType: item.holder.type,
      holderId,
      holderName: item.holder.name,
      enterpriseId:
        item.enterpriseId !== undefined
          ? item.enterpriseId
          : item.holder.type === 'enterprise'
            ? holderId
            : null,
      subdistrictId: item.subdistrictId ?? null,
      agencyId: null,
      subjectType: input.subjectType ?? null,
      subjectId: item.subjectId ?? null,
      data: snapshots[i],
      templateVersion: template.version,
      issuerName: issuer.issuerName,
      verificationCode,
      verifyUrl: verificationUrl(baseUrl, verificationCode),
      pdfSha256: null,
      pdfSize: null,
      status: 'valid' as const,
      validUntil: input.validUntil ?? null,
      supersedesId: null,
      issuedBy: actor?.userId ?? null,
      issuedAt,
    };
  });
  const event = await appendEvent(tx, {
    kind: documentEvents.batchIssued,
    jurisdictionId,
    actor: eventActor(actor),
    entityType: 'document',
    entityId: rows[0].id,
    at: issuedAt,
    after: {
      kind: template.kind,
      templateVersion: template.version,
      subjectType: input.subjectType ?? null,
      count: rows.length,
      first: rows[0].number,
      last: rows[rows.length - 1].number,
      documents: rows.map((r) => ({
        id: r.id,
        number: r.number,
        holderId: r.holderId,
        subjectId: r.subjectId,
        dataSha256: createHash('sha256').update(canonicalJson(r.data)).digest('hex'),
      })),
    },
  });
  await tx.insert(documents).values(rows.map((r) => ({ ...r, issuingEventId: event.id })));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    sequence: r.sequence,
    verificationCode: r.verificationCode,
  }));
}
