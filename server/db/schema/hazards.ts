import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { jurisdictions } from './reference.js';
import { enterprises } from './registry.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const hazardSeverities = ['general', 'major'] as const;
export const hazardStatuses = ['open', 'rectifying', 'awaiting_verification', 'closed'] as const;

/**
 * 事故隐患: raised from a non-compliant assessment item (or by hand). `reportedAt` is set once, from the event
 * that raised it, and never updated; `originalDeadline` keeps the first deadline when extensions move `deadline`.
 */
export const hazards = pgTable(
  'hazards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    subdistrictId: uuid('subdistrict_id').notNull(),
    assessmentId: uuid('assessment_id'),
    itemCode: text('item_code'),
    standardVersionId: uuid('standard_version_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    severity: text('severity', { enum: hazardSeverities }).notNull(),
    /** why major: 'criterion' (the item maps to a 重大事故隐患 criterion) or 'assessor' */
    majorReason: text('major_reason'),
    status: text('status', { enum: hazardStatuses }).notNull().default('open'),
    ownerName: text('owner_name'),
    deadline: text('deadline').notNull(),
    originalDeadline: text('original_deadline').notNull(),
    interimMeasures: text('interim_measures').notNull().default(''),
    plan: text('plan').notNull().default(''),
    beforeEvidence: jsonb('before_evidence').$type<string[]>().notNull().default([]),
    afterEvidence: jsonb('after_evidence').$type<string[]>().notNull().default([]),
    closureNote: text('closure_note'),
    /** the social service agency whose guidance covers this hazard: it verifies the closure */
    guidingAgencyId: uuid('guiding_agency_id'),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verificationNote: text('verification_note'),
    reportedAt: ts('reported_at').notNull(),
    reportedBy: uuid('reported_by').references(() => users.id),
    overdue: boolean('overdue').notNull().default(false),
    /** the deadline the last reminder was sent for, so each deadline is reminded once */
    remindedFor: text('reminded_for'),
    submittedAt: ts('submitted_at'),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('hazards_enterprise').on(t.enterpriseId, t.status),
    index('hazards_subdistrict').on(t.subdistrictId, t.status),
    index('hazards_deadline').on(t.status, t.deadline),
  ],
);

export const extensionStatuses = ['pending', 'approved', 'refused', 'withdrawn'] as const;

/** 延期整改申请: to the enterprise's subdistrict; approval moves the hazard's deadline, the original stays. */
export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazards.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    subdistrictId: uuid('subdistrict_id').notNull(),
    status: text('status', { enum: extensionStatuses }).notNull().default('pending'),
    deadlineAtRequest: text('deadline_at_request').notNull(),
    requestedDeadline: text('requested_deadline').notNull(),
    reason: text('reason').notNull(),
    interimControls: text('interim_controls').notNull(),
    evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionReason: text('decision_reason'),
    approvedDeadline: text('approved_deadline'),
    documentId: uuid('document_id'),
    documentNumber: text('document_number'),
  },
  (t) => [
    index('extension_requests_hazard').on(t.hazardId),
    index('extension_requests_subdistrict').on(t.subdistrictId, t.status),
  ],
);
