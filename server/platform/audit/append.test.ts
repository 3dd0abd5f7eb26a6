import { eq, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { auditHeads, events, settings } from '../../db/schema/index.js';
import { queryRows } from '../db/client.js';
import { inTransaction } from '../db/tx.js';
import { appendEvent, appendEvents } from './append.js';
import { defineEventKind, platformEvents } from './event-kinds.js';
import { verifyChain } from './verify.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const system = { userId: null, label: 'system' };
const probeKind = defineEventKind('test.audit_probe', Type.Object({ n: Type.Integer() }));

async function head() {
  const [row] = await ctx.db
    .select()
    .from(auditHeads)
    .where(eq(auditHeads.jurisdictionId, ctx.jurisdictionId));
  return row;
}
async function eventCount(): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from events where jurisdiction_id = ${ctx.jurisdictionId}`,
  );
  return n;
}

describe('appendEvent', () => {
  it('links each event to the previous one and moves the head', async () => {
    const before = await head();
    const first = await inTransaction(ctx.db, (tx) =>
      appendEvent(tx, {
        kind: probeKind,
        jurisdictionId: ctx.jurisdictionId,
        actor: system,
        entityType: 'probe',
        entityId: 'p1',
        after: { n: 1 },
      }),
    );
    const second = await inTransaction(ctx.db, (tx) =>
      appendEvent(tx, {
        kind: probeKind,
        jurisdictionId: ctx.jurisdictionId,
        actor: system,
        entityType: 'probe',
        entityId: 'p1',
        after: { n: 2 },
      }),
    );
    expect([first.seq, second.seq]).toEqual([before.seq + 1, before.seq + 2]);
    const [a] = await ctx.db.select().from(events).where(eq(events.id, first.id));
    const [b] = await ctx.db.select().from(events).where(eq(events.id, second.id));
    expect(a.prevHash).toBe(before.hash);
    expect(b.prevHash).toBe(a.hash);
    expect(await head()).toMatchObject({ seq: second.seq, hash: b.hash });
    expect((await verifyChain(ctx.db, ctx.jurisdictionId)).ok).toBe(true);
  });

  it('is written in the same transaction as the change: a failing command leaves neither', async () => {
    const before = await head();
    const count = await eventCount();
    await expect(
      inTransaction(ctx.db, async (tx) => {
        await tx
          .insert(settings)
          .values({ jurisdictionId: ctx.jurisdictionId, key: 'auth.lockoutMinutes', value: 99 });
        await appendEvent(tx, {
          kind: platformEvents.settingChanged,
          jurisdictionId: ctx.jurisdictionId,
          actor: system,
          entityType: 'setting',
          entityId: 'auth.lockoutMinutes',
          after: { key: 'auth.lockoutMinutes', value: 99 },
        });
        throw new Error('the command fails after writing its event');
      }),
    ).rejects.toThrow('the command fails');
    expect(await ctx.db.select().from(settings).where(eq(settings.key, 'auth.lockoutMinutes'))).toEqual([]);
    expect(await eventCount()).toBe(count);
    expect(await head()).toEqual(before);
    expect((await verifyChain(ctx.db, ctx.jurisdictionId)).ok).toBe(true);
  });

  it('refuses an unknown kind and a payload that does not match its kind’s schema', async () => {
    const count = await eventCount();
    const base = { jurisdictionId: ctx.jurisdictionId, actor: system, entityType: 'probe', entityId: 'p2' };
    await expect(
      inTransaction(ctx.db, (tx) => appendEvent(tx, { ...base, kind: { kind: 'no.such_kind' }, after: {} })),
    ).rejects.toThrow(/unknown event kind/);
    await expect(
      inTransaction(ctx.db, (tx) =>
        appendEvent(tx, { ...base, kind: probeKind, after: { n: 'one' } as never }),
      ),
    ).rejects.toThrow(/does not match/);
    expect(await eventCount()).toBe(count);
  });

  it('appends a batch in order under one head lock', async () => {
    const before = await head();
    const appended = await inTransaction(ctx.db, (tx) =>
      appendEvents(
        tx,
        [1, 2, 3].map((n) => ({
          kind: probeKind,
          jurisdictionId: ctx.jurisdictionId,
          actor: system,
          entityType: 'probe',
          entityId: `batch-${n}`,
          after: { n },
        })),
      ),
    );
    expect(appended.map((e) => e.seq)).toEqual([before.seq + 1, before.seq + 2, before.seq + 3]);
    expect((await verifyChain(ctx.db, ctx.jurisdictionId)).ok).toBe(true);
  });

  it('keeps one gap-free chain under 20 concurrent appending transactions', async () => {
    const before = await head();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        inTransaction(ctx.db, async (tx) => {
          // some work of the command before its event, so transactions overlap on PostgreSQL
          await tx.execute(sql`select 1`);
          return appendEvent(tx, {
            kind: probeKind,
            jurisdictionId: ctx.jurisdictionId,
            actor: system,
            entityType: 'probe',
            entityId: `concurrent-${n}`,
            after: { n },
          });
        }),
      ),
    );
    const seqs = results.map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => before.seq + 1 + i));
    const report = await verifyChain(ctx.db, ctx.jurisdictionId);
    expect(report).toMatchObject({ ok: true, headSeq: before.seq + 20 });
    expect(await head()).toMatchObject({ seq: before.seq + 20, hash: report.headHash });
  });
});
