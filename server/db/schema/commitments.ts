import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { jurisdictions } from './reference.js';
import { enterprises } from './registry.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const signatoryCapacities = ['legal_representative', 'authorised'] as const;

/**
 * 承诺书: one row per signature. The text signed is kept verbatim with its hash; the enterprise must sign again
 * when the jurisdiction's commitment text (setting commitment.text) changes.
 */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    subdistrictId: uuid('subdistrict_id').notNull(),
    text: text('text').notNull(),
    textHash: text('text_hash').notNull(),
    /** e.g. 第2版 (2026-11-20) */
    textVersion: text('text_version').notNull(),
    signatoryName: text('signatory_name').notNull(),
    signatoryCapacity: text('signatory_capacity', { enum: signatoryCapacities }).notNull(),
    /** for an authorised signatory: the letter of authorisation (file sha256) */
    authorisationFile: text('authorisation_file'),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signedAt: ts('signed_at').notNull().defaultNow(),
    documentId: uuid('document_id').notNull(),
    documentNumber: text('document_number').notNull(),
  },
  (t) => [index('commitments_enterprise').on(t.enterpriseId, t.signedAt)],
);
