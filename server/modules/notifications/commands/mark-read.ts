import { and, eq, notExists, sql } from 'drizzle-orm';
import { notificationReads, notifications } from '../../../db/schema/notifications.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getNotification, notificationScope } from '../queries.js';

/**
 * Marks one notification read for the actor (idempotent: the first read time stays). A notification that is
 * not addressed to one of the actor's units is NOT_FOUND, whether it exists or not. Not audited.
 */
export async function markRead(tx: Db, actor: Actor, id: string, now = new Date()): Promise<void> {
  if (!(await getNotification(tx, actor, id))) throw new AppError('NOT_FOUND');
  await tx
    .insert(notificationReads)
    .values({ notificationId: id, userId: actor.userId, readAt: now })
    .onConflictDoNothing();
}

/** Marks every notification addressed to the actor read for them, in one statement; answers how many. */
export async function markAllRead(tx: Db, actor: Actor, now = new Date()): Promise<number> {
  const scope = notificationScope(actor);
  if (!scope) return 0;
  const unread = tx
    .select({
      notificationId: notifications.id,
      userId: sql<string>`${actor.userId}::uuid`.as('user_id'),
      readAt: sql<Date>`${now.toISOString()}::timestamptz`.as('read_at'),
    })
    .from(notifications)
    .where(
      and(
        scope,
        notExists(
          tx
            .select({ one: sql`1` })
            .from(notificationReads)
            .where(
              and(
                eq(notificationReads.notificationId, notifications.id),
                eq(notificationReads.userId, actor.userId),
              ),
            ),
        ),
      ),
    );
  const inserted = await tx
    .insert(notificationReads)
    .select(unread)
    .onConflictDoNothing()
    .returning({ id: notificationReads.notificationId });
  return inserted.length;
}
