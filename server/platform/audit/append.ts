import { createHash, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { Value } from 'typebox/value';
import { canonicalJson } from '../../../domain/canonical-json.js';
import { auditHeads, events } from '../../db/schema/index.js';
import type { Db } from '../db/client.js';
import { eventSchema, type EventKind } from './event-kinds.js';
import { runListeners } from './listeners.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface EventActor {
  userId: string | null;
  label: string;
}

export interface EventInput<T> {
  kind: EventKind<T>;
  jurisdictionId: string;
  actor: EventActor;
  entityType: string;
  entityId: string;
  before?: unknown;
  after: T;
  /** defaults to now; passed explicitly in tests of deadlines */
  at?: Date;
}

export interface HashedContent {
  id: string;
  jurisdictionId: string;
  seq: number;
  kind: string;
  actorUserId: string | null;
  actorLabel: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: Date;
  prevHash: string;
}

export function hashEvent(content: HashedContent): string {
  return createHash('sha256')
    .update(canonicalJson({ ...content, at: content.at.toISOString() }))
    .digest('hex');
}

/**
 * Append an event to the jurisdiction's chain. Must run inside the transaction of the change it records:
 * the row lock on the chain head orders concurrent appends, so the chain never forks.
 */
export async function appendEvent<T>(tx: Db, input: EventInput<T>): Promise<{ id: string; seq: number }> {
  const [appended] = await appendEvents(tx, [input]);
  return appended;
}

/**
 * Append several events of one jurisdiction in order, locking the chain head once (bulk imports).
 * Same guarantees as `appendEvent`.
 */
export async function appendEvents(tx: Db, inputs: EventInput<unknown>[]): Promise<{ id: string; seq: number }[]> {
  if (inputs.length === 0) return [];
  const jurisdictionId = inputs[0].jurisdictionId;
  for (const input of inputs) {
    if (input.jurisdictionId !== jurisdictionId) throw new Error('appendEvents takes events of one jurisdiction');
    const schema = eventSchema(input.kind.kind);
    if (!schema) throw new Error(`unknown event kind ${input.kind.kind}`);
    if (!Value.Check(schema, input.after)) {
      throw new Error(`event ${input.kind.kind} payload does not match its schema`);
    }
  }
  await tx.insert(auditHeads).values({ jurisdictionId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.jurisdictionId, jurisdictionId)).for('update');
  let seq = head.seq;
  let prevHash = head.hash;
  const rows: (HashedContent & { hash: string })[] = [];
  const now = new Date();
  for (const input of inputs) {
    seq += 1;
    const content: HashedContent = {
      id: randomUUID(),
      jurisdictionId,
      seq,
      kind: input.kind.kind,
      actorUserId: input.actor.userId,
      actorLabel: input.actor.label,
      entityType: input.entityType,
      entityId: input.entityId,
      before: jsonClone(input.before ?? null),
      after: jsonClone(input.after ?? null),
      at: input.at ?? now,
      prevHash,
    };
    prevHash = hashEvent(content);
    rows.push({ ...content, hash: prevHash });
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(events).values(rows.slice(i, i + 500));
  await tx
    .update(auditHeads)
    .set({ seq, hash: prevHash })
    .where(sql`${auditHeads.jurisdictionId} = ${jurisdictionId} and ${auditHeads.seq} = ${head.seq}`);
  await runListeners(
    tx,
    rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      jurisdictionId: r.jurisdictionId,
      actor: { userId: r.actorUserId, label: r.actorLabel },
      entityType: r.entityType,
      entityId: r.entityId,
      after: r.after,
      at: r.at,
    })),
  );
  return rows.map((r) => ({ id: r.id, seq: r.seq }));
}

/** What the database stores is JSON: hash what will be read back, not a richer JS value. */
function jsonClone(value: unknown): unknown {
  return value === null ? null : JSON.parse(JSON.stringify(value));
}
