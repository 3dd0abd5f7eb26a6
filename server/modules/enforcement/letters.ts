import { adviceLetters, type AdviceItem } from '../../db/schema/enforcement.js';
import type { Db } from '../../platform/db/client.js';
import { issueDocumentBatch } from '../documents/commands/issue-document-batch.js';
import { notifyMany } from '../notifications/index.js';
import { adviceLetterTemplate } from './templates/advice-letter.js';

export interface LetterRecipient {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  subdistrictId: string;
  violationId?: string | null;
}

export interface LetterContent {
  jurisdictionId: string;
  departmentId: string;
  departmentName: string;
  violationType: { id: string; name: string; legalBasis: string };
  reason: string;
  items: AdviceItem[];
  replyBy: string;
  campaignId: string | null;
}

/**
 * Issue one numbered advice letter (合规建议书) per recipient in the caller's transaction: the documents (numbers
 * taken as one consecutive range), the letter rows and a notification to each enterprise. The caller appends the
 * audit event that says why (a campaign chunk, or an inspection).
 */
export async function issueLetters(
  tx: Db,
  content: LetterContent,
  recipients: readonly LetterRecipient[],
  now: Date,
) {
  const docs = await issueDocumentBatch(tx, null, {
    template: adviceLetterTemplate,
    jurisdictionId: content.jurisdictionId,
    subjectType: 'advice_letter',
    issuedAt: now,
    items: recipients.map((r) => ({
      holder: { type: 'enterprise' as const, id: r.enterpriseId, name: r.enterpriseName },
      subdistrictId: r.subdistrictId,
      data: {
        enterpriseName: r.enterpriseName,
        uscc: r.uscc,
        departmentName: content.departmentName,
        violationTypeName: content.violationType.name,
        legalBasis: content.violationType.legalBasis,
        reason: content.reason,
        items: content.items.map((i) => ({ text: i.text })),
        replyBy: content.replyBy,
      },
    })),
  });
  const letters = await tx
    .insert(adviceLetters)
    .values(
      recipients.map((r, i) => ({
        jurisdictionId: content.jurisdictionId,
        campaignId: content.campaignId,
        violationId: r.violationId ?? null,
        departmentId: content.departmentId,
        violationTypeId: content.violationType.id,
        enterpriseId: r.enterpriseId,
        enterpriseName: r.enterpriseName,
        subdistrictId: r.subdistrictId,
        documentId: docs[i].id,
        number: docs[i].number,
        reason: content.reason,
        items: content.items,
        replyBy: content.replyBy,
        sentAt: now,
      })),
    )
    .returning({
      id: adviceLetters.id,
      enterpriseId: adviceLetters.enterpriseId,
      number: adviceLetters.number,
    });
  await notifyMany(
    tx,
    letters.map((l) => ({
      jurisdictionId: content.jurisdictionId,
      unitKind: 'enterprise' as const,
      unitId: l.enterpriseId,
      kind: 'advice.letter_received',
      title: `收到安全生产合规建议书 ${l.number}`,
      body: `${content.reason}。请对照建议书所列事项开展自查自改，并于 ${content.replyBy} 前在平台书面回复。`,
      link: `/advice/letters/${l.id}`,
      entityType: 'advice_letter',
      entityId: l.id,
      at: now,
    })),
  );
  return letters;
}
