import { eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { jobs, settings } from '../../db/schema/index.js';
import { queryRows } from '../db/client.js';
import { inTransaction } from '../db/tx.js';
import { enqueue } from './queue.js';
import { backoffMs, JobRunner, type JobContext } from './worker.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const t0 = new Date('2030-01-01T00:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

async function jobRow(id: string) {
  const [row] = await ctx.db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

describe('enqueue (outbox)', () => {
  it('a job enqueued in a transaction that rolls back does not exist', async () => {
    const kind = 'test.outbox_rollback';
    await expect(
      inTransaction(ctx.db, async (tx) => {
        await tx
          .insert(settings)
          .values({ jurisdictionId: ctx.jurisdictionId, key: 'auth.lockoutMinutes', value: 7 });
        await enqueue(tx, { kind, runAt: t0 });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await ctx.db.select().from(jobs).where(eq(jobs.kind, kind))).toEqual([]);
  });

  it('a job enqueued with its change commits with it and runs', async () => {
    const kind = 'test.outbox_commit';
    const seen: unknown[] = [];
    ctx.jobs.register(kind, async ({ job }) => {
      seen.push(job.payload);
      return { handled: true };
    });
    const id = await inTransaction(ctx.db, (tx) => enqueue(tx, { kind, payload: { letter: 42 }, runAt: t0 }));
    expect((await jobRow(id)).status).toBe('queued');
    expect(await ctx.jobs.drain(t0)).toBe(1);
    expect(seen).toEqual([{ letter: 42 }]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 1, result: { handled: true } });
  });

  it('waits until its runAt', async () => {
    const kind = 'test.scheduled';
    let runs = 0;
    ctx.jobs.register(kind, async () => {
      runs += 1;
    });
    const id = await enqueue(ctx.db, { kind, runAt: later(60_000) });
    expect(await ctx.jobs.drain(t0)).toBe(0);
    expect(await ctx.jobs.drain(later(60_000))).toBe(1);
    expect(runs).toBe(1);
    expect((await jobRow(id)).status).toBe('done');
  });

  it('enqueues a job with a dedupe key once while it is queued or running', async () => {
    const kind = 'test.dedupe';
    ctx.jobs.register(kind, async () => undefined);
    const a = await enqueue(ctx.db, { kind, dedupeKey: 'recompute:1', runAt: t0 });
    const b = await inTransaction(ctx.db, (tx) => enqueue(tx, { kind, dedupeKey: 'recompute:1', runAt: t0 }));
    const other = await enqueue(ctx.db, { kind, dedupeKey: 'recompute:2', runAt: t0 });
    expect(b).toBe(a);
    expect(other).not.toBe(a);
    const [{ n }] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from jobs where dedupe_key = 'recompute:1'`,
    );
    expect(n).toBe(1);
    await ctx.jobs.drain(t0);
    // once done, the key is free again
    const c = await enqueue(ctx.db, { kind, dedupeKey: 'recompute:1', runAt: t0 });
    expect(c).not.toBe(a);
    await ctx.jobs.drain(t0);
  });
});

describe('retries', () => {
  it('retries a failing job with exponential backoff, then marks it failed after maxAttempts', async () => {
    const kind = 'test.flaky_forever';
    const attempts: number[] = [];
    ctx.jobs.register(kind, async ({ job }) => {
      attempts.push(job.attempts);
      throw new Error(`attempt ${job.attempts} failed`);
    });
    const id = await enqueue(ctx.db, { kind, maxAttempts: 3, runAt: t0 });

    expect(await ctx.jobs.drain(t0)).toBe(1);
    let row = await jobRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'attempt 1 failed' });
    expect(row.runAt.getTime()).toBe(t0.getTime() + backoffMs(1));

    // not before the backoff has passed
    expect(await ctx.jobs.drain(later(backoffMs(1) - 1))).toBe(0);
    const second = later(backoffMs(1));
    expect(await ctx.jobs.drain(second)).toBe(1);
    row = await jobRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2 });
    expect(row.runAt.getTime()).toBe(second.getTime() + backoffMs(2));
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));

    expect(await ctx.jobs.drain(later(3_600_000))).toBe(1);
    row = await jobRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'attempt 3 failed' });
    expect(row.finishedAt).not.toBeNull();
    expect(attempts).toEqual([1, 2, 3]);
    // a failed job is never picked up again
    expect(await ctx.jobs.drain(later(86_400_000))).toBe(0);
  });

  it('succeeds on a later attempt', async () => {
    const kind = 'test.flaky_once';
    ctx.jobs.register(kind, async ({ job }) => {
      if (job.attempts === 1) throw new Error('transient');
      return { attempt: job.attempts };
    });
    const id = await enqueue(ctx.db, { kind, runAt: t0 });
    await ctx.jobs.drain(t0);
    await ctx.jobs.drain(later(backoffMs(1)));
    expect(await jobRow(id)).toMatchObject({
      status: 'done',
      attempts: 2,
      result: { attempt: 2 },
      lastError: null,
    });
  });

  it('caps the backoff at one hour', () => {
    expect(backoffMs(1)).toBe(2000);
    expect(backoffMs(30)).toBe(3_600_000);
  });

  it('picks up a job whose worker died mid-run once its lease has expired', async () => {
    const kind = 'test.orphaned';
    ctx.jobs.register(kind, async () => ({ recovered: true }));
    const id = await enqueue(ctx.db, { kind, runAt: t0 });
    await ctx.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedUntil: later(60_000) })
      .where(eq(jobs.id, id));
    expect(await ctx.jobs.drain(t0)).toBe(0);
    expect(await ctx.jobs.drain(later(60_001))).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2, result: { recovered: true } });
  });
});

describe('lease', () => {
  it('renews the lease of a running job while its handler works', async () => {
    const kind = 'test.heartbeat';
    const runner = new JobRunner(ctx.db, { leaseMs: 60_000, heartbeatMs: 10 });
    let renewed = false;
    runner.register(kind, async ({ job }) => {
      const claimed = (await jobRow(job.id)).lockedUntil!.getTime();
      // wait (bounded) until the heartbeat has moved the lease on
      for (let i = 0; i < 500 && !renewed; i += 1) {
        await new Promise((r) => setTimeout(r, 10));
        renewed = (await jobRow(job.id)).lockedUntil!.getTime() > claimed;
      }
      return {};
    });
    const id = await enqueue(ctx.db, { kind });
    expect(await runner.drain()).toBe(1);
    expect(renewed).toBe(true);
    expect(await jobRow(id)).toMatchObject({ status: 'done', lockedUntil: null });
  });
});

describe('retry budget', () => {
  it('takes the jurisdiction’s jobs.maxAttempts setting unless the caller sets one', async () => {
    await ctx.db
      .insert(settings)
      .values({ jurisdictionId: ctx.jurisdictionId, key: 'jobs.maxAttempts', value: 2 });
    const fromSetting = await enqueue(ctx.db, {
      kind: 'test.budget',
      jurisdictionId: ctx.jurisdictionId,
      runAt: t0,
    });
    const explicit = await enqueue(ctx.db, {
      kind: 'test.budget',
      jurisdictionId: ctx.jurisdictionId,
      runAt: t0,
      maxAttempts: 7,
    });
    const platformWide = await enqueue(ctx.db, { kind: 'test.budget', runAt: t0 });
    const rows = await ctx.db.select().from(jobs).where(eq(jobs.kind, 'test.budget'));
    const attemptsOf = (id: string) => rows.find((r) => r.id === id)?.maxAttempts;
    expect([attemptsOf(fromSetting), attemptsOf(explicit), attemptsOf(platformWide)]).toEqual([2, 7, 5]);
    await ctx.db.delete(jobs).where(eq(jobs.kind, 'test.budget'));
    await ctx.db.delete(settings).where(eq(settings.key, 'jobs.maxAttempts'));
  });
});

describe('sweeps', () => {
  it('a sweep re-schedules itself after each run, one at a time', async () => {
    const kind = 'test.sweep';
    const every = 15 * 60_000;
    const runs: Date[] = [];
    let now = t0;
    ctx.jobs.schedule(kind, every, async () => {
      runs.push(now);
    });
    await ctx.jobs.scheduleSweeps();
    await ctx.jobs.scheduleSweeps(); // a second process starting: still one queued sweep
    const queued = await ctx.db.select().from(jobs).where(eq(jobs.kind, kind));
    expect(queued.filter((j) => j.status === 'queued')).toHaveLength(1);
    await ctx.db.update(jobs).set({ runAt: t0 }).where(eq(jobs.kind, kind));
    // the modules' own sweeps (hazards …) are scheduled too: this test watches only its own
    await ctx.db.delete(jobs).where(ne(jobs.kind, kind));

    expect(await ctx.jobs.drain(now)).toBe(1);
    const next = (await ctx.db.select().from(jobs).where(eq(jobs.kind, kind))).filter(
      (j) => j.status === 'queued',
    );
    expect(next).toHaveLength(1);
    expect(next[0].runAt.getTime()).toBe(t0.getTime() + every);

    expect(await ctx.jobs.drain(later(every - 1))).toBe(0);
    now = later(every);
    expect(await ctx.jobs.drain(now)).toBe(1);
    expect(runs).toEqual([t0, later(every)]);
    const all = await ctx.db.select().from(jobs).where(eq(jobs.kind, kind));
    expect(all.map((j) => j.status).sort()).toEqual(['done', 'done', 'queued']);
  });

  it('a sweep that fails every attempt still runs at its next interval', async () => {
    const kind = 'test.sweep_broken';
    const every = 60 * 60_000;
    ctx.jobs.schedule(kind, every, async () => {
      throw new Error('sweep broke');
    });
    await enqueue(ctx.db, { kind, dedupeKey: `sweep:${kind}`, runAt: t0, maxAttempts: 1 });
    expect(await ctx.jobs.drain(t0)).toBe(1);
    const rows = await ctx.db.select().from(jobs).where(eq(jobs.kind, kind));
    expect(rows.map((j) => j.status).sort()).toEqual(['failed', 'queued']);
    expect(rows.find((j) => j.status === 'queued')!.runAt.getTime()).toBe(t0.getTime() + every);
  });
});

describe('progress', () => {
  it('records done / total as the handler reports it', async () => {
    const kind = 'test.progress';
    const seen: [number, number | null][] = [];
    ctx.jobs.register(kind, async ({ job, progress }: JobContext) => {
      for (let i = 1; i <= 4; i++) {
        await progress(i, 4);
        const row = await jobRow(job.id);
        seen.push([row.progressDone, row.progressTotal]);
      }
    });
    const id = await enqueue(ctx.db, { kind, runAt: t0, progressTotal: 4 });
    await ctx.jobs.drain(t0);
    expect(seen).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', progressDone: 4, progressTotal: 4 });
  });
});
