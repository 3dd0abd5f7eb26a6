import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { jurisdictions } from './reference.js';
import { enterprises } from './registry.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const agencyKinds = ['confirmation', 'social_service'] as const;
export const agencyStatuses = ['active', 'suspended', 'blacklisted'] as const;

/**
 * 第三方确认机构 / 安全生产社会化服务机构. One register for both kinds: `kinds` says what it may be engaged for.
 * Grades and engineers are maintained by the bureau (third-party confirmation builds on this table).
 */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    kinds: jsonb('kinds').$type<(typeof agencyKinds)[number][]>().notNull(),
    /** qualification grade on the jurisdiction's scale (setting agencies.gradeScale), e.g. 'A', 'B' */
    grade: text('grade'),
    gradeValidUntil: text('grade_valid_until'),
    status: text('status', { enum: agencyStatuses }).notNull().default('active'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agencies_jurisdiction_uscc').on(t.jurisdictionId, t.uscc)],
);

export const engagementServices = ['first_inspection', 'rectification_guidance'] as const;
export const engagementStatuses = ['requested', 'active', 'declined', 'ended'] as const;

/** 社会化服务: an enterprise engages a social service agency; its users see the enterprise only while active. */
export const serviceEngagements = pgTable(
  'service_engagements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** copied from the enterprise so subdistrict scope needs no join */
    subdistrictId: uuid('subdistrict_id').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    services: jsonb('services').$type<(typeof engagementServices)[number][]>().notNull(),
    status: text('status', { enum: engagementStatuses }).notNull().default('requested'),
    note: text('note'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    acceptedAt: ts('accepted_at'),
    endedAt: ts('ended_at'),
    endReason: text('end_reason'),
  },
  (t) => [
    index('service_engagements_agency').on(t.agencyId, t.status),
    index('service_engagements_enterprise').on(t.enterpriseId, t.status),
  ],
);

export const engineerLevels = ['senior', 'intermediate', 'junior'] as const;
export const engineerStatuses = ['pending', 'approved', 'rejected', 'revoked'] as const;

/**
 * 注册安全工程师 employed by an agency. The agency keeps its engineers; each new or changed record waits for the
 * bureau's approval, and only approved engineers with a certificate valid on the day may sign a confirmation.
 * `userId` is the engineer's own login: an engineer signs in person.
 */
export const engineers = pgTable(
  'engineers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    level: text('level', { enum: engineerLevels }).notNull(),
    speciality: text('speciality').notNull().default(''),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    userId: uuid('user_id').references(() => users.id),
    status: text('status', { enum: engineerStatuses }).notNull().default('pending'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('engineers_certificate').on(t.jurisdictionId, t.certificateNumber),
    index('engineers_agency').on(t.agencyId),
  ],
);
