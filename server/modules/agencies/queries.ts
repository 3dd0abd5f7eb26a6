import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { agencies, serviceEngagements } from '../../db/schema/agencies.js';
import type { Actor } from '../../platform/access/actor.js';
import { unitsWithRole } from '../../platform/access/actor.js';
import { abilities } from '../../platform/access/policy.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import { loadEnterpriseNames } from './enterprise-names.js';
import { agencyPolicy, engagementPolicy, readsWholeRegister } from './policy.js';

export type AgencyRow = typeof agencies.$inferSelect;
export type EngagementRow = typeof serviceEngagements.$inferSelect;

/**
 * Which agencies an actor sees: the bureau's register readers all of their jurisdiction's; every other user of the
 * jurisdiction the active ones (enterprises choose from them) and an agency's users their own, whatever its status.
 */
export function agencyScope(actor: Actor): SQL {
  const inJurisdiction = eq(agencies.jurisdictionId, actor.jurisdictionId);
  if (actor.bindings.length === 0) return sql`false`;
  if (readsWholeRegister(actor)) return inJurisdiction;
  const own = unitsWithRole(actor, 'agency_user');
  const visible =
    own.length > 0
      ? or(eq(agencies.status, 'active'), inArray(agencies.id, own))!
      : eq(agencies.status, 'active');
  return and(inJurisdiction, visible)!;
}

export function presentAgency(a: AgencyRow, actor: Actor) {
  const view = {
    id: a.id,
    jurisdictionId: a.jurisdictionId,
    name: a.name,
    uscc: a.uscc,
    kinds: a.kinds,
    grade: a.grade,
    gradeValidUntil: a.gradeValidUntil,
    status: a.status,
    contactName: a.contactName,
    contactPhone: a.contactPhone,
    address: a.address,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
  return { ...view, abilities: abilities(agencyPolicy, actor, view) };
}

export interface AgencyFilter {
  q?: string;
  kind?: 'confirmation' | 'social_service';
  status?: 'active' | 'suspended' | 'blacklisted';
  page: number;
  pageSize: number;
}

export async function listAgencies(db: Db, actor: Actor, f: AgencyFilter) {
  const conditions: (SQL | undefined)[] = [agencyScope(actor)];
  if (f.q?.trim()) {
    const q = f.q.trim();
    conditions.push(
      or(ilike(agencies.name, `%${escapeLike(q)}%`), ilike(agencies.uscc, `${escapeLike(q.toUpperCase())}%`)),
    );
  }
  if (f.kind) conditions.push(sql`${agencies.kinds} @> ${JSON.stringify([f.kind])}::jsonb`);
  if (f.status) conditions.push(eq(agencies.status, f.status));
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(agencies)
    .where(where);
  const rows = await db
    .select()
    .from(agencies)
    .where(where)
    .orderBy(asc(agencies.name), asc(agencies.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { total, items: rows.map((a) => presentAgency(a, actor)) };
}

/** One agency as the actor may see it, or undefined. */
export async function findAgency(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, id), agencyScope(actor)));
  return row ? presentAgency(row, actor) : undefined;
}

/** An agency row, unscoped: for other modules (e.g. confirmations check kind, grade and status). */
export async function getAgency(db: Db, id: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row;
}

/** The active engagement between an enterprise and an agency, if there is one (unscoped, for other modules). */
export async function activeEngagement(
  db: Db,
  enterpriseId: string,
  agencyId: string,
): Promise<EngagementRow | undefined> {
  const [row] = await db
    .select()
    .from(serviceEngagements)
    .where(
      and(
        eq(serviceEngagements.enterpriseId, enterpriseId),
        eq(serviceEngagements.agencyId, agencyId),
        eq(serviceEngagements.status, 'active'),
      ),
    )
    .orderBy(desc(serviceEngagements.acceptedAt))
    .limit(1);
  return row;
}

/** Which engagements an actor sees: both parties, the enterprise's subdistrict, jurisdiction-wide staff. */
export function engagementScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: serviceEngagements.jurisdictionId,
    subdistrict: serviceEngagements.subdistrictId,
    enterprise: serviceEngagements.enterpriseId,
    agency: (agencyId) => eq(serviceEngagements.agencyId, agencyId),
  });
}

export interface EngagementFilter {
  status?: 'requested' | 'active' | 'declined' | 'ended';
  enterpriseId?: string;
  agencyId?: string;
  page: number;
  pageSize: number;
}

function engagementQuery(db: Db) {
  return db
    .select({ e: serviceEngagements, agencyName: agencies.name })
    .from(serviceEngagements)
    .innerJoin(agencies, eq(agencies.id, serviceEngagements.agencyId));
}

type EngagementJoinRow = { e: EngagementRow; agencyName: string };

function presentEngagements(rows: EngagementJoinRow[], names: Map<string, { name: string }>, actor: Actor) {
  return rows.map(({ e, agencyName }) => {
    const view = {
      id: e.id,
      jurisdictionId: e.jurisdictionId,
      enterpriseId: e.enterpriseId,
      enterpriseName: names.get(e.enterpriseId)?.name ?? '',
      subdistrictId: e.subdistrictId,
      agencyId: e.agencyId,
      agencyName,
      services: e.services,
      status: e.status,
      note: e.note,
      requestedAt: e.requestedAt.toISOString(),
      acceptedAt: e.acceptedAt?.toISOString() ?? null,
      endedAt: e.endedAt?.toISOString() ?? null,
      endReason: e.endReason,
    };
    return { ...view, abilities: abilities(engagementPolicy, actor, view) };
  });
}

export async function listEngagements(db: Db, actor: Actor, f: EngagementFilter) {
  const conditions: (SQL | undefined)[] = [engagementScope(actor)];
  if (f.status) conditions.push(eq(serviceEngagements.status, f.status));
  if (f.enterpriseId) conditions.push(eq(serviceEngagements.enterpriseId, f.enterpriseId));
  if (f.agencyId) conditions.push(eq(serviceEngagements.agencyId, f.agencyId));
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(serviceEngagements)
    .where(where);
  const rows = await engagementQuery(db)
    .where(where)
    .orderBy(desc(serviceEngagements.requestedAt), asc(serviceEngagements.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const names = await loadEnterpriseNames(
    db,
    rows.map((r) => r.e.enterpriseId),
  );
  return { total, items: presentEngagements(rows, names, actor) };
}

export async function findEngagement(db: Db, actor: Actor, id: string) {
  const rows = await engagementQuery(db).where(and(eq(serviceEngagements.id, id), engagementScope(actor)));
  if (rows.length === 0) return undefined;
  const names = await loadEnterpriseNames(db, [rows[0].e.enterpriseId]);
  return presentEngagements(rows, names, actor)[0];
}
