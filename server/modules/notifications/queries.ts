import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { notificationReads, notifications } from '../../db/schema/notifications.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/client.js';

/**
 * The units whose notifications an actor reads: the units of their role bindings (an enterprise user's
 * enterprise, an officer's subdistrict or department, a system administrator's jurisdiction). An expert's
 * binding to the jurisdiction is left out: experts belong to no unit, and what is addressed to the
 * jurisdiction is meant for its administrators.
 */
export function addressedUnitIds(actor: Actor): string[] {
  return [...new Set(actor.bindings.filter((b) => b.role !== 'expert').map((b) => b.unitId))];
}

/** The one scope of notifications: the actor's jurisdiction and units. `undefined` when they have no unit. */
export function notificationScope(actor: Actor): SQL | undefined {
  const unitIds = addressedUnitIds(actor);
  if (unitIds.length === 0) return undefined;
  return and(eq(notifications.jurisdictionId, actor.jurisdictionId), inArray(notifications.unitId, unitIds));
}

export type NotificationRow = typeof notifications.$inferSelect;

const readBy = (userId: string) =>
  and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, userId));

export interface NotificationListQuery {
  unread?: boolean;
  page: number;
  pageSize: number;
}

export type NotificationWithRead = NotificationRow & { readAt: Date | null };

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const scope = notificationScope(actor);
  if (!scope) return 0;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .leftJoin(notificationReads, readBy(actor.userId))
    .where(and(scope, isNull(notificationReads.userId)));
  return Number(n);
}

/** Newest first, each with the actor's own read time. */
export async function listNotifications(db: Db, actor: Actor, query: NotificationListQuery) {
  const scope = notificationScope(actor);
  if (!scope) return { total: 0, unreadCount: 0, items: [] as NotificationWithRead[] };
  const where = query.unread ? and(scope, isNull(notificationReads.userId)) : scope;
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(notifications)
    .leftJoin(notificationReads, readBy(actor.userId))
    .where(where);
  const rows = await db
    .select({ n: notifications, readAt: notificationReads.readAt })
    .from(notifications)
    .leftJoin(notificationReads, readBy(actor.userId))
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total: Number(total),
    unreadCount: query.unread ? Number(total) : await unreadCount(db, actor),
    items: rows.map((r): NotificationWithRead => ({ ...r.n, readAt: r.readAt })),
  };
}

/** One notification, if it is addressed to the actor. */
export async function getNotification(
  db: Db,
  actor: Actor,
  id: string,
): Promise<NotificationRow | undefined> {
  const scope = notificationScope(actor);
  if (!scope) return undefined;
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), scope));
  return row;
}
