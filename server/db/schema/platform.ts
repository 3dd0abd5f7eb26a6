import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { jurisdictions, users } from './identity.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The audit chain: append-only, one hash chain per jurisdiction. `hash` = sha256(canonical JSON of the row's
 * content including `prevHash`). See server/platform/audit.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: ts('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('events_jurisdiction_seq').on(t.jurisdictionId, t.seq),
    index('events_entity').on(t.entityType, t.entityId),
    index('events_actor_at').on(t.actorUserId, t.at),
    index('events_kind_at').on(t.kind, t.at),
  ],
);

/** Head of each jurisdiction's chain; its row lock serialises appends. */
export const auditHeads = pgTable('audit_heads', {
  jurisdictionId: uuid('jurisdiction_id')
    .primaryKey()
    .references(() => jurisdictions.id),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  hash: text('hash').notNull(),
});

/** Jurisdiction settings with history: the newest row per key is in force. */
export const settings = pgTable(
  'settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: ts('changed_at').notNull().defaultNow(),
    reason: text('reason'),
  },
  (t) => [index('settings_key_time').on(t.jurisdictionId, t.key, t.changedAt)],
);

/** A Postgres-backed job queue that works the same on PGlite and PostgreSQL (see docs/ARCHITECTURE.md). */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id'),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    /** a job with a dedupe key is enqueued once while queued or running (used by sweeps) */
    dedupeKey: text('dedupe_key'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    runAt: ts('run_at').notNull().defaultNow(),
    lockedUntil: ts('locked_until'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    result: jsonb('result'),
    lastError: text('last_error'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('jobs_ready').on(t.status, t.runAt),
    uniqueIndex('jobs_dedupe_active')
      .on(t.dedupeKey)
      .where(sql`status in ('queued', 'running') and dedupe_key is not null`),
  ],
);
