import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { jurisdictions, units, users } from './identity.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** bytea as a Buffer on both drivers (PGlite returns a Uint8Array, node-postgres a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** GB/T 4754-2017 codes: sections (letters), divisions (2 digits), groups (3) and classes (4). */
export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const enterpriseScales = ['large', 'medium', 'small', 'micro'] as const;
export const operatingStatuses = ['operating', 'suspended', 'closed', 'deregistered'] as const;

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    registeredAddress: text('registered_address'),
    operatingAddress: text('operating_address'),
    subdistrictId: uuid('subdistrict_id')
      .notNull()
      .references(() => units.id),
    industryCode: text('industry_code')
      .notNull()
      .references(() => industries.code),
    scale: text('scale', { enum: enterpriseScales }).notNull(),
    employeeCount: integer('employee_count'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    safetyManagerName: text('safety_manager_name'),
    safetyManagerPhone: text('safety_manager_phone'),
    operatingStatus: text('operating_status', { enum: operatingStatuses }).notNull().default('operating'),
    parkId: uuid('park_id').references((): AnyPgColumn => parks.id),
    hostEnterpriseId: uuid('host_enterprise_id').references((): AnyPgColumn => enterprises.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_jurisdiction_uscc').on(t.jurisdictionId, t.uscc),
    index('enterprises_subdistrict').on(t.subdistrictId),
    index('enterprises_industry').on(t.industryCode),
    index('enterprises_park').on(t.parkId),
    index('enterprises_host').on(t.hostEnterpriseId),
    index('enterprises_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('enterprises_uscc_trgm').using('gin', sql`${t.uscc} gin_trgm_ops`),
  ],
);

/** 小微园区: a park run by an operator enterprise, with tenant enterprises (enterprises.park_id). */
export const parks = pgTable(
  'parks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    name: text('name').notNull(),
    address: text('address'),
    subdistrictId: uuid('subdistrict_id')
      .notNull()
      .references(() => units.id),
    operatorEnterpriseId: uuid('operator_enterprise_id').references((): AnyPgColumn => enterprises.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('parks_jurisdiction_name').on(t.jurisdictionId, t.name),
    index('parks_subdistrict').on(t.subdistrictId),
  ],
);

/** An uploaded register spreadsheet and what its import did. The file itself is kept for the error report. */
export const enterpriseImports = pgTable(
  'enterprise_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    file: bytea('file').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    jobId: uuid('job_id'),
    totalRows: integer('total_rows'),
    createdCount: integer('created_count'),
    updatedCount: integer('updated_count'),
    unchangedCount: integer('unchanged_count'),
    errorRowCount: integer('error_row_count'),
    /** first errors for display: [{row, column, code, message}] */
    errors: jsonb('errors'),
    errorFile: bytea('error_file'),
    failure: text('failure'),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('enterprise_imports_creator').on(t.createdBy, t.createdAt)],
);

/** One-time activation codes with which an enterprise creates its own login. Only the sha256 is stored. */
export const activationCodes = pgTable('activation_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  codeHash: text('code_hash').notNull().unique(),
  enterpriseId: uuid('enterprise_id')
    .notNull()
    .references(() => enterprises.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  usedByUserId: uuid('used_by_user_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
