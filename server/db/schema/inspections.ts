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
import type { MajorHazardLink } from '../../../domain/standards.js';
import { users } from './identity.js';
import { jurisdictions } from './reference.js';
import { enterprises } from './registry.js';
import { agencies } from './agencies.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const assessmentKinds = ['self', 'agency_first'] as const;
export const assessmentStatuses = ['in_progress', 'completed'] as const;

/**
 * 自查自纠 / 首次检查: one enterprise checked against one filed standard version and the applicability tags it
 * declared when the assessment started. By the enterprise itself, or by the social service agency it engaged.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    subdistrictId: uuid('subdistrict_id').notNull(),
    kind: text('kind', { enum: assessmentKinds }).notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    engagementId: uuid('engagement_id'),
    standardId: uuid('standard_id').notNull(),
    standardVersionId: uuid('standard_version_id').notNull(),
    standardTitle: text('standard_title').notNull(),
    versionNumber: text('version_number').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull(),
    status: text('status', { enum: assessmentStatuses }).notNull().default('in_progress'),
    copiedFromId: uuid('copied_from_id'),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: ts('started_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    completedBy: uuid('completed_by').references(() => users.id),
    completedAt: ts('completed_at'),
  },
  (t) => [
    index('assessments_enterprise').on(t.enterpriseId, t.startedAt),
    index('assessments_agency').on(t.agencyId),
  ],
);

export const answerResults = ['compliant', 'non_compliant', 'not_applicable'] as const;

/** One applicable item of the pinned version, copied in when the assessment starts, with the assessor's answer. */
export const assessmentAnswers = pgTable(
  'assessment_answers',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    position: integer('position').notNull(),
    module: text('module').notNull(),
    requirement: text('requirement').notNull(),
    checkMethod: text('check_method').notNull().default(''),
    evidenceHint: text('evidence_hint').notNull().default(''),
    isKey: boolean('is_key').notNull().default(false),
    majorHazard: jsonb('major_hazard').$type<MajorHazardLink | null>(),
    result: text('result', { enum: answerResults }),
    /** answers carried over from an earlier assessment must be looked at again before completion */
    toReview: boolean('to_review').notNull().default(false),
    note: text('note').notNull().default(''),
    naReason: text('na_reason'),
    /** sha256 of evidence files linked to the assessment */
    evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
    /** the assessor judges a non-compliance to be a major hazard even without a mapped criterion */
    markedMajor: boolean('marked_major').notNull().default(false),
    answeredBy: uuid('answered_by'),
    answeredAt: ts('answered_at'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.itemCode] })],
);
