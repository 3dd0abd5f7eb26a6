import { and, eq, sql } from 'drizzle-orm';
import { jobs } from '../../db/schema/index.js';
import { queryRows, type Db } from '../db/client.js';
import { enqueue } from './queue.js';

export interface JobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  jurisdictionId: string | null;
  attempts: number;
  maxAttempts: number;
  createdBy: string | null;
}

export interface JobContext {
  db: Db;
  job: JobRow;
  /** record progress; the job-status API and the UI progress bar read it */
  progress(done: number, total?: number): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown> | void>;

export interface Sweep {
  kind: string;
  everyMs: number;
}

/** Backoff before retry n (1-based): 2^n seconds, capped at one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(3600_000, 1000 * 2 ** attempt);
}

/**
 * A running job holds its row for `leaseMs` and renews it every `heartbeatMs` while its handler runs, so after a
 * crash another process takes the job over within a minute instead of waiting out a long lease.
 */
const defaultLeaseMs = 60_000;
const defaultHeartbeatMs = 20_000;

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly sweeps: Sweep[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly opts: {
      pollMs?: number;
      onError?: (err: unknown, job?: JobRow) => void;
      leaseMs?: number;
      heartbeatMs?: number;
    } = {},
  ) {}

  private get leaseMs(): number {
    return this.opts.leaseMs ?? defaultLeaseMs;
  }

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** A periodic job: after each run the next one is scheduled `everyMs` later (one at a time, by dedupe key). */
  schedule(kind: string, everyMs: number, handler: JobHandler): void {
    this.register(kind, handler);
    this.sweeps.push({ kind, everyMs });
  }

  async scheduleSweeps(): Promise<void> {
    for (const s of this.sweeps) await enqueue(this.db, { kind: s.kind, dedupeKey: `sweep:${s.kind}` });
  }

  /** Claim and run one ready job; false when there was none. */
  async runOne(now = new Date()): Promise<boolean> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return false;
    const claimed = await queryRows<Record<string, unknown>>(
      this.db,
      sql`
      update jobs set status = 'running', attempts = attempts + 1,
             locked_until = ${new Date(now.getTime() + this.leaseMs).toISOString()}::timestamptz,
             started_at = coalesce(started_at, ${now.toISOString()}::timestamptz)
       where id = (
         select id from jobs
          where kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})
            and ((status = 'queued' and run_at <= ${now.toISOString()}::timestamptz)
              or (status = 'running' and locked_until < ${now.toISOString()}::timestamptz))
          order by run_at
          limit 1
          for update skip locked)
      returning id, kind, payload, jurisdiction_id, attempts, max_attempts, created_by`,
    );
    const raw = claimed[0];
    if (!raw) return false;
    const job: JobRow = {
      id: String(raw.id),
      kind: String(raw.kind),
      payload: (raw.payload ?? {}) as Record<string, unknown>,
      jurisdictionId: (raw.jurisdiction_id as string | null) ?? null,
      attempts: Number(raw.attempts),
      maxAttempts: Number(raw.max_attempts),
      createdBy: (raw.created_by as string | null) ?? null,
    };
    await this.execute(job, now);
    return true;
  }

  /** `now` is the clock of this run: retries and the next sweep are scheduled from it (tests pass their own). */
  private async execute(job: JobRow, now: Date): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const ctx: JobContext = {
      db: this.db,
      job,
      progress: async (done, total) => {
        await this.db
          .update(jobs)
          .set(total === undefined ? { progressDone: done } : { progressDone: done, progressTotal: total })
          .where(eq(jobs.id, job.id));
      },
    };
    const heartbeat = setInterval(() => {
      void this.db
        .update(jobs)
        .set({
          lockedUntil: sql`greatest(${jobs.lockedUntil}, ${new Date(Date.now() + this.leaseMs).toISOString()}::timestamptz)`,
        })
        .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running')))
        .catch((err: unknown) => this.opts.onError?.(err, job));
    }, this.opts.heartbeatMs ?? defaultHeartbeatMs);
    heartbeat.unref();
    try {
      const result = await handler(ctx);
      await this.db
        .update(jobs)
        .set({
          status: 'done',
          result: result ?? null,
          finishedAt: new Date(),
          lockedUntil: null,
          lastError: null,
        })
        .where(eq(jobs.id, job.id));
      await this.scheduleNextSweep(job, now);
    } catch (err) {
      this.opts.onError?.(err, job);
      const message = err instanceof Error ? err.message : String(err);
      const exhausted = job.attempts >= job.maxAttempts;
      await this.db
        .update(jobs)
        .set(
          exhausted
            ? { status: 'failed', lastError: message, finishedAt: new Date(), lockedUntil: null }
            : {
                status: 'queued',
                lastError: message,
                lockedUntil: null,
                runAt: new Date(now.getTime() + backoffMs(job.attempts)),
              },
        )
        .where(eq(jobs.id, job.id));
      // a sweep that gave up still runs again at its next interval
      if (exhausted) await this.scheduleNextSweep(job, now);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async scheduleNextSweep(job: JobRow, now: Date): Promise<void> {
    const sweep = this.sweeps.find((s) => s.kind === job.kind);
    if (!sweep) return;
    await enqueue(this.db, {
      kind: sweep.kind,
      dedupeKey: `sweep:${sweep.kind}`,
      runAt: new Date(now.getTime() + sweep.everyMs),
    });
  }

  /** Run every ready job until none is left (tests, CLI). */
  async drain(now?: Date): Promise<number> {
    let n = 0;
    while (await this.runOne(now)) n += 1;
    return n;
  }

  start(): void {
    this.stopped = false;
    void this.scheduleSweeps().catch((err: unknown) => this.opts.onError?.(err));
    this.tick();
  }

  /** Wake the loop now (after an enqueue in this process). */
  kick(): void {
    if (!this.stopped && !this.running) {
      if (this.timer) clearTimeout(this.timer);
      this.tick();
    }
  }

  private tick(): void {
    if (this.stopped) return;
    this.running = true;
    this.drain()
      .catch((err: unknown) => this.opts.onError?.(err))
      .finally(() => {
        this.running = false;
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.opts.pollMs ?? 1000);
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }
}
