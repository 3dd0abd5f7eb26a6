import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Reference data: the district and its organisational units. Scope is defined over these rows (a role binding
 * points at a unit; rows carry jurisdiction, subdistrict and department ids), so every module may read them,
 * e.g. to join a subdistrict's name. Identity seeds and manages them (server/modules/identity/seed-jurisdiction.ts).
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A district running its own programme (行政区划代码 as `code`). */
export const jurisdictions = pgTable('jurisdictions', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Short name used in document numbers, e.g. 鹿 */
  shortName: text('short_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * Organisational units a role can be bound to: departments (the bureau is one, flagged), subdistricts and towns.
 * Enterprises, agencies and associations have their own tables in their modules.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: text('kind', { enum: ['department', 'subdistrict'] }).notNull(),
    /** stable code from data/, e.g. 'yjj' or 'shuangyu' */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 街道 / 镇 for subdistricts */
    subkind: text('subkind'),
    isBureau: boolean('is_bureau').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('units_jurisdiction_code').on(t.jurisdictionId, t.code)],
);
