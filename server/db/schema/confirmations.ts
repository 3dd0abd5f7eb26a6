import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencies, engineers } from './agencies.js';
import { users } from './identity.js';
import { jurisdictions } from './reference.js';
import { enterprises } from './registry.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const confirmationStatuses = [
  'requested',
  'declined',
  'checking',
  'signing',
  'confirmed',
  'not_confirmed',
  'withdrawn',
  'revoked',
] as const;

/**
 * 第三方确认: a qualified agency checks every key item of the pinned standard version and concludes; the conclusion
 * takes effect with two distinct engineers' signatures. `keyItemsHash` fingerprints the key items checked, so a
 * confirmation lapses when the standard's key items change.
 */
export const confirmations = pgTable(
  'confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    subdistrictId: uuid('subdistrict_id').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: text('status', { enum: confirmationStatuses }).notNull().default('requested'),
    standardId: uuid('standard_id').notNull(),
    standardVersionId: uuid('standard_version_id').notNull(),
    standardTitle: text('standard_title').notNull(),
    versionNumber: text('version_number').notNull(),
    keyItemsHash: text('key_items_hash').notNull(),
    siteVisitDate: text('site_visit_date'),
    conclusion: text('conclusion', { enum: ['confirmed', 'not_confirmed'] }),
    conclusionNote: text('conclusion_note'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    acceptedAt: ts('accepted_at'),
    concludedAt: ts('concluded_at'),
    validUntil: text('valid_until'),
    documentId: uuid('document_id'),
    documentNumber: text('document_number'),
    /** decided by the bureau: the confirmation was false */
    falseConfirmation: boolean('false_confirmation').notNull().default(false),
    revokedReason: text('revoked_reason'),
    note: text('note'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('confirmations_enterprise').on(t.enterpriseId, t.status),
    index('confirmations_agency').on(t.agencyId, t.status),
  ],
);

/** One key item as the agency checked it. */
export const confirmationItems = pgTable(
  'confirmation_items',
  {
    confirmationId: uuid('confirmation_id')
      .notNull()
      .references(() => confirmations.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    position: integer('position').notNull(),
    module: text('module').notNull(),
    requirement: text('requirement').notNull(),
    result: text('result', { enum: ['compliant', 'non_compliant', 'not_applicable'] }),
    note: text('note').notNull().default(''),
    evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
    answeredBy: uuid('answered_by'),
    answeredAt: ts('answered_at'),
  },
  (t) => [primaryKey({ columns: [t.confirmationId, t.itemCode] })],
);

/** An engineer's signature on the conclusion; two distinct engineers make it effective. */
export const confirmationSignatures = pgTable(
  'confirmation_signatures',
  {
    confirmationId: uuid('confirmation_id')
      .notNull()
      .references(() => confirmations.id, { onDelete: 'cascade' }),
    engineerId: uuid('engineer_id')
      .notNull()
      .references(() => engineers.id),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signedOn: text('signed_on').notNull(),
    signedAt: ts('signed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.confirmationId, t.engineerId] })],
);
