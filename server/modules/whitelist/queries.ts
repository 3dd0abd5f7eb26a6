import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { eventKindLabel } from '../../../domain/labels.js';
import { allowedActions } from '../../../domain/transitions.js';
import {
  applicationTransitions,
  type ApplicationStatus,
  type OpinionStatus,
} from '../../../domain/whitelist.js';
import { events } from '../../db/schema/platform.js';
import { unitNames } from './unit-names.js';
import {
  objections,
  publicNotices,
  whitelistApplications as apps,
  whitelistEntries,
  whitelistEntries as entries,
  whitelistOpinions,
} from '../../db/schema/whitelist.js';
import { hasRole, unitsWithRole, type Actor } from '../../platform/access/actor.js';
import { can } from '../../platform/access/policy.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { containing } from '../../platform/db/like.js';
import { applicationPolicy, isBureau } from './policy.js';
import { entryScope, presentEntries, presentReview, reentryBanUntil } from './entry-queries.js';
import { annualReviews } from '../../db/schema/whitelist.js';

export { reentryBanUntil, listMeasures } from './entry-queries.js';

export type ApplicationRow = typeof apps.$inferSelect;

/**
 * Applications an actor sees: the enterprise its own, the subdistrict its area, the bureau all, and a department
 * the applications it was asked about.
 */
export function applicationScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: apps.jurisdictionId,
    subdistrict: apps.subdistrictId,
    enterprise: apps.enterpriseId,
    department: (departmentId) =>
      sql`exists (select 1 from ${whitelistOpinions} o where o.application_id = ${apps.id} and o.department_id = ${departmentId})`,
  });
}

export async function loadApplication(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(apps)
    .where(and(eq(apps.id, id), applicationScope(actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

type OpinionCounts = { pending: number; objected: number; escalated: number; cleared: number; total: number };

async function opinionSummaries(db: Db, ids: string[]) {
  const out = new Map<string, OpinionCounts & { deadline: string | null }>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      applicationId: whitelistOpinions.applicationId,
      status: whitelistOpinions.status,
      deadline: whitelistOpinions.deadline,
    })
    .from(whitelistOpinions)
    .where(
      and(inArray(whitelistOpinions.applicationId, ids), sql`${whitelistOpinions.status} <> 'superseded'`),
    );
  for (const r of rows) {
    const s = out.get(r.applicationId) ?? {
      pending: 0,
      objected: 0,
      escalated: 0,
      cleared: 0,
      total: 0,
      deadline: null,
    };
    s.total += 1;
    if (r.status === 'pending') s.pending += 1;
    else if (r.status === 'objected') s.objected += 1;
    else if (r.status === 'escalated') s.escalated += 1;
    else s.cleared += 1;
    if (r.status === 'pending' && (s.deadline === null || r.deadline > s.deadline)) s.deadline = r.deadline;
    out.set(r.applicationId, s);
  }
  return out;
}

/** Applications as lists and details present them. */
export async function presentApplications(db: Db, rows: ApplicationRow[]) {
  const [names, opinions] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => r.subdistrictId),
    ),
    opinionSummaries(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => {
    const o = opinions.get(r.id);
    return {
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      uscc: r.uscc,
      subdistrictId: r.subdistrictId,
      subdistrictName: names.get(r.subdistrictId) ?? '',
      industryCode: r.industryCode,
      status: r.status,
      reason: r.reason,
      batchId: r.batchId,
      noticeId: r.noticeId,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      collectedAt: r.collectedAt?.toISOString() ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      opinions: {
        pending: o?.pending ?? 0,
        objected: o?.objected ?? 0,
        escalated: o?.escalated ?? 0,
        cleared: o?.cleared ?? 0,
        total: o?.total ?? 0,
      },
      opinionDeadline: o?.deadline ?? null,
    };
  });
}

export interface ApplicationQuery {
  status?: string;
  subdistrictId?: string;
  q?: string;
  batchId?: string;
  noticeId?: string;
  page: number;
  pageSize: number;
}

export async function listApplications(db: Db, actor: Actor, query: ApplicationQuery) {
  const conditions: SQL[] = [applicationScope(actor)];
  const statuses = (query.status ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (statuses.length > 0) conditions.push(inArray(apps.status, statuses as ApplicationStatus[]));
  if (query.subdistrictId) conditions.push(eq(apps.subdistrictId, query.subdistrictId));
  if (query.batchId) conditions.push(eq(apps.batchId, query.batchId));
  if (query.noticeId) conditions.push(eq(apps.noticeId, query.noticeId));
  const q = query.q?.trim();
  if (q) {
    const pattern = containing(q);
    conditions.push(or(ilike(apps.enterpriseName, pattern), ilike(apps.uscc, pattern)) as SQL);
  }
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(apps)
    .where(where);
  const rows = await db
    .select()
    .from(apps)
    .where(where)
    .orderBy(desc(apps.updatedAt), asc(apps.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentApplications(db, rows), total: Number(total) };
}

/** The actions the actor may take now: the policy and the transition table agree. */
function actionsOf(actor: Actor, row: ApplicationRow, pendingOpinionForActor: boolean): string[] {
  const table = allowedActions(applicationTransitions, row.status);
  const out: string[] = [];
  for (const action of ['submit', 'withdraw', 'collect', 'return', 'review', 'solicit', 'reject'] as const) {
    if (table.includes(action) && can(applicationPolicy, actor, action, row)) out.push(action);
  }
  if (pendingOpinionForActor) out.push('opinion');
  return out;
}

export async function applicationDetail(db: Db, actor: Actor, id: string) {
  const row = await loadApplication(db, actor, id);
  if (!row) return undefined;
  const [summary] = await presentApplications(db, [row]);
  const opinionRows = await db
    .select()
    .from(whitelistOpinions)
    .where(and(eq(whitelistOpinions.applicationId, id), sql`${whitelistOpinions.status} <> 'superseded'`))
    .orderBy(asc(whitelistOpinions.requestedAt));
  const departments = await unitNames(
    db,
    opinionRows.map((o) => o.departmentId),
  );
  const myDepartments = unitsWithRole(actor, 'department_officer');
  const pendingForMe =
    row.status === 'opinions' &&
    opinionRows.some((o) => o.status === 'pending' && myDepartments.includes(o.departmentId));
  const [notice] = row.noticeId
    ? await db.select().from(publicNotices).where(eq(publicNotices.id, row.noticeId))
    : [];
  const objectionRows = isBureau(actor)
    ? await db
        .select()
        .from(objections)
        .where(eq(objections.applicationId, id))
        .orderBy(asc(objections.filedAt))
    : [];
  const [entry] = await db.select().from(whitelistEntries).where(eq(whitelistEntries.applicationId, id));
  const history = await db
    .select()
    .from(events)
    .where(and(eq(events.entityType, 'whitelist_application'), eq(events.entityId, id)))
    .orderBy(asc(events.seq));
  return {
    ...summary,
    opinionSummary: summary.opinions,
    eligibility: row.eligibility,
    opinions: opinionRows.map((o) => ({
      id: o.id,
      departmentId: o.departmentId,
      departmentName: departments.get(o.departmentId) ?? '',
      status: o.status as OpinionStatus,
      deadline: o.deadline,
      deadlineEstimated: o.deadlineEstimated,
      reason: o.reason,
      answeredAt: o.answeredAt?.toISOString() ?? null,
    })),
    notice: notice
      ? {
          id: notice.id,
          number: notice.number,
          title: notice.title,
          startsOn: notice.startsOn,
          endsOn: notice.endsOn,
          endsEstimated: notice.endsEstimated,
          status: notice.status,
        }
      : null,
    objections: objectionRows.map((o) => ({
      id: o.id,
      name: o.name,
      contact: o.contact,
      content: o.content,
      evidence: o.evidence,
      status: o.status,
      resolution: o.resolution,
      filedAt: o.filedAt.toISOString(),
      handledAt: o.handledAt?.toISOString() ?? null,
    })),
    entry: entry
      ? {
          id: entry.id,
          number: entry.number,
          validFrom: entry.validFrom,
          validTo: entry.validTo,
          status: entry.status,
        }
      : null,
    history: history.map((e) => {
      const after = (e.after ?? {}) as { note?: string; reason?: string | null };
      return {
        kind: e.kind,
        label: eventKindLabel(e.kind),
        at: e.at.toISOString(),
        actorLabel: e.actorLabel,
        note: after.note ?? after.reason ?? null,
      };
    }),
    actions: actionsOf(actor, row, pendingForMe && hasRole(actor, 'department_officer')),
  };
}

export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof applicationDetail>>>;

/** What the enterprise home shows: its entry, its open (or last) application, a ban, an open review. */
export async function whitelistStatusOf(db: Db, actor: Actor, enterpriseId: string) {
  const [entry] = await db
    .select()
    .from(entries)
    .where(and(eq(entries.enterpriseId, enterpriseId), entryScope(actor)))
    .orderBy(desc(entries.publishedAt))
    .limit(1);
  const [application] = await db
    .select()
    .from(apps)
    .where(eq(apps.enterpriseId, enterpriseId))
    .orderBy(desc(apps.createdAt))
    .limit(1);
  const [review] = entry
    ? await db
        .select()
        .from(annualReviews)
        .where(and(eq(annualReviews.entryId, entry.id), inArray(annualReviews.status, ['open', 'submitted'])))
    : [];
  return {
    entry: entry ? (await presentEntries(db, [entry]))[0] : null,
    application: application ? (await presentApplications(db, [application]))[0] : null,
    reentryBanUntil: await reentryBanUntil(db, enterpriseId),
    review: review ? presentReview(actor, review) : null,
  };
}
