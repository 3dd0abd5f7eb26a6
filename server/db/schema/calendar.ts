import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The national work calendar: official holidays and make-up workdays (调休), one row per exceptional date. Seeded
 * from the `chinese-days` package; the bureau enters a year the package does not know from the State Council notice.
 */
export const calendarDays = pgTable('calendar_days', {
  date: text('date').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name').notNull(),
  source: text('source', { enum: ['chinese-days', 'bureau'] }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Years whose holidays and make-up workdays are known; periods running into other years are estimates. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source', { enum: ['chinese-days', 'bureau'] }).notNull(),
  /** e.g. 国办发明电〔2025〕7号 */
  noticeRef: text('notice_ref'),
  enteredBy: uuid('entered_by').references(() => users.id),
  enteredAt: ts('entered_at').notNull().defaultNow(),
});
