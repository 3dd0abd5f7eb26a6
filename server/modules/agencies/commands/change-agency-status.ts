import { and, eq } from 'drizzle-orm';
import { agencyTransitions, type AgencyAction } from '../../../../domain/agencies.js';
import { nextStatus } from '../../../../domain/transitions.js';
import { agencies } from '../../../db/schema/agencies.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { authorize } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { agencyEvents } from '../events.js';
import { agencyPolicy } from '../policy.js';
import { endOpenEngagementsOf } from './engagements.js';

/**
 * Suspend, reinstate or blacklist an agency (bureau administrators), with a reason. The move is looked up in
 * the transition table and persisted with a conditional UPDATE on the status it was read in.
 */
export async function changeAgencyStatus(
  db: Db,
  actor: Actor,
  id: string,
  action: AgencyAction,
  reason: string | undefined,
): Promise<void> {
  const [current] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!current || !agencyPolicy.read(actor, current)) throw new AppError('AGENCY_NOT_FOUND');
  const to = nextStatus(agencyTransitions, current.status, action);
  if (!to) throw new AppError('AGENCY_TRANSITION_NOT_ALLOWED');
  authorize(agencyPolicy, actor, action, current);
  await inTransaction(db, async (tx) => {
    const [moved] = await tx
      .update(agencies)
      .set({ status: to, updatedAt: new Date() })
      .where(and(eq(agencies.id, id), eq(agencies.status, current.status)))
      .returning({ id: agencies.id });
    if (!moved) throw new AppError('CONFLICT_STATE');
    const why = reason?.trim();
    await appendEvent(tx, {
      kind: agencyEvents.agencyStatusChanged,
      jurisdictionId: current.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'agency',
      entityId: id,
      before: { status: current.status },
      after: { status: to, action, ...(why ? { reason: why } : {}) },
    });
    if (to === 'blacklisted')
      await endOpenEngagementsOf(tx, actor, id, why ? `机构列入黑名单：${why}` : '机构列入黑名单');
  });
}
