import { and, eq } from 'drizzle-orm';
import { nextStatus } from '../../../../domain/transitions.js';
import { violationTransitions } from '../../../../domain/enforcement.js';
import { violations } from '../../../db/schema/enforcement.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { authorize } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { enforcementEvents } from '../events.js';
import { violationPolicy } from '../policy.js';
import { violationScope } from '../queries.js';

/** The inspecting department confirms that a violation was rectified (复查合格). */
export async function rectifyViolation(db: Db, actor: Actor, id: string, note: string, now = new Date()) {
  await inTransaction(db, async (tx) => {
    const [v] = await tx
      .select()
      .from(violations)
      .where(and(eq(violations.id, id), violationScope(actor)))
      .for('update');
    if (!v) throw new AppError('VIOLATION_NOT_FOUND');
    const to = nextStatus(violationTransitions, v.status, 'rectify');
    if (!to) throw new AppError('VIOLATION_TRANSITION');
    authorize(violationPolicy, actor, 'rectify', v);
    const moved = await tx
      .update(violations)
      .set({ status: to, rectifiedAt: now })
      .where(and(eq(violations.id, id), eq(violations.status, v.status)))
      .returning({ id: violations.id });
    if (moved.length === 0) throw new AppError('VIOLATION_TRANSITION');
    await appendEvent(tx, {
      kind: enforcementEvents.violationRectified,
      jurisdictionId: v.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'violation',
      entityId: id,
      at: now,
      after: { enterpriseId: v.enterpriseId, note: note.trim() },
    });
  });
}
