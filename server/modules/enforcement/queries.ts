import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  adviceCampaigns,
  adviceLetters,
  enforcementInspections as inspections,
  violations,
  violationTypes,
} from '../../db/schema/enforcement.js';
import type { Actor } from '../../platform/access/actor.js';
import { abilities } from '../../platform/access/policy.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { containing } from '../../platform/db/like.js';
import { campaignPolicy, letterPolicy, violationPolicy } from './policy.js';
import { unitNameMap } from './units.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function inspectionScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: inspections.jurisdictionId,
    subdistrict: inspections.subdistrictId,
    enterprise: inspections.enterpriseId,
    department: inspections.departmentId,
  });
}

export function violationScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: violations.jurisdictionId,
    subdistrict: violations.subdistrictId,
    enterprise: violations.enterpriseId,
    department: violations.departmentId,
  });
}

/** Campaigns: the bureau sees all, department staff their department's; enterprises see their letters instead. */
export function campaignScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: adviceCampaigns.jurisdictionId,
    department: adviceCampaigns.departmentId,
  });
}

export function letterScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: adviceLetters.jurisdictionId,
    subdistrict: adviceLetters.subdistrictId,
    enterprise: adviceLetters.enterpriseId,
    department: adviceLetters.departmentId,
  });
}

export async function listViolationTypes(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(violationTypes)
    .where(and(eq(violationTypes.jurisdictionId, actor.jurisdictionId), eq(violationTypes.active, true)))
    .orderBy(asc(violationTypes.code));
  return rows.map((t) => ({
    id: t.id,
    code: t.code,
    name: t.name,
    legalBasis: t.legalBasis,
    penaltyBasis: t.penaltyBasis,
    penaltyRange: t.penaltyRange,
    adviceItems: t.adviceItems,
  }));
}

async function typeNames(db: Db, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { code: string; name: string }>();
  const rows = await db
    .select({ id: violationTypes.id, code: violationTypes.code, name: violationTypes.name })
    .from(violationTypes)
    .where(inArray(violationTypes.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface InspectionQuery {
  q?: string;
  enterpriseId?: string;
  page: number;
  pageSize: number;
}

export async function listInspections(db: Db, actor: Actor, query: InspectionQuery) {
  const where = and(
    inspectionScope(actor),
    query.q?.trim() ? ilike(inspections.enterpriseName, containing(query.q.trim())) : undefined,
    query.enterpriseId ? eq(inspections.enterpriseId, query.enterpriseId) : undefined,
  );
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(inspections)
    .where(where);
  const rows = await db
    .select({
      row: inspections,
      violationCount: sql<number>`(select count(*)::int from violations v where v.inspection_id = "enforcement_inspections"."id")`,
    })
    .from(inspections)
    .where(where)
    .orderBy(desc(inspections.inspectedOn), desc(inspections.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const names = await unitNameMap(
    db,
    rows.flatMap((r) => [r.row.departmentId, r.row.subdistrictId]),
  );
  return {
    total: Number(total),
    items: rows.map((r) => presentInspection(r.row, Number(r.violationCount), names)),
  };
}

function presentInspection(
  r: typeof inspections.$inferSelect,
  violationCount: number,
  names: Map<string, string>,
) {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    departmentId: r.departmentId,
    departmentName: names.get(r.departmentId) ?? '',
    subdistrictName: names.get(r.subdistrictId) ?? '',
    inspectedOn: r.inspectedOn,
    findings: r.findings,
    rectifyBy: r.rectifyBy,
    noticeDocumentId: r.noticeDocumentId,
    noticeNumber: r.noticeNumber,
    violationCount,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function inspectionDetail(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), inspectionScope(actor)));
  if (!row) return undefined;
  const found = await db
    .select({ v: violations, letterNumber: adviceLetters.number, letterStatus: adviceLetters.status })
    .from(violations)
    .leftJoin(adviceLetters, eq(adviceLetters.id, violations.letterId))
    .where(eq(violations.inspectionId, id))
    .orderBy(asc(violations.id));
  const types = await typeNames(
    db,
    found.map((f) => f.v.violationTypeId),
  );
  const names = await unitNameMap(db, [row.departmentId, row.subdistrictId]);
  return {
    ...presentInspection(row, found.length, names),
    violations: found.map(({ v, letterNumber, letterStatus }) => ({
      id: v.id,
      violationTypeId: v.violationTypeId,
      typeCode: types.get(v.violationTypeId)?.code ?? '',
      typeName: types.get(v.violationTypeId)?.name ?? '',
      description: v.description,
      status: v.status,
      rectifiedAt: iso(v.rectifiedAt),
      letterId: v.letterId,
      letterNumber,
      letterStatus,
      harm: v.harm,
      selfReportedHazardId: v.selfReportedHazardId,
      decisionStatus: v.decisionStatus,
      decision: v.decision as never,
      abilities: abilities(violationPolicy, actor, v),
    })),
  };
}

export interface CampaignQuery {
  status?: string;
  page: number;
  pageSize: number;
}

export async function listCampaigns(db: Db, actor: Actor, query: CampaignQuery) {
  const where = and(
    campaignScope(actor),
    query.status ? eq(adviceCampaigns.status, query.status as never) : undefined,
  );
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(adviceCampaigns)
    .where(where);
  const rows = await db
    .select()
    .from(adviceCampaigns)
    .where(where)
    .orderBy(desc(adviceCampaigns.proposedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { total: Number(total), items: await presentCampaigns(db, actor, rows) };
}

async function presentCampaigns(db: Db, actor: Actor, rows: (typeof adviceCampaigns.$inferSelect)[]) {
  const types = await typeNames(
    db,
    rows.map((r) => r.violationTypeId),
  );
  const names = await unitNameMap(
    db,
    rows.map((r) => r.departmentId),
  );
  const counts = new Map<string, { replied: number; overdue: number }>();
  if (rows.length > 0) {
    const grouped = await db
      .select({
        campaignId: adviceLetters.campaignId,
        replied: sql<number>`(count(*) filter (where ${adviceLetters.status} = 'replied'))::int`,
        overdue: sql<number>`(count(*) filter (where ${adviceLetters.status} = 'overdue'))::int`,
      })
      .from(adviceLetters)
      .where(
        inArray(
          adviceLetters.campaignId,
          rows.map((r) => r.id),
        ),
      )
      .groupBy(adviceLetters.campaignId);
    for (const g of grouped)
      counts.set(g.campaignId!, { replied: Number(g.replied), overdue: Number(g.overdue) });
  }
  return rows.map((r) => ({
    id: r.id,
    violationTypeId: r.violationTypeId,
    violationTypeCode: types.get(r.violationTypeId)?.code ?? '',
    violationTypeName: types.get(r.violationTypeId)?.name ?? '',
    departmentId: r.departmentId,
    departmentName: names.get(r.departmentId) ?? '',
    scopeType: r.scopeType,
    scopeValue: r.scopeValue,
    scopeLabel: r.scopeLabel,
    origin: r.origin,
    reason: r.reason,
    triggerCount: r.triggerCount,
    windowDays: r.windowDays,
    items: r.items,
    status: r.status,
    replyBy: r.replyBy,
    replyByEstimated: r.replyByEstimated,
    targetCount: r.targetCount,
    sentCount: r.sentCount,
    repliedCount: counts.get(r.id)?.replied ?? 0,
    overdueCount: counts.get(r.id)?.overdue ?? 0,
    jobId: r.jobId,
    decisionReason: r.decisionReason,
    proposedAt: r.proposedAt.toISOString(),
    decidedAt: iso(r.decidedAt),
    finishedAt: iso(r.finishedAt),
    abilities: abilities(campaignPolicy, actor, r),
  }));
}

export async function campaignDetail(db: Db, actor: Actor, id: string) {
  const rows = await db
    .select()
    .from(adviceCampaigns)
    .where(and(eq(adviceCampaigns.id, id), campaignScope(actor)));
  if (rows.length === 0) return undefined;
  return (await presentCampaigns(db, actor, rows))[0];
}

export interface LetterQuery {
  campaignId?: string;
  enterpriseId?: string;
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listLetters(db: Db, actor: Actor, query: LetterQuery) {
  const q = query.q?.trim();
  const where = and(
    letterScope(actor),
    query.campaignId ? eq(adviceLetters.campaignId, query.campaignId) : undefined,
    query.enterpriseId ? eq(adviceLetters.enterpriseId, query.enterpriseId) : undefined,
    query.status ? eq(adviceLetters.status, query.status as never) : undefined,
    q
      ? or(ilike(adviceLetters.enterpriseName, containing(q)), ilike(adviceLetters.number, containing(q)))
      : undefined,
  );
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(adviceLetters)
    .where(where);
  const rows = await db
    .select()
    .from(adviceLetters)
    .where(where)
    .orderBy(desc(adviceLetters.sentAt), asc(adviceLetters.number))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { total: Number(total), items: await presentLetters(db, actor, rows) };
}

async function presentLetters(db: Db, actor: Actor, rows: (typeof adviceLetters.$inferSelect)[]) {
  const types = await typeNames(
    db,
    rows.map((r) => r.violationTypeId),
  );
  const names = await unitNameMap(
    db,
    rows.flatMap((r) => [r.departmentId, r.subdistrictId]),
  );
  return rows.map((r) => ({
    id: r.id,
    campaignId: r.campaignId,
    violationId: r.violationId,
    number: r.number,
    documentId: r.documentId,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    subdistrictName: names.get(r.subdistrictId) ?? '',
    departmentName: names.get(r.departmentId) ?? '',
    violationTypeName: types.get(r.violationTypeId)?.name ?? '',
    reason: r.reason,
    items: r.items,
    replyBy: r.replyBy,
    status: r.status,
    reply: r.reply,
    repliedLate: r.repliedLate,
    repliedAt: iso(r.repliedAt),
    overdueAt: iso(r.overdueAt),
    sentAt: r.sentAt.toISOString(),
    abilities: abilities(letterPolicy, actor, r),
  }));
}

export async function letterDetail(db: Db, actor: Actor, id: string) {
  const rows = await db
    .select()
    .from(adviceLetters)
    .where(and(eq(adviceLetters.id, id), letterScope(actor)));
  if (rows.length === 0) return undefined;
  return (await presentLetters(db, actor, rows))[0];
}

export async function loadViolation(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(violations)
    .where(and(eq(violations.id, id), violationScope(actor)));
  return row;
}
