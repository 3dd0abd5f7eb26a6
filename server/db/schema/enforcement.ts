// enforcement module tables: violation types, enforcement inspections, violations, advice campaigns and letters
import { sql } from 'drizzle-orm';
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
import { harmLevels, leniencyLists } from '../../../domain/enforcement.js';
import { users } from './identity.js';
import { jurisdictions, units } from './reference.js';
import { enterprises } from './registry.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const campaignStatuses = ['proposed', 'sending', 'sent', 'closed', 'rejected'] as const;
export const letterStatuses = ['sent', 'replied', 'overdue'] as const;
export const campaignScopeTypes = ['industry', 'subdistrict'] as const;

/** An item an advice letter asks the enterprise to self-inspect. */
export interface AdviceItem {
  text: string;
}

/** 违法行为 catalog: each kind with its legal basis, penalty basis and range (data, per jurisdiction). */
export const violationTypes = pgTable(
  'violation_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** the provision broken, e.g. 《安全生产法》第三十条第一款 */
    legalBasis: text('legal_basis').notNull(),
    /** the provision that sets the penalty and its range */
    penaltyBasis: text('penalty_basis').notNull(),
    penaltyRange: text('penalty_range').notNull(),
    /** what a letter about this kind asks enterprises to self-inspect */
    adviceItems: jsonb('advice_items').$type<AdviceItem[]>().notNull(),
    /** the province's list the type is on (不予处罚 / 减轻 / 从轻), read by the leniency suggestion */
    leniencyList: text('leniency_list', { enum: leniencyLists }),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('violation_types_code').on(t.jurisdictionId, t.code)],
);

/** 执法检查: an officer's inspection of one enterprise, on behalf of the officer's department. */
export const enforcementInspections = pgTable(
  'enforcement_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** the enterprise as registered at the inspection */
    enterpriseName: text('enterprise_name').notNull(),
    subdistrictId: uuid('subdistrict_id').notNull(),
    industryCode: text('industry_code').notNull(),
    inspectedOn: text('inspected_on').notNull(),
    findings: text('findings').notNull().default(''),
    rectifyBy: text('rectify_by'),
    /** the 责令限期整改指令书, when violations were found */
    noticeDocumentId: uuid('notice_document_id'),
    noticeNumber: text('notice_number'),
    officerId: uuid('officer_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('enforcement_inspections_enterprise').on(t.enterpriseId, t.inspectedOn),
    index('enforcement_inspections_department').on(t.departmentId, t.inspectedOn),
  ],
);

/** 违法行为 found on an inspection. Scope columns are copied so the frequency detector counts without joins. */
export const violations = pgTable(
  'violations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => enforcementInspections.id),
    violationTypeId: uuid('violation_type_id')
      .notNull()
      .references(() => violationTypes.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    subdistrictId: uuid('subdistrict_id').notNull(),
    industryCode: text('industry_code').notNull(),
    description: text('description').notNull(),
    foundOn: text('found_on').notNull(),
    status: text('status', { enum: ['open', 'rectified'] })
      .notNull()
      .default('open'),
    rectifiedAt: ts('rectified_at'),
    /** the advice letter sent to this enterprise about this violation */
    letterId: uuid('letter_id'),
    /** the harm the officer found: none, slight or real */
    harm: text('harm', { enum: harmLevels }).notNull().default('none'),
    /** the enterprise's own hazard report the officer matched to this violation (art. 32 (3)) */
    selfReportedHazardId: uuid('self_reported_hazard_id'),
    decisionStatus: text('decision_status', { enum: ['undecided', 'decided'] })
      .notNull()
      .default('undecided'),
    /** the penalty decision with the suggestion and facts it was taken against */
    decision: jsonb('decision').$type<Record<string, unknown>>(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('violations_type_industry').on(t.jurisdictionId, t.violationTypeId, t.industryCode, t.foundOn),
    index('violations_type_subdistrict').on(t.jurisdictionId, t.violationTypeId, t.subdistrictId, t.foundOn),
    index('violations_enterprise').on(t.enterpriseId),
  ],
);

/** 合规建议书 sent in bulk to every enterprise of an industry or subdistrict where a violation became frequent. */
export const adviceCampaigns = pgTable(
  'advice_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** the department that issues the letters (the proposer's, or the bureau for detected campaigns) */
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    violationTypeId: uuid('violation_type_id')
      .notNull()
      .references(() => violationTypes.id),
    scopeType: text('scope_type', { enum: campaignScopeTypes }).notNull(),
    /** an industry code or a subdistrict id */
    scopeValue: text('scope_value').notNull(),
    scopeLabel: text('scope_label').notNull(),
    origin: text('origin', { enum: ['frequency', 'manual'] }).notNull(),
    /** why it was proposed, as printed on the letters (近30日内…发生同类违法行为12起) */
    reason: text('reason').notNull(),
    /** the count and window the detector saw, for the explanation */
    triggerCount: integer('trigger_count'),
    windowDays: integer('window_days'),
    items: jsonb('items').$type<AdviceItem[]>().notNull(),
    status: text('status', { enum: campaignStatuses }).notNull().default('proposed'),
    replyBy: text('reply_by'),
    replyByEstimated: boolean('reply_by_estimated').notNull().default(false),
    targetCount: integer('target_count').notNull().default(0),
    /** letters issued so far: sending resumes after the last one (targets are numbered from 1) */
    sentCount: integer('sent_count').notNull().default(0),
    jobId: uuid('job_id'),
    decisionReason: text('decision_reason'),
    proposedBy: uuid('proposed_by').references(() => users.id),
    proposedAt: ts('proposed_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('advice_campaigns_status').on(t.jurisdictionId, t.status),
    // one live campaign per violation type and scope: the detector proposes once
    uniqueIndex('advice_campaigns_one_live')
      .on(t.violationTypeId, t.scopeType, t.scopeValue)
      .where(sql`status in ('proposed','sending','sent')`),
  ],
);

/** The enterprises a campaign writes to, frozen at approval and numbered 1..n in sending order. */
export const adviceCampaignTargets = pgTable(
  'advice_campaign_targets',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => adviceCampaigns.id),
    position: integer('position').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    uscc: text('uscc').notNull(),
    subdistrictId: uuid('subdistrict_id').notNull(),
  },
  (t) => [
    uniqueIndex('advice_campaign_targets_pk').on(t.campaignId, t.position),
    uniqueIndex('advice_campaign_targets_enterprise').on(t.campaignId, t.enterpriseId),
  ],
);

/** 合规建议书: one letter to one enterprise, from a campaign or about a violation found there. */
export const adviceLetters = pgTable(
  'advice_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    campaignId: uuid('campaign_id').references(() => adviceCampaigns.id),
    violationId: uuid('violation_id'),
    departmentId: uuid('department_id').notNull(),
    violationTypeId: uuid('violation_type_id')
      .notNull()
      .references(() => violationTypes.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    subdistrictId: uuid('subdistrict_id').notNull(),
    documentId: uuid('document_id').notNull(),
    number: text('number').notNull(),
    /** what the letter says: why it was sent and what to self-inspect */
    reason: text('reason').notNull(),
    items: jsonb('items').$type<AdviceItem[]>().notNull(),
    replyBy: text('reply_by').notNull(),
    status: text('status', { enum: letterStatuses }).notNull().default('sent'),
    reply: text('reply'),
    repliedLate: boolean('replied_late').notNull().default(false),
    repliedBy: uuid('replied_by').references(() => users.id),
    repliedAt: ts('replied_at'),
    overdueAt: ts('overdue_at'),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [
    uniqueIndex('advice_letters_campaign_enterprise').on(t.campaignId, t.enterpriseId),
    index('advice_letters_enterprise').on(t.enterpriseId, t.status),
    index('advice_letters_status_deadline').on(t.jurisdictionId, t.status, t.replyBy),
    index('advice_letters_subdistrict').on(t.subdistrictId, t.status),
  ],
);
