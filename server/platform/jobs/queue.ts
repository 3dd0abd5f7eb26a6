import { sql } from 'drizzle-orm';
import { jobs } from '../../db/schema/index.js';
import { settingDefinitions } from '../../../domain/settings.js';
import { queryRows, type Db } from '../db/client.js';
import { getSetting } from '../settings/settings.js';

export interface EnqueueInput {
  kind: string;
  payload?: Record<string, unknown>;
  jurisdictionId?: string | null;
  /** while a job with this key is queued or running, enqueueing another is a no-op */
  dedupeKey?: string;
  runAt?: Date;
  /** default: the jurisdiction's setting jobs.maxAttempts */
  maxAttempts?: number;
  createdBy?: string | null;
  progressTotal?: number | null;
}

/**
 * Enqueue a job inside the caller's transaction (outbox): it exists if and only if the change that caused it
 * committed. Returns the job id, or the id of the job already holding the dedupe key.
 */
export async function enqueue(tx: Db, input: EnqueueInput): Promise<string> {
  const values = {
    kind: input.kind,
    payload: input.payload ?? {},
    jurisdictionId: input.jurisdictionId ?? null,
    dedupeKey: input.dedupeKey ?? null,
    runAt: input.runAt ?? new Date(),
    maxAttempts:
      input.maxAttempts ??
      (input.jurisdictionId
        ? await getSetting(tx, input.jurisdictionId, 'jobs.maxAttempts')
        : settingDefinitions['jobs.maxAttempts'].default),
    createdBy: input.createdBy ?? null,
    progressTotal: input.progressTotal ?? null,
  };
  if (!input.dedupeKey) {
    const [row] = await tx.insert(jobs).values(values).returning({ id: jobs.id });
    return row.id;
  }
  const inserted = await queryRows<{ id: string }>(
    tx,
    sql`
    insert into jobs (kind, payload, jurisdiction_id, dedupe_key, run_at, max_attempts, created_by, progress_total)
    values (${values.kind}, ${JSON.stringify(values.payload)}::jsonb, ${values.jurisdictionId}, ${values.dedupeKey},
            ${values.runAt.toISOString()}::timestamptz, ${values.maxAttempts}, ${values.createdBy}, ${values.progressTotal})
    on conflict (dedupe_key) where status in ('queued', 'running') and dedupe_key is not null do nothing
    returning id`,
  );
  if (inserted.length > 0) return inserted[0].id;
  const existing = await queryRows<{ id: string }>(
    tx,
    sql`select id from jobs where dedupe_key = ${input.dedupeKey} and status in ('queued', 'running') limit 1`,
  );
  return existing[0].id;
}
