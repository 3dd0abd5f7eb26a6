import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LegalBasis, MajorHazardLink } from '../../../domain/standards.js';
import { users } from './identity.js';
import { jurisdictions, units } from './reference.js';
import { enterprises } from './registry.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 行业安全生产合规标准: one per industry scope, owned by a supervising department. */
export const standards = pgTable(
  'standards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** key of the reference template it was created from (data/standards), if any */
    templateKey: text('template_key'),
    title: text('title').notNull(),
    owningDepartmentId: uuid('owning_department_id')
      .notNull()
      .references(() => units.id),
    /** GB/T 4754 code prefixes */
    industryScope: jsonb('industry_scope').$type<string[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('standards_jurisdiction_title').on(t.jurisdictionId, t.title)],
);

export const standardVersions = pgTable(
  'standard_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    standardId: uuid('standard_id')
      .notNull()
      .references(() => standards.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    number: text('number').notNull(),
    status: text('status', { enum: ['draft', 'published', 'filed', 'superseded'] })
      .notNull()
      .default('draft'),
    /** industry-specific ("X") modules: [{code, name}] */
    industryModules: jsonb('industry_modules')
      .$type<{ code: string; name: string }[]>()
      .notNull()
      .default([]),
    documentNumber: text('document_number'),
    publishDate: text('publish_date'),
    basedOnVersionId: uuid('based_on_version_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    publishedAt: ts('published_at'),
    publishedBy: uuid('published_by'),
    filedAt: ts('filed_at'),
    filedBy: uuid('filed_by'),
    supersededAt: ts('superseded_at'),
    supersededBy: uuid('superseded_by_version_id'),
  },
  (t) => [
    uniqueIndex('standard_versions_number').on(t.standardId, t.number),
    index('standard_versions_status').on(t.jurisdictionId, t.status),
  ],
);

export const standardItems = pgTable(
  'standard_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => standardVersions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    module: text('module').notNull(),
    position: integer('position').notNull(),
    requirement: text('requirement').notNull(),
    legalBasis: jsonb('legal_basis').$type<LegalBasis[]>().notNull().default([]),
    checkMethod: text('check_method').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    isKey: boolean('is_key').notNull().default(false),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    violationTypes: jsonb('violation_types').$type<string[]>().notNull().default([]),
    majorHazard: jsonb('major_hazard').$type<MajorHazardLink | null>(),
  },
  (t) => [
    uniqueIndex('standard_items_code').on(t.versionId, t.code),
    index('standard_items_position').on(t.versionId, t.position),
  ],
);

/** What an enterprise declares about itself that makes tagged items apply (uses solvent adhesives, …). */
export const applicabilityProfiles = pgTable('applicability_profiles', {
  enterpriseId: uuid('enterprise_id')
    .primaryKey()
    .references(() => enterprises.id),
  jurisdictionId: uuid('jurisdiction_id')
    .notNull()
    .references(() => jurisdictions.id),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
