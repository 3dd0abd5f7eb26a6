import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../../domain/readiness.js';
import {
  exitReasonLabels,
  measureLabels,
  type ExitReason,
  type MeasureKind,
} from '../../../domain/whitelist.js';
import {
  annualReviews,
  measures,
  whitelistEntries as entries,
  whitelistExits,
} from '../../db/schema/whitelist.js';
import type { Actor } from '../../platform/access/actor.js';
import { abilities } from '../../platform/access/policy.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { containing } from '../../platform/db/like.js';
import { entryPolicy, exitPolicy, reviewPolicy } from './policy.js';
import { unitNames } from './unit-names.js';

export type EntryRow = typeof entries.$inferSelect;

/** Entries: the enterprise its own, the subdistrict its area, jurisdiction-wide roles all. */
export function entryScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: entries.jurisdictionId,
    subdistrict: entries.subdistrictId,
    enterprise: entries.enterpriseId,
  });
}

export async function loadEntry(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(entries)
    .where(and(eq(entries.id, id), entryScope(actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function presentEntries(db: Db, rows: EntryRow[]) {
  const names = await unitNames(
    db,
    rows.map((r) => r.subdistrictId),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    uscc: r.uscc,
    subdistrictId: r.subdistrictId,
    subdistrictName: names.get(r.subdistrictId) ?? '',
    industryCode: r.industryCode,
    validFrom: r.validFrom,
    validTo: r.validTo,
    status: r.status,
    suspendedReason: r.suspendedReason,
    exitedOn: r.exitedOn,
    publishedAt: r.publishedAt.toISOString(),
    plaque: { documentId: r.plaqueDocumentId, number: r.plaqueNumber, verifyUrl: r.plaqueVerifyUrl },
  }));
}

export interface EntryQuery {
  status?: string;
  q?: string;
  subdistrictId?: string;
  page: number;
  pageSize: number;
}

export async function listEntries(db: Db, actor: Actor, query: EntryQuery) {
  const conditions: SQL[] = [entryScope(actor)];
  const statuses = (query.status ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (statuses.length > 0) conditions.push(inArray(entries.status, statuses as EntryRow['status'][]));
  if (query.subdistrictId) conditions.push(eq(entries.subdistrictId, query.subdistrictId));
  const q = query.q?.trim();
  if (q)
    conditions.push(
      or(
        ilike(entries.enterpriseName, containing(q)),
        ilike(entries.uscc, containing(q)),
        ilike(entries.number, containing(q)),
      ) as SQL,
    );
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(entries)
    .where(where);
  const rows = await db
    .select()
    .from(entries)
    .where(where)
    .orderBy(desc(entries.publishedAt), asc(entries.number))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentEntries(db, rows), total: Number(total) };
}

type MeasureRow = typeof measures.$inferSelect;

export function presentMeasure(m: MeasureRow, today = chinaDate(new Date())) {
  return {
    id: m.id,
    kind: m.kind,
    label: measureLabels[m.kind as MeasureKind] ?? m.kind,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    inForce: m.liftedAt === null && m.startsOn <= today && (m.endsOn === null || m.endsOn >= today),
    note: m.note,
    exitId: m.exitId,
  };
}

export async function listMeasures(db: Db, enterpriseId: string) {
  const rows = await db
    .select()
    .from(measures)
    .where(eq(measures.enterpriseId, enterpriseId))
    .orderBy(desc(measures.startsOn), asc(measures.kind));
  return rows.map((m) => presentMeasure(m));
}

/** The last day of the enterprise's re-entry ban in force, if any (eligibility reads it). */
export async function reentryBanUntil(db: Db, enterpriseId: string, today = chinaDate(new Date())) {
  const [row] = await db
    .select({ until: sql<string | null>`max(${measures.endsOn})` })
    .from(measures)
    .where(
      and(
        eq(measures.enterpriseId, enterpriseId),
        eq(measures.kind, 'reentry_ban'),
        isNull(measures.liftedAt),
        sql`${measures.endsOn} >= ${today}`,
      ),
    );
  return row?.until ?? null;
}

type ReviewRow = typeof annualReviews.$inferSelect;

export function presentReview(actor: Actor, r: ReviewRow) {
  const allowed = abilities(reviewPolicy, actor, r);
  return {
    id: r.id,
    entryId: r.entryId,
    dueOn: r.dueOn,
    status: r.status,
    eligibility: r.eligibility,
    note: r.note,
    openedAt: r.openedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    actions: (Object.keys(allowed) as (keyof typeof allowed)[]).filter((k) => allowed[k]),
  };
}

type ExitRow = typeof whitelistExits.$inferSelect;

export async function presentExits(db: Db, actor: Actor, rows: ExitRow[]) {
  const entryRows = rows.length
    ? await db
        .select({ id: entries.id, number: entries.number, enterpriseName: entries.enterpriseName })
        .from(entries)
        .where(inArray(entries.id, [...new Set(rows.map((r) => r.entryId))]))
    : [];
  const byId = new Map(entryRows.map((e) => [e.id, e]));
  const measureRows = rows.length
    ? await db
        .select()
        .from(measures)
        .where(
          inArray(
            measures.exitId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    id: r.id,
    entryId: r.entryId,
    entryNumber: byId.get(r.entryId)?.number ?? '',
    enterpriseId: r.enterpriseId,
    enterpriseName: byId.get(r.entryId)?.enterpriseName ?? '',
    reason: r.reason,
    reasonLabel: exitReasonLabels[r.reason as ExitReason] ?? r.reason,
    status: r.status,
    sourceKind: r.sourceKind,
    summary: r.summary,
    evidence: r.evidence,
    proposedAt: r.proposedAt.toISOString(),
    proposedBy: r.proposedBy,
    decisionNote: r.decisionNote,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decision: r.decisionDocumentId
      ? {
          documentId: r.decisionDocumentId,
          number: r.decisionNumber ?? '',
          verifyUrl: r.decisionVerifyUrl ?? '',
        }
      : null,
    measures: measureRows.filter((m) => m.exitId === r.id).map((m) => presentMeasure(m)),
    actions: exitPolicy.decide(actor, r) ? ['decide'] : [],
  }));
}

export function exitScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: whitelistExits.jurisdictionId,
    subdistrict: whitelistExits.subdistrictId,
    enterprise: whitelistExits.enterpriseId,
  });
}

export async function entryDetail(db: Db, actor: Actor, id: string) {
  const row = await loadEntry(db, actor, id);
  if (!row) return undefined;
  const [entry] = await presentEntries(db, [row]);
  const reviews = await db
    .select()
    .from(annualReviews)
    .where(eq(annualReviews.entryId, id))
    .orderBy(desc(annualReviews.dueOn));
  const exits = await db
    .select()
    .from(whitelistExits)
    .where(eq(whitelistExits.entryId, id))
    .orderBy(desc(whitelistExits.proposedAt));
  const allowed = abilities(entryPolicy, actor, row);
  // one request to leave at a time
  if (exits.some((x) => x.status === 'proposed' && x.sourceKind === 'enterprise_request'))
    allowed.withdraw = false;
  return {
    ...entry,
    reviews: reviews.map((r) => presentReview(actor, r)),
    exits: await presentExits(db, actor, exits),
    measures: await listMeasures(db, row.enterpriseId),
    actions: (Object.keys(allowed) as (keyof typeof allowed)[]).filter((k) => allowed[k]),
  };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the plaque's verification page says about the membership now (在册 / 暂停 / 已退出). */
export async function entryStatusLine(db: Db, entryId: string) {
  if (!uuid.test(entryId)) return null;
  const [row] = await db
    .select({
      status: entries.status,
      validTo: entries.validTo,
      exitedOn: entries.exitedOn,
      number: entries.number,
    })
    .from(entries)
    .where(eq(entries.id, entryId));
  if (!row) return null;
  if (row.status === 'exited')
    return {
      label: `白名单状态：已退出（${row.exitedOn ?? ''}），编号 ${row.number} 作废`,
      tone: 'bad' as const,
    };
  if (row.status === 'suspended')
    return { label: `白名单状态：暂停（编号 ${row.number}）`, tone: 'warning' as const };
  if (row.validTo < chinaDate(new Date()))
    return { label: `白名单状态：已过有效期（${row.validTo}）`, tone: 'bad' as const };
  return { label: `白名单状态：在册（编号 ${row.number}，有效期至 ${row.validTo}）`, tone: 'ok' as const };
}
