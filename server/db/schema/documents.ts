// documents module tables (see server/modules/documents and server/platform/documents, server/platform/files)
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { jurisdictions, users } from './identity.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The last official number given per jurisdiction, document kind and year. Issuing increments the row inside the
 * issuing transaction (`insert … on conflict do update … returning`): a rolled-back issue gives its number back,
 * and the row lock makes concurrent issuers of one kind wait for each other, so numbers never repeat or skip.
 */
export const documentNumberCounters = pgTable(
  'document_number_counters',
  {
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionId, t.kind, t.year] })],
);

/**
 * An issued official document (文书). Immutable once issued except for its status: the data snapshot, template
 * version and the facts printed on it (number, issuer, issue time, verification URL) re-render the same PDF,
 * whose sha256 is kept. A correction is a new document with `supersedes_id` pointing at the old one.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: text('kind').notNull(),
    /** the printed number (文号), e.g. 鹿应急合规承〔2026〕12号 */
    number: text('number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    holderType: text('holder_type', { enum: ['enterprise', 'unit', 'person'] }).notNull(),
    holderId: text('holder_id'),
    holderName: text('holder_name').notNull(),
    /** scope columns: the enterprise and subdistrict the document belongs to (null when none) */
    enterpriseId: uuid('enterprise_id'),
    subdistrictId: uuid('subdistrict_id'),
    /** the agency that issued its content (a confirmation report): its users may read it */
    agencyId: uuid('agency_id'),
    /** the entity the document is about (a white-list entry, a commitment …) */
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** the template's data, exactly as rendered */
    data: jsonb('data').notNull(),
    templateVersion: integer('template_version').notNull(),
    issuerName: text('issuer_name').notNull(),
    verificationCode: text('verification_code').notNull(),
    /** the verification URL printed in the QR code (the public base URL may change later) */
    verifyUrl: text('verify_url').notNull(),
    /** null until first rendered: documents issued in bulk (advice campaigns) are rendered when first read */
    pdfSha256: text('pdf_sha256'),
    pdfSize: integer('pdf_size'),
    status: text('status', { enum: ['valid', 'superseded', 'revoked'] })
      .notNull()
      .default('valid'),
    validUntil: ts('valid_until'),
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => documents.id),
    supersededById: uuid('superseded_by_id').references((): AnyPgColumn => documents.id),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason'),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: ts('issued_at').notNull(),
    issuingEventId: uuid('issuing_event_id').notNull(),
  },
  (t) => [
    uniqueIndex('documents_number_unique').on(t.jurisdictionId, t.kind, t.year, t.sequence),
    uniqueIndex('documents_verification_code').on(t.verificationCode),
    index('documents_holder').on(t.holderType, t.holderId),
    index('documents_enterprise').on(t.enterpriseId),
    index('documents_subject').on(t.subjectType, t.subjectId),
    index('documents_jurisdiction_kind_issued').on(t.jurisdictionId, t.kind, t.issuedAt),
  ],
);

/** Stored bytes, content-addressed: one row per distinct content whatever its name or how often it was uploaded. */
export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  /** detected from the bytes, never from the name */
  mime: text('mime').notNull(),
  originalName: text('original_name').notNull(),
  thumbnailSha256: text('thumbnail_sha256'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** What a file proves: every file is linked to at least one entity, and readable by whoever can read that entity. */
export const fileLinks = pgTable(
  'file_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    label: text('label'),
    originalName: text('original_name').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('file_links_unique').on(t.fileSha256, t.entityType, t.entityId),
    index('file_links_entity').on(t.entityType, t.entityId),
  ],
);

export type DocumentRow = typeof documents.$inferSelect;
export type FileRow = typeof files.$inferSelect;
export type FileLinkRow = typeof fileLinks.$inferSelect;
