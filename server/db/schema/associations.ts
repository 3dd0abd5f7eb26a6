import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { jurisdictions } from './reference.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 行业协会: registered by the bureau; its users act for it (role association_user). */
export const associations = pgTable(
  'associations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    /** GB/T 4754 code prefixes of the industries it serves */
    industryScope: jsonb('industry_scope').$type<string[]>().notNull(),
    status: text('status', { enum: ['active', 'dissolved'] })
      .notNull()
      .default('active'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('associations_jurisdiction_uscc').on(t.jurisdictionId, t.uscc)],
);

/**
 * 自律共治标准: an association's subset of a published or filed standard version, stored as item codes referring to
 * that version, so it always shows the version's own item texts.
 */
export const selfDisciplineStandards = pgTable(
  'self_discipline_standards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    standardVersionId: uuid('standard_version_id').notNull(),
    title: text('title').notNull(),
    itemCodes: jsonb('item_codes').$type<string[]>().notNull(),
    status: text('status', { enum: ['active', 'withdrawn'] })
      .notNull()
      .default('active'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [index('self_discipline_association').on(t.associationId)],
);
