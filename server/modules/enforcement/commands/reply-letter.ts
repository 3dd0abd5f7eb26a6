import { and, eq } from 'drizzle-orm';
import { letterTransitions } from '../../../../domain/enforcement.js';
import { nextStatus } from '../../../../domain/transitions.js';
import { adviceLetters } from '../../../db/schema/enforcement.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { authorize } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { adviceEvents } from '../events.js';
import { letterPolicy } from '../policy.js';
import { letterScope } from '../queries.js';

/**
 * The enterprise answers a letter in writing: what it checked and fixed. A reply after the deadline is accepted and
 * flagged late (the letter had already made it a focus enterprise).
 */
export async function replyLetter(db: Db, actor: Actor, id: string, reply: string, now = new Date()) {
  await inTransaction(db, async (tx) => {
    const [letter] = await tx
      .select()
      .from(adviceLetters)
      .where(and(eq(adviceLetters.id, id), letterScope(actor)))
      .for('update');
    if (!letter) throw new AppError('ADVICE_LETTER_NOT_FOUND');
    const to = nextStatus(letterTransitions, letter.status, 'reply');
    if (!to) throw new AppError('ADVICE_LETTER_TRANSITION');
    authorize(letterPolicy, actor, 'reply', letter);
    const late = letter.status === 'overdue';
    const moved = await tx
      .update(adviceLetters)
      .set({ status: to, reply: reply.trim(), repliedLate: late, repliedBy: actor.userId, repliedAt: now })
      .where(and(eq(adviceLetters.id, id), eq(adviceLetters.status, letter.status)))
      .returning({ id: adviceLetters.id });
    if (moved.length === 0) throw new AppError('ADVICE_LETTER_TRANSITION');
    await appendEvent(tx, {
      kind: adviceEvents.letterReplied,
      jurisdictionId: letter.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'advice_letter',
      entityId: id,
      at: now,
      after: { enterpriseId: letter.enterpriseId, number: letter.number, late },
    });
  });
}
