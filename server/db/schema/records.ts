import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { jurisdictions } from './reference.js';
import { enterprises } from './registry.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const accidentGrades = ['general', 'larger', 'major', 'especially_major'] as const;
export const recordSources = ['entered', 'import', 'enforcement'] as const;

/** 生产安全事故: eligibility and exits read them. */
export const accidents = pgTable(
  'accidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    subdistrictId: uuid('subdistrict_id').notNull(),
    occurredOn: text('occurred_on').notNull(),
    grade: text('grade', { enum: accidentGrades }).notNull(),
    deaths: integer('deaths').notNull().default(0),
    seriousInjuries: integer('serious_injuries').notNull().default(0),
    /** direct economic loss in yuan */
    directLoss: integer('direct_loss').notNull().default(0),
    description: text('description').notNull().default(''),
    /** where the fact comes from, e.g. 事故调查报告 鹿应急〔2026〕3号 */
    source: text('source').notNull(),
    sourceKind: text('source_kind', { enum: recordSources }).notNull().default('entered'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('accidents_enterprise').on(t.enterpriseId, t.occurredOn)],
);

/** 行政处罚 by any department; `workSafety` marks work-safety penalties, which eligibility reads. */
export const penalties = pgTable(
  'penalties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    subdistrictId: uuid('subdistrict_id').notNull(),
    authority: text('authority').notNull(),
    decisionNumber: text('decision_number').notNull(),
    decidedOn: text('decided_on').notNull(),
    violation: text('violation').notNull(),
    sanction: text('sanction').notNull(),
    workSafety: boolean('work_safety').notNull().default(true),
    source: text('source').notNull(),
    sourceKind: text('source_kind', { enum: recordSources }).notNull().default('entered'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('penalties_enterprise').on(t.enterpriseId, t.decidedOn)],
);

/** 安全生产严重失信名单 listings. */
export const dishonestyListings = pgTable(
  'dishonesty_listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    subdistrictId: uuid('subdistrict_id').notNull(),
    listedBy: text('listed_by').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    reason: text('reason').notNull(),
    source: text('source').notNull(),
    sourceKind: text('source_kind', { enum: recordSources }).notNull().default('entered'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('dishonesty_enterprise').on(t.enterpriseId)],
);
