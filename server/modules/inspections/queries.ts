import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { assessmentAnswers, assessments } from '../../db/schema/inspections.js';
import type { Actor } from '../../platform/access/actor.js';
import { engagedBy } from '../../platform/access/engaged.js';
import { abilities } from '../../platform/access/policy.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { enterpriseNames } from '../registry/queries.js';
import { assessmentPolicy } from './policy.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AnswerRow = typeof assessmentAnswers.$inferSelect;

/** An agency sees the first inspections it performs and the assessments of enterprises engaging it. */
export function assessmentScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: assessments.jurisdictionId,
    subdistrict: assessments.subdistrictId,
    enterprise: assessments.enterpriseId,
    agency: (agencyId) =>
      or(eq(assessments.agencyId, agencyId), engagedBy(assessments.enterpriseId)(agencyId)) as SQL,
  });
}

export async function loadAssessment(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, id), assessmentScope(actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function answersOf(db: Db, assessmentId: string): Promise<AnswerRow[]> {
  return db
    .select()
    .from(assessmentAnswers)
    .where(eq(assessmentAnswers.assessmentId, assessmentId))
    .orderBy(asc(assessmentAnswers.position));
}

function progressOf(answers: readonly AnswerRow[]) {
  const count = (p: (a: AnswerRow) => boolean) => answers.filter(p).length;
  return {
    items: answers.length,
    answered: count((a) => a.result !== null && !a.toReview),
    toReview: count((a) => a.toReview),
    compliant: count((a) => a.result === 'compliant'),
    nonCompliant: count((a) => a.result === 'non_compliant'),
    notApplicable: count((a) => a.result === 'not_applicable'),
  };
}

export function presentSummary(row: AssessmentRow & { enterpriseName: string }) {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    kind: row.kind,
    agencyId: row.agencyId,
    standardTitle: row.standardTitle,
    versionNumber: row.versionNumber,
    standardVersionId: row.standardVersionId,
    tags: row.tags,
    status: row.status,
    copiedFromId: row.copiedFromId,
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

export function presentAnswer(a: AnswerRow) {
  return {
    itemCode: a.itemCode,
    position: a.position,
    module: a.module,
    requirement: a.requirement,
    checkMethod: a.checkMethod,
    evidenceHint: a.evidenceHint,
    isKey: a.isKey,
    majorHazard: a.majorHazard,
    result: a.result,
    toReview: a.toReview,
    note: a.note,
    naReason: a.naReason,
    evidence: a.evidence,
    markedMajor: a.markedMajor,
    answeredAt: a.answeredAt?.toISOString() ?? null,
  };
}

export async function assessmentDetail(db: Db, actor: Actor, id: string) {
  const row = await loadAssessment(db, actor, id);
  if (!row) return undefined;
  const answers = await answersOf(db, id);
  const names = await enterpriseNames(db, [row.enterpriseId]);
  return {
    ...presentSummary({ ...row, enterpriseName: names.get(row.enterpriseId) ?? '' }),
    progress: progressOf(answers),
    answers: answers.map(presentAnswer),
    abilities: abilities(assessmentPolicy, actor, row),
  };
}

export interface AssessmentFilter {
  enterpriseId?: string;
  status?: 'in_progress' | 'completed';
  kind?: 'self' | 'agency_first';
  page: number;
  pageSize: number;
}

export async function listAssessments(db: Db, actor: Actor, f: AssessmentFilter) {
  const where = and(
    assessmentScope(actor),
    f.enterpriseId ? eq(assessments.enterpriseId, f.enterpriseId) : undefined,
    f.status ? eq(assessments.status, f.status) : undefined,
    f.kind ? eq(assessments.kind, f.kind) : undefined,
  );
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(assessments)
    .where(where);
  const rows = await db
    .select()
    .from(assessments)
    .where(where)
    .orderBy(desc(assessments.startedAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const names = await enterpriseNames(
    db,
    rows.map((r) => r.enterpriseId),
  );
  return {
    total,
    items: rows.map((r) => ({
      ...presentSummary({ ...r, enterpriseName: names.get(r.enterpriseId) ?? '' }),
      abilities: abilities(assessmentPolicy, actor, r),
    })),
  };
}

/** The newest assessment of each kind of an enterprise (unscoped: the caller checked the enterprise). */
export async function latestAssessments(db: Db, enterpriseId: string) {
  const rows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.enterpriseId, enterpriseId))
    .orderBy(desc(assessments.startedAt));
  const pick = (kind: AssessmentRow['kind']) => rows.find((r) => r.kind === kind);
  return {
    self: pick('self'),
    agencyFirst: pick('agency_first'),
    lastCompleted: rows.find((r) => r.status === 'completed'),
  };
}

/** Whether the agency performed a first inspection of the enterprise since a date (independence of confirmations). */
export async function inspectedBySince(
  db: Db,
  agencyId: string,
  enterpriseId: string,
  since: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        eq(assessments.agencyId, agencyId),
        eq(assessments.enterpriseId, enterpriseId),
        sql`coalesce(${assessments.completedAt}, ${assessments.startedAt}) >= ${since}`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Which of the enterprises have completed at least one self-inspection (a park's tenants whose status is known). */
export async function withCompletedSelfInspection(
  db: Db,
  enterpriseIds: readonly string[],
): Promise<Set<string>> {
  if (enterpriseIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: assessments.enterpriseId })
    .from(assessments)
    .where(and(inArray(assessments.enterpriseId, [...enterpriseIds]), eq(assessments.status, 'completed')));
  return new Set(rows.map((r) => r.id));
}
