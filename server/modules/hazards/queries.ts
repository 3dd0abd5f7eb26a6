import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { extensionRequests, hazards } from '../../db/schema/hazards.js';
import type { Actor } from '../../platform/access/actor.js';
import { engagedBy } from '../../platform/access/engaged.js';
import { abilities } from '../../platform/access/policy.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { enterpriseNames } from '../registry/queries.js';
import { extensionPolicy, hazardPolicy } from './policy.js';

export type HazardRow = typeof hazards.$inferSelect;
export type ExtensionRow = typeof extensionRequests.$inferSelect;

/** An agency sees the hazards it guides and those of enterprises engaging it. */
export function hazardScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: hazards.jurisdictionId,
    subdistrict: hazards.subdistrictId,
    enterprise: hazards.enterpriseId,
    agency: (agencyId) =>
      or(eq(hazards.guidingAgencyId, agencyId), engagedBy(hazards.enterpriseId)(agencyId)) as SQL,
  });
}

export function extensionScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: extensionRequests.jurisdictionId,
    subdistrict: extensionRequests.subdistrictId,
    enterprise: extensionRequests.enterpriseId,
    agency: engagedBy(extensionRequests.enterpriseId),
  });
}

export async function loadHazard(
  db: Db,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<HazardRow | undefined> {
  const q = db
    .select()
    .from(hazards)
    .where(and(eq(hazards.id, id), hazardScope(actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function loadExtension(
  db: Db,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ExtensionRow | undefined> {
  const q = db
    .select()
    .from(extensionRequests)
    .where(and(eq(extensionRequests.id, id), extensionScope(actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export function presentHazard(h: HazardRow, enterpriseName: string, actor: Actor, today: string) {
  return {
    id: h.id,
    enterpriseId: h.enterpriseId,
    enterpriseName,
    subdistrictId: h.subdistrictId,
    assessmentId: h.assessmentId,
    itemCode: h.itemCode,
    title: h.title,
    description: h.description,
    severity: h.severity,
    majorReason: h.majorReason,
    status: h.status,
    ownerName: h.ownerName,
    deadline: h.deadline,
    originalDeadline: h.originalDeadline,
    overdue: h.status !== 'closed' && (h.overdue || h.deadline < today),
    interimMeasures: h.interimMeasures,
    plan: h.plan,
    beforeEvidence: h.beforeEvidence,
    afterEvidence: h.afterEvidence,
    closureNote: h.closureNote,
    guidingAgencyId: h.guidingAgencyId,
    verificationNote: h.verificationNote,
    reportedAt: h.reportedAt.toISOString(),
    submittedAt: h.submittedAt?.toISOString() ?? null,
    closedAt: h.closedAt?.toISOString() ?? null,
    abilities: abilities(hazardPolicy, actor, h),
  };
}

export function presentExtension(x: ExtensionRow, enterpriseName: string, hazardTitle: string, actor: Actor) {
  return {
    id: x.id,
    hazardId: x.hazardId,
    hazardTitle,
    enterpriseId: x.enterpriseId,
    enterpriseName,
    subdistrictId: x.subdistrictId,
    status: x.status,
    deadlineAtRequest: x.deadlineAtRequest,
    requestedDeadline: x.requestedDeadline,
    reason: x.reason,
    interimControls: x.interimControls,
    evidence: x.evidence,
    requestedAt: x.requestedAt.toISOString(),
    decidedAt: x.decidedAt?.toISOString() ?? null,
    decisionReason: x.decisionReason,
    approvedDeadline: x.approvedDeadline,
    documentId: x.documentId,
    documentNumber: x.documentNumber,
    abilities: abilities(extensionPolicy, actor, x),
  };
}

export interface HazardFilter {
  enterpriseId?: string;
  subdistrictId?: string;
  status?: HazardRow['status'];
  severity?: HazardRow['severity'];
  /** open hazards (not closed) only */
  unresolved?: boolean;
  overdue?: boolean;
  assessmentId?: string;
  page: number;
  pageSize: number;
}

export async function listHazards(db: Db, actor: Actor, f: HazardFilter, today: string) {
  const where = and(
    hazardScope(actor),
    f.enterpriseId ? eq(hazards.enterpriseId, f.enterpriseId) : undefined,
    f.subdistrictId ? eq(hazards.subdistrictId, f.subdistrictId) : undefined,
    f.status ? eq(hazards.status, f.status) : undefined,
    f.severity ? eq(hazards.severity, f.severity) : undefined,
    f.assessmentId ? eq(hazards.assessmentId, f.assessmentId) : undefined,
    f.unresolved ? sql`${hazards.status} <> 'closed'` : undefined,
    f.overdue === true
      ? sql`${hazards.status} <> 'closed' and (${hazards.overdue} or ${hazards.deadline} < ${today})`
      : undefined,
  );
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(hazards)
    .where(where);
  const rows = await db
    .select()
    .from(hazards)
    .where(where)
    // what needs attention first: unresolved, major, nearest deadline
    .orderBy(
      sql`(${hazards.status} = 'closed')`,
      desc(sql`(${hazards.severity} = 'major')`),
      asc(hazards.deadline),
      desc(hazards.reportedAt),
    )
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const names = await enterpriseNames(
    db,
    rows.map((r) => r.enterpriseId),
  );
  return { total, items: rows.map((r) => presentHazard(r, names.get(r.enterpriseId) ?? '', actor, today)) };
}

export async function extensionsOfHazard(db: Db, actor: Actor, hazard: HazardRow) {
  const rows = await db
    .select()
    .from(extensionRequests)
    .where(and(eq(extensionRequests.hazardId, hazard.id), extensionScope(actor)))
    .orderBy(desc(extensionRequests.requestedAt));
  const names = await enterpriseNames(db, [hazard.enterpriseId]);
  return rows.map((x) => presentExtension(x, names.get(x.enterpriseId) ?? '', hazard.title, actor));
}

export interface ExtensionFilter {
  status?: ExtensionRow['status'];
  enterpriseId?: string;
  subdistrictId?: string;
  page: number;
  pageSize: number;
}

export async function listExtensions(db: Db, actor: Actor, f: ExtensionFilter) {
  const where = and(
    extensionScope(actor),
    f.status ? eq(extensionRequests.status, f.status) : undefined,
    f.enterpriseId ? eq(extensionRequests.enterpriseId, f.enterpriseId) : undefined,
    f.subdistrictId ? eq(extensionRequests.subdistrictId, f.subdistrictId) : undefined,
  );
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(extensionRequests)
    .where(where);
  const rows = await db
    .select({ x: extensionRequests, hazardTitle: hazards.title })
    .from(extensionRequests)
    .innerJoin(hazards, eq(hazards.id, extensionRequests.hazardId))
    .where(where)
    .orderBy(sql`(${extensionRequests.status} <> 'pending')`, desc(extensionRequests.requestedAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const names = await enterpriseNames(
    db,
    rows.map((r) => r.x.enterpriseId),
  );
  return {
    total,
    items: rows.map((r) => presentExtension(r.x, names.get(r.x.enterpriseId) ?? '', r.hazardTitle, actor)),
  };
}

/** Counts of an enterprise's unresolved hazards (unscoped: the caller checked the enterprise). */
export async function hazardCounts(db: Db, enterpriseId: string, today: string) {
  const [row] = await db
    .select({
      unresolved: sql<number>`count(*) filter (where ${hazards.status} <> 'closed')::int`,
      major: sql<number>`count(*) filter (where ${hazards.status} <> 'closed' and ${hazards.severity} = 'major')::int`,
      overdue: sql<number>`count(*) filter (where ${hazards.status} <> 'closed' and (${hazards.overdue} or ${hazards.deadline} < ${today}))::int`,
      awaitingVerification: sql<number>`count(*) filter (where ${hazards.status} = 'awaiting_verification')::int`,
      closed: sql<number>`count(*) filter (where ${hazards.status} = 'closed')::int`,
    })
    .from(hazards)
    .where(eq(hazards.enterpriseId, enterpriseId));
  const [pending] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(extensionRequests)
    .where(and(eq(extensionRequests.enterpriseId, enterpriseId), eq(extensionRequests.status, 'pending')));
  return { ...row, pendingExtensions: pending?.n ?? 0 };
}

/** Major hazards found on given items of an enterprise in a period: findings that contradict a confirmation. */
export async function majorHazardsOnItems(
  db: Db,
  enterpriseId: string,
  itemCodes: readonly string[],
  from: Date,
  to: Date,
): Promise<number> {
  if (itemCodes.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(hazards)
    .where(
      and(
        eq(hazards.enterpriseId, enterpriseId),
        eq(hazards.severity, 'major'),
        sql`${hazards.itemCode} in (${sql.join(
          itemCodes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
        sql`${hazards.reportedAt} > ${from} and ${hazards.reportedAt} <= ${to}`,
      ),
    );
  return row?.n ?? 0;
}
