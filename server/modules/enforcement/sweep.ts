import { and, asc, eq, lt } from 'drizzle-orm';
import { letterTransitions } from '../../../domain/enforcement.js';
import { chinaDate } from '../../../domain/readiness.js';
import { nextStatus } from '../../../domain/transitions.js';
import { adviceCampaigns, adviceLetters } from '../../db/schema/enforcement.js';
import { appendEvent } from '../../platform/audit/append.js';
import type { Db } from '../../platform/db/client.js';
import { inTransaction } from '../../platform/db/tx.js';
import { closeCampaign } from './commands/campaigns.js';
import { adviceEvents } from './events.js';

export const ADVICE_SWEEP = 'advice.sweep';
export const adviceSweepEveryMs = 3600_000;

const system = { userId: null, label: '系统（合规建议书期限）' };
const chunk = 500;

/**
 * Hourly: letters past their reply deadline without a reply become `overdue` (one event each: the enterprise
 * becomes a focus enterprise, and a listed one gets an exit proposal), in chunks of one transaction each; then
 * campaigns whose deadline has passed are closed.
 */
export async function sweepAdvice(db: Db, now = new Date()) {
  const today = chinaDate(now);
  let overdue = 0;
  for (;;) {
    const n = await inTransaction(db, async (tx) => {
      const late = await tx
        .select()
        .from(adviceLetters)
        .where(and(eq(adviceLetters.status, 'sent'), lt(adviceLetters.replyBy, today)))
        .orderBy(asc(adviceLetters.replyBy))
        .limit(chunk)
        .for('update', { skipLocked: true });
      for (const letter of late) {
        await tx
          .update(adviceLetters)
          .set({ status: nextStatus(letterTransitions, letter.status, 'expire'), overdueAt: now })
          .where(and(eq(adviceLetters.id, letter.id), eq(adviceLetters.status, 'sent')));
        await appendEvent(tx, {
          kind: adviceEvents.letterOverdue,
          jurisdictionId: letter.jurisdictionId,
          actor: system,
          entityType: 'advice_letter',
          entityId: letter.id,
          at: now,
          after: { enterpriseId: letter.enterpriseId, number: letter.number, replyBy: letter.replyBy },
        });
      }
      return late.length;
    });
    overdue += n;
    if (n < chunk) break;
  }
  const ended = await db
    .select({ id: adviceCampaigns.id })
    .from(adviceCampaigns)
    .where(and(eq(adviceCampaigns.status, 'sent'), lt(adviceCampaigns.replyBy, today)));
  for (const c of ended) await closeCampaign(db, null, c.id, now);
  return { overdue, closed: ended.length };
}
