import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { jurisdictions } from './reference.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * In-app notifications, addressed to a unit (an enterprise, a subdistrict, an agency …): every user bound to
 * that unit sees it, and each user marks it read for themselves.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    unitKind: text('unit_kind').notNull(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** the web route it opens, e.g. /hazards/<id> */
    link: text('link'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_unit').on(t.unitId, t.createdAt)],
);

export const notificationReads = pgTable(
  'notification_reads',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    readAt: ts('read_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);
