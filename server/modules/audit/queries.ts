import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { events } from '../../db/schema/platform.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';

export interface EventQuery {
  actorUserId?: string;
  kind?: string;
  entityType?: string;
  entityId?: string;
  enterpriseId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The operation log: the jurisdiction's events, newest first, filtered. */
export async function listEvents(db: Db, actor: Actor, q: EventQuery) {
  const conditions: (SQL | undefined)[] = [
    scopeWhere(actor, { jurisdiction: events.jurisdictionId }),
    q.actorUserId ? eq(events.actorUserId, q.actorUserId) : undefined,
    q.kind ? eq(events.kind, q.kind) : undefined,
    q.entityType ? eq(events.entityType, q.entityType) : undefined,
    q.entityId ? eq(events.entityId, q.entityId) : undefined,
    q.enterpriseId
      ? sql`((${events.entityType} = 'enterprise' and ${events.entityId} = ${q.enterpriseId}) or ${events.after}->>'enterpriseId' = ${q.enterpriseId})`
      : undefined,
    q.from ? gte(events.at, new Date(q.from)) : undefined,
    q.to ? lte(events.at, new Date(q.to)) : undefined,
  ];
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(events)
    .where(where);
  const rows = await db
    .select()
    .from(events)
    .where(where)
    .orderBy(desc(events.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: r.kind,
      actorUserId: r.actorUserId,
      actorLabel: r.actorLabel,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      at: r.at.toISOString(),
      hash: r.hash,
    })),
  };
}
