import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../../domain/readiness.js';
import {
  annualReviews,
  collectionBatches,
  objections,
  publicNotices,
  whitelistApplications as apps,
  whitelistEntries,
  whitelistExits,
  whitelistOpinions,
} from '../../db/schema/whitelist.js';
import { events } from '../../db/schema/platform.js';
import { hasRole, type Actor } from '../../platform/access/actor.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { entryScope, exitScope, presentExits, presentReview } from './entry-queries.js';
import { isBureau } from './policy.js';
import { presentApplications } from './queries.js';
import { unitNames } from './unit-names.js';

type Page = { page: number; pageSize: number };
const window = (q: Page) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** A department's inbox: the opinions asked of it. */
export async function listOpinions(db: Db, actor: Actor, q: Page & { status?: 'pending' | 'answered' }) {
  const conditions: SQL[] = [
    scopeWhere(actor, {
      jurisdiction: whitelistOpinions.jurisdictionId,
      department: whitelistOpinions.departmentId,
    }),
    ne(whitelistOpinions.status, 'superseded'),
  ];
  if (!hasRole(actor, 'department_officer', 'bureau_admin', 'bureau_reviewer')) conditions.push(sql`false`);
  if (q.status === 'pending') conditions.push(eq(whitelistOpinions.status, 'pending'));
  if (q.status === 'answered') conditions.push(ne(whitelistOpinions.status, 'pending'));
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(whitelistOpinions)
    .where(where);
  const rows = await db
    .select({ o: whitelistOpinions, a: apps })
    .from(whitelistOpinions)
    .innerJoin(apps, eq(apps.id, whitelistOpinions.applicationId))
    .where(where)
    .orderBy(asc(whitelistOpinions.deadline), asc(whitelistOpinions.id))
    .limit(window(q).limit)
    .offset(window(q).offset);
  const names = await unitNames(
    db,
    rows.flatMap((r) => [r.o.departmentId, r.a.subdistrictId]),
  );
  return {
    total: Number(total),
    items: rows.map(({ o, a }) => ({
      id: o.id,
      applicationId: a.id,
      enterpriseName: a.enterpriseName,
      uscc: a.uscc,
      industryCode: a.industryCode,
      subdistrictName: names.get(a.subdistrictId) ?? '',
      departmentId: o.departmentId,
      departmentName: names.get(o.departmentId) ?? '',
      status: o.status,
      requestedAt: o.requestedAt.toISOString(),
      deadline: o.deadline,
      deadlineEstimated: o.deadlineEstimated,
      reason: o.reason,
      answeredAt: o.answeredAt?.toISOString() ?? null,
    })),
  };
}

function batchScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: collectionBatches.jurisdictionId,
    subdistrict: collectionBatches.subdistrictId,
  });
}

export async function listBatches(db: Db, actor: Actor, q: Page) {
  const staffOnly = hasRole(actor, 'department_officer', 'enforcement_officer') && !isBureau(actor);
  const where = and(batchScope(actor), staffOnly ? sql`false` : sql`true`);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(collectionBatches)
    .where(where);
  const rows = await db
    .select()
    .from(collectionBatches)
    .where(where)
    .orderBy(desc(collectionBatches.createdAt))
    .limit(window(q).limit)
    .offset(window(q).offset);
  const ids = rows.map((b) => b.id);
  const counts = ids.length
    ? await db
        .select({ id: apps.batchId, n: sql<number>`count(*)::int` })
        .from(apps)
        .where(inArray(apps.batchId, ids))
        .groupBy(apps.batchId)
    : [];
  const senders = ids.length
    ? await db
        .select({ id: events.entityId, label: events.actorLabel })
        .from(events)
        .where(and(eq(events.entityType, 'collection_batch'), inArray(events.entityId, ids)))
    : [];
  const count = new Map(counts.map((c) => [c.id, Number(c.n)]));
  const sender = new Map(senders.map((e) => [e.id, e.label]));
  const names = await unitNames(
    db,
    rows.map((b) => b.subdistrictId),
  );
  return {
    total: Number(total),
    items: rows.map((b) => ({
      id: b.id,
      subdistrictId: b.subdistrictId,
      subdistrictName: names.get(b.subdistrictId) ?? '',
      note: b.note,
      createdAt: b.createdAt.toISOString(),
      createdByLabel: sender.get(b.id) ?? '',
      count: count.get(b.id) ?? 0,
    })),
  };
}

export async function batchDetail(db: Db, actor: Actor, id: string) {
  const [b] = await db
    .select()
    .from(collectionBatches)
    .where(and(eq(collectionBatches.id, id), batchScope(actor)));
  if (!b) return undefined;
  const rows = await db.select().from(apps).where(eq(apps.batchId, id)).orderBy(asc(apps.enterpriseName));
  const names = await unitNames(db, [b.subdistrictId]);
  return {
    id: b.id,
    subdistrictId: b.subdistrictId,
    subdistrictName: names.get(b.subdistrictId) ?? '',
    note: b.note,
    createdAt: b.createdAt.toISOString(),
    createdByLabel: '',
    count: rows.length,
    applications: await presentApplications(db, rows),
  };
}

type NoticeRow = typeof publicNotices.$inferSelect;

export const noticeStatus = (n: NoticeRow, today = chinaDate(new Date())): 'open' | 'ended' | 'published' =>
  n.status === 'published' ? 'published' : today > n.endsOn ? 'ended' : 'open';

async function presentNotices(db: Db, rows: NoticeRow[]) {
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({ id: apps.noticeId, n: sql<number>`count(*)::int` })
        .from(apps)
        .where(inArray(apps.noticeId, ids))
        .groupBy(apps.noticeId)
    : [];
  const open = ids.length
    ? await db
        .select({ id: objections.noticeId, n: sql<number>`count(*)::int` })
        .from(objections)
        .where(and(inArray(objections.noticeId, ids), eq(objections.status, 'open')))
        .groupBy(objections.noticeId)
    : [];
  const count = new Map(counts.map((c) => [c.id, Number(c.n)]));
  const openCount = new Map(open.map((c) => [c.id, Number(c.n)]));
  return rows.map((n) => ({
    id: n.id,
    number: n.number,
    title: n.title,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    endsEstimated: n.endsEstimated,
    status: noticeStatus(n),
    documentId: n.documentId,
    verifyUrl: n.verifyUrl,
    count: count.get(n.id) ?? 0,
    openObjections: openCount.get(n.id) ?? 0,
  }));
}

/** Notices are the bureau's work; the public reads running ones through the public routes. */
const noticeWhere = (actor: Actor) =>
  isBureau(actor) ? eq(publicNotices.jurisdictionId, actor.jurisdictionId) : sql`false`;

export async function listNotices(
  db: Db,
  actor: Actor,
  q: Page & { status?: 'open' | 'ended' | 'published' },
) {
  const today = chinaDate(new Date());
  const conditions: SQL[] = [noticeWhere(actor)];
  if (q.status === 'published') conditions.push(eq(publicNotices.status, 'published'));
  if (q.status === 'open')
    conditions.push(and(eq(publicNotices.status, 'open'), sql`${publicNotices.endsOn} >= ${today}`) as SQL);
  if (q.status === 'ended')
    conditions.push(and(eq(publicNotices.status, 'open'), sql`${publicNotices.endsOn} < ${today}`) as SQL);
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(publicNotices)
    .where(where);
  const rows = await db
    .select()
    .from(publicNotices)
    .where(where)
    .orderBy(desc(publicNotices.createdAt))
    .limit(window(q).limit)
    .offset(window(q).offset);
  return { total: Number(total), items: await presentNotices(db, rows) };
}

export async function noticeDetail(db: Db, actor: Actor, id: string) {
  const [n] = await db
    .select()
    .from(publicNotices)
    .where(and(eq(publicNotices.id, id), noticeWhere(actor)));
  if (!n) return undefined;
  const [summary] = await presentNotices(db, [n]);
  const appRows = await db.select().from(apps).where(eq(apps.noticeId, id)).orderBy(asc(apps.enterpriseName));
  const objectionRows = await db
    .select({ o: objections, enterpriseName: apps.enterpriseName })
    .from(objections)
    .innerJoin(apps, eq(apps.id, objections.applicationId))
    .where(eq(objections.noticeId, id))
    .orderBy(asc(objections.filedAt));
  const entryRows = appRows.length
    ? await db
        .select({
          id: whitelistEntries.id,
          number: whitelistEntries.number,
          enterpriseName: whitelistEntries.enterpriseName,
        })
        .from(whitelistEntries)
        .where(
          inArray(
            whitelistEntries.applicationId,
            appRows.map((a) => a.id),
          ),
        )
        .orderBy(asc(whitelistEntries.number))
    : [];
  return {
    ...summary,
    applications: await presentApplications(db, appRows),
    objections: objectionRows.map(({ o, enterpriseName }) => ({
      id: o.id,
      applicationId: o.applicationId,
      enterpriseName,
      name: o.name,
      contact: o.contact,
      content: o.content,
      evidence: o.evidence,
      status: o.status,
      resolution: o.resolution,
      filedAt: o.filedAt.toISOString(),
      handledAt: o.handledAt?.toISOString() ?? null,
    })),
    entries: entryRows,
  };
}

export async function listExits(
  db: Db,
  actor: Actor,
  q: Page & { status?: 'proposed' | 'decided' | 'dismissed' },
) {
  const conditions: SQL[] = [exitScope(actor)];
  if (q.status) conditions.push(eq(whitelistExits.status, q.status));
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(whitelistExits)
    .where(where);
  const rows = await db
    .select()
    .from(whitelistExits)
    .where(where)
    .orderBy(desc(whitelistExits.proposedAt))
    .limit(window(q).limit)
    .offset(window(q).offset);
  return { total: Number(total), items: await presentExits(db, actor, rows) };
}

export async function exitDetail(db: Db, actor: Actor, id: string) {
  const rows = await db
    .select()
    .from(whitelistExits)
    .where(and(eq(whitelistExits.id, id), exitScope(actor)));
  if (rows.length === 0) return undefined;
  return (await presentExits(db, actor, rows))[0];
}

export async function listReviews(db: Db, actor: Actor, q: Page & { status?: string }) {
  const conditions: SQL[] = [entryScope(actor)];
  if (q.status) conditions.push(eq(annualReviews.status, q.status as 'open'));
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(annualReviews)
    .innerJoin(whitelistEntries, eq(whitelistEntries.id, annualReviews.entryId))
    .where(where);
  const rows = await db
    .select({ r: annualReviews })
    .from(annualReviews)
    .innerJoin(whitelistEntries, eq(whitelistEntries.id, annualReviews.entryId))
    .where(where)
    .orderBy(asc(annualReviews.dueOn))
    .limit(window(q).limit)
    .offset(window(q).offset);
  return { total: Number(total), items: rows.map(({ r }) => presentReview(actor, r)) };
}
