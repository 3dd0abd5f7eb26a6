import { and, eq } from 'drizzle-orm';
import { nextStatus } from '../../../../domain/transitions.js';
import { documents } from '../../../db/schema/documents.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { documentTransitions } from '../../../platform/documents/status.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { documentEvents } from '../events.js';
import { refuseTransition } from '../transitions.js';

/**
 * Revoke a valid document inside the caller's transaction (a white-list exit revokes the plaque in the exit's
 * transaction). The verification page says 已撤销 from then on. The caller has authorized the actor.
 */
export async function revokeDocument(
  tx: Db,
  actor: Actor | null,
  documentId: string,
  reason: string,
): Promise<void> {
  const [doc] = await tx.select().from(documents).where(eq(documents.id, documentId)).for('update');
  if (!doc) throw new AppError('DOCUMENT_NOT_FOUND');
  const to = nextStatus(documentTransitions, doc.status, 'revoke');
  if (!to) refuseTransition(doc.status);
  const at = new Date();
  const updated = await tx
    .update(documents)
    .set({ status: to, revokedAt: at, revokedReason: reason })
    .where(and(eq(documents.id, doc.id), eq(documents.status, doc.status)))
    .returning({ id: documents.id });
  if (updated.length === 0) throw new AppError('CONFLICT_STATE');
  await appendEvent(tx, {
    kind: documentEvents.revoked,
    jurisdictionId: doc.jurisdictionId,
    actor: eventActor(actor),
    entityType: 'document',
    entityId: doc.id,
    at,
    after: { number: doc.number, reason },
  });
}
