import { and, eq } from 'drizzle-orm';
import type { TObject } from 'typebox';
import { nextStatus } from '../../../../domain/transitions.js';
import { documents } from '../../../db/schema/documents.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { documentTransitions } from '../../../platform/documents/status.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { documentEvents } from '../events.js';
import { issueDocument, type IssuedDocument, type IssueDocumentInput } from './issue-document.js';
import { refuseTransition } from '../transitions.js';

/** What a correction changes; holder, subject, scope and jurisdiction default to the superseded document's. */
export type SupersedeDocumentInput<S extends TObject> = Pick<IssueDocumentInput<S>, 'template' | 'data'> &
  Partial<Omit<IssueDocumentInput<S>, 'template' | 'data' | 'jurisdictionId'>>;

/**
 * Correct an issued document: issue a new one of the same kind (with a new number) that supersedes it, inside the
 * caller's transaction. The old row is locked first, so two corrections of one document cannot both win.
 */
export async function supersedeDocument<S extends TObject>(
  tx: Db,
  actor: Actor | null,
  documentId: string,
  input: SupersedeDocumentInput<S>,
): Promise<IssuedDocument> {
  const [old] = await tx.select().from(documents).where(eq(documents.id, documentId)).for('update');
  if (!old) throw new AppError('DOCUMENT_NOT_FOUND');
  const to = nextStatus(documentTransitions, old.status, 'supersede');
  if (!to) refuseTransition(old.status);
  if (input.template.kind !== old.kind) {
    throw new Error(`a ${old.kind} can only be superseded by a ${old.kind}, not a ${input.template.kind}`);
  }
  const issued = await issueDocument(
    tx,
    actor,
    {
      holder: { type: old.holderType, id: old.holderId, name: old.holderName },
      subject: old.subjectType && old.subjectId ? { type: old.subjectType, id: old.subjectId } : null,
      enterpriseId: old.enterpriseId,
      subdistrictId: old.subdistrictId,
      validUntil: old.validUntil,
      ...input,
      jurisdictionId: old.jurisdictionId,
    },
    { supersedesId: old.id },
  );
  const updated = await tx
    .update(documents)
    .set({ status: to, supersededById: issued.id })
    .where(and(eq(documents.id, old.id), eq(documents.status, old.status)))
    .returning({ id: documents.id });
  if (updated.length === 0) throw new AppError('CONFLICT_STATE');
  await appendEvent(tx, {
    kind: documentEvents.superseded,
    jurisdictionId: old.jurisdictionId,
    actor: eventActor(actor),
    entityType: 'document',
    entityId: old.id,
    after: { number: old.number, supersededById: issued.id, newNumber: issued.number },
  });
  return issued;
}
