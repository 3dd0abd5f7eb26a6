import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { jurisdictions, units } from './reference.js';
import { enterprises } from './registry.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const applicationStatuses = [
  'draft',
  'submitted',
  'collected',
  'formal_review',
  'opinions',
  'public_notice',
  'published',
  'returned',
  'rejected',
  'withdrawn',
] as const;

/** The eligibility checklist an application was judged on (`eligibilityOf` at submission). */
export interface EligibilitySnapshot {
  judgedOn: string;
  eligible: boolean;
  conditions: { key: string; label: string; pass: boolean; reason: string }[];
}

/** A subdistrict's batch of collected candidates (街镇收集汇总), sent to the bureau in one go. */
export const collectionBatches = pgTable(
  'collection_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    subdistrictId: uuid('subdistrict_id')
      .notNull()
      .references(() => units.id),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('collection_batches_subdistrict').on(t.subdistrictId, t.createdAt)],
);

/** 公示: a batch of applications on public notice for a number of working days, as a numbered document. */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    title: text('title').notNull(),
    number: text('number').notNull(),
    documentId: uuid('document_id').notNull(),
    verifyUrl: text('verify_url').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    /** the period runs into a year the calendar does not know: counted on weekdays */
    endsEstimated: boolean('ends_estimated').notNull().default(false),
    status: text('status', { enum: ['open', 'published'] })
      .notNull()
      .default('open'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    publishedAt: ts('published_at'),
  },
  (t) => [index('public_notices_jurisdiction').on(t.jurisdictionId, t.status)],
);

/** 白名单申请. */
export const whitelistApplications = pgTable(
  'whitelist_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    subdistrictId: uuid('subdistrict_id').notNull(),
    /** the enterprise as registered when it applied (lists and the public page search these) */
    enterpriseName: text('enterprise_name').notNull(),
    uscc: text('uscc').notNull(),
    industryCode: text('industry_code').notNull(),
    status: text('status', { enum: applicationStatuses }).notNull().default('draft'),
    eligibility: jsonb('eligibility').$type<EligibilitySnapshot>().notNull(),
    batchId: uuid('batch_id').references(() => collectionBatches.id),
    noticeId: uuid('notice_id').references(() => publicNotices.id),
    /** the last reason it was returned or rejected with */
    reason: text('reason'),
    submittedAt: ts('submitted_at'),
    collectedAt: ts('collected_at'),
    decidedAt: ts('decided_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('whitelist_applications_status').on(t.jurisdictionId, t.status),
    index('whitelist_applications_subdistrict').on(t.subdistrictId, t.status),
    // one open application per enterprise
    uniqueIndex('whitelist_applications_one_open')
      .on(t.enterpriseId)
      .where(
        sql`status in ('draft','returned','submitted','collected','formal_review','opinions','public_notice')`,
      ),
  ],
);

/** 征询意见: one department's answer on one application, by a deadline in working days. */
export const whitelistOpinions = pgTable(
  'whitelist_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => whitelistApplications.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    status: text('status', {
      enum: ['pending', 'agreed', 'objected', 'silent_agreed', 'escalated', 'superseded'],
    })
      .notNull()
      .default('pending'),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    deadline: text('deadline').notNull(),
    deadlineEstimated: boolean('deadline_estimated').notNull().default(false),
    reason: text('reason'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    index('whitelist_opinions_application').on(t.applicationId),
    index('whitelist_opinions_department').on(t.departmentId, t.status),
    uniqueIndex('whitelist_opinions_one_current')
      .on(t.applicationId, t.departmentId)
      .where(sql`status <> 'superseded'`),
  ],
);

/** 公示异议, filed by anyone during the notice period. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => publicNotices.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => whitelistApplications.id),
    name: text('name').notNull(),
    contact: text('contact').notNull(),
    content: text('content').notNull(),
    evidence: text('evidence').notNull().default(''),
    /** sha-256 of the client address: limits floods without keeping the address */
    sourceHash: text('source_hash').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    handledBy: uuid('handled_by').references(() => users.id),
    handledAt: ts('handled_at'),
    filedAt: ts('filed_at').notNull().defaultNow(),
  },
  (t) => [
    index('objections_notice').on(t.noticeId, t.status),
    index('objections_source').on(t.sourceHash, t.filedAt),
  ],
);

/** 白名单: an enterprise's membership, with its number, validity and plaque. */
export const whitelistEntries = pgTable(
  'whitelist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    subdistrictId: uuid('subdistrict_id').notNull(),
    /** the enterprise as registered when it applied (lists and the public page search these) */
    enterpriseName: text('enterprise_name').notNull(),
    uscc: text('uscc').notNull(),
    industryCode: text('industry_code').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => whitelistApplications.id),
    number: text('number').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    status: text('status', { enum: ['active', 'suspended', 'exited'] })
      .notNull()
      .default('active'),
    plaqueDocumentId: uuid('plaque_document_id').notNull(),
    plaqueNumber: text('plaque_number').notNull(),
    plaqueVerifyUrl: text('plaque_verify_url').notNull(),
    suspendedReason: text('suspended_reason'),
    exitedOn: text('exited_on'),
    publishedAt: ts('published_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('whitelist_entries_number').on(t.jurisdictionId, t.number),
    uniqueIndex('whitelist_entries_one_current')
      .on(t.enterpriseId)
      .where(sql`status in ('active','suspended')`),
    index('whitelist_entries_status').on(t.jurisdictionId, t.status),
  ],
);

/** 年度复核 of an entry: opened before expiry, re-confirmed by the enterprise, decided by the bureau. */
export const annualReviews = pgTable(
  'annual_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => whitelistEntries.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    subdistrictId: uuid('subdistrict_id').notNull(),
    /** the validTo this review renews */
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['open', 'submitted', 'passed', 'failed', 'missed'] })
      .notNull()
      .default('open'),
    eligibility: jsonb('eligibility').$type<EligibilitySnapshot>(),
    note: text('note'),
    openedAt: ts('opened_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
  },
  (t) => [uniqueIndex('annual_reviews_entry_due').on(t.entryId, t.dueOn)],
);

/** An exit: proposed by an event or by hand, decided (or dismissed) by the bureau. */
export const whitelistExits = pgTable(
  'whitelist_exits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => whitelistEntries.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    subdistrictId: uuid('subdistrict_id').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['proposed', 'decided', 'dismissed'] })
      .notNull()
      .default('proposed'),
    /** what opened it: an event kind and the entity it was about, or 'manual' */
    sourceKind: text('source_kind').notNull(),
    sourceEntityType: text('source_entity_type'),
    sourceEntityId: text('source_entity_id'),
    summary: text('summary').notNull(),
    evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
    proposedBy: uuid('proposed_by').references(() => users.id),
    proposedAt: ts('proposed_at').notNull().defaultNow(),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionDocumentId: uuid('decision_document_id'),
    decisionNumber: text('decision_number'),
    decisionVerifyUrl: text('decision_verify_url'),
  },
  (t) => [
    index('whitelist_exits_status').on(t.jurisdictionId, t.status),
    // an event (or the enterprise's request) has at most one open proposal per entry
    uniqueIndex('whitelist_exits_source')
      .on(t.entryId, t.sourceKind, t.sourceEntityId)
      .where(sql`source_entity_id is not null and status = 'proposed'`),
  ],
);

/** 管理措施 an exit imposes, with start and end; read by eligibility (re-entry ban) and later the incentives ledger. */
export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    exitId: uuid('exit_id').references(() => whitelistExits.id),
    kind: text('kind').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on'),
    note: text('note').notNull().default(''),
    liftedAt: ts('lifted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('measures_enterprise').on(t.enterpriseId, t.kind)],
);
