import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { enterprises, industries, parks } from '../../db/schema/registry.js';
import { units } from '../../db/schema/reference.js';
import type { Actor } from '../../platform/access/actor.js';
import { abilities } from '../../platform/access/policy.js';
import { engagedBy } from '../../platform/access/engaged.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import { enterprisePolicy } from './policy.js';

/** The one place that says which enterprises an actor may see. */
export function enterpriseScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: enterprises.jurisdictionId,
    subdistrict: enterprises.subdistrictId,
    enterprise: enterprises.id,
    // agencies see the enterprises that engage them, while the engagement is active
    agency: engagedBy(enterprises.id),
  });
}

export interface EnterpriseFilter {
  q?: string;
  subdistrictId?: string;
  industryCode?: string;
  parkId?: string;
  scale?: string;
  status?: string;
  hostEnterpriseId?: string;
}

export function enterpriseWhere(actor: Actor, f: EnterpriseFilter): SQL {
  const conditions: (SQL | undefined)[] = [enterpriseScope(actor)];
  if (f.q?.trim()) {
    const q = f.q.trim();
    conditions.push(
      or(
        ilike(enterprises.name, `%${escapeLike(q)}%`),
        ilike(enterprises.uscc, `${escapeLike(q.toUpperCase())}%`),
      ),
    );
  }
  if (f.subdistrictId) conditions.push(eq(enterprises.subdistrictId, f.subdistrictId));
  // an industry filter matches the code and its sub-codes (e.g. 195 → 1951…1959)
  if (f.industryCode)
    conditions.push(sql`${enterprises.industryCode} like ${`${escapeLike(f.industryCode)}%`}`);
  if (f.parkId) conditions.push(eq(enterprises.parkId, f.parkId));
  if (f.scale) conditions.push(eq(enterprises.scale, f.scale as never));
  if (f.status) conditions.push(eq(enterprises.operatingStatus, f.status as never));
  if (f.hostEnterpriseId) conditions.push(eq(enterprises.hostEnterpriseId, f.hostEnterpriseId));
  return and(...conditions)!;
}

const subdistricts = alias(units, 'subdistrict');
const hosts = alias(enterprises, 'host');

function listColumns() {
  return {
    e: enterprises,
    subdistrictName: subdistricts.name,
    industryName: industries.name,
    parkName: parks.name,
    hostName: hosts.name,
    hostUscc: hosts.uscc,
  };
}

function baseQuery(db: Db) {
  return db
    .select(listColumns())
    .from(enterprises)
    .innerJoin(subdistricts, eq(subdistricts.id, enterprises.subdistrictId))
    .innerJoin(industries, eq(industries.code, enterprises.industryCode))
    .leftJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(hosts, eq(hosts.id, enterprises.hostEnterpriseId));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

export function presentEnterprise(r: ListRow) {
  const e = r.e;
  return {
    id: e.id,
    jurisdictionId: e.jurisdictionId,
    uscc: e.uscc,
    name: e.name,
    legalRepresentative: e.legalRepresentative,
    registeredAddress: e.registeredAddress,
    operatingAddress: e.operatingAddress,
    subdistrictId: e.subdistrictId,
    subdistrictName: r.subdistrictName,
    industryCode: e.industryCode,
    industryName: r.industryName,
    scale: e.scale,
    employeeCount: e.employeeCount,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    safetyManagerName: e.safetyManagerName,
    safetyManagerPhone: e.safetyManagerPhone,
    operatingStatus: e.operatingStatus,
    parkId: e.parkId,
    parkName: r.parkName,
    hostEnterpriseId: e.hostEnterpriseId,
    hostName: r.hostName,
    hostUscc: r.hostUscc,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export type EnterpriseView = ReturnType<typeof presentEnterprise>;

const sortable = {
  name: enterprises.name,
  uscc: enterprises.uscc,
  updatedAt: enterprises.updatedAt,
  employeeCount: enterprises.employeeCount,
} as const;

export async function listEnterprises(
  db: Db,
  actor: Actor,
  f: EnterpriseFilter & {
    page: number;
    pageSize: number;
    sort?: keyof typeof sortable;
    order?: 'asc' | 'desc';
  },
) {
  const where = enterpriseWhere(actor, f);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(enterprises)
    .where(where);
  const column = sortable[f.sort ?? 'name'];
  const rows = await baseQuery(db)
    .where(where)
    .orderBy(f.order === 'desc' ? desc(column) : asc(column), asc(enterprises.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    total,
    items: rows.map((r) => {
      const view = presentEnterprise(r);
      return { ...view, abilities: abilities(enterprisePolicy, actor, view) };
    }),
  };
}

/** Pages through the filtered list for exports, without loading it all. */
export async function* iterateEnterprises(db: Db, actor: Actor, f: EnterpriseFilter, pageSize = 1000) {
  let lastName = '';
  let lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await baseQuery(db)
      .where(
        and(
          enterpriseWhere(actor, f),
          sql`(${enterprises.name}, ${enterprises.id}) > (${lastName}, ${lastId})`,
        ),
      )
      .orderBy(asc(enterprises.name), asc(enterprises.id))
      .limit(pageSize);
    for (const r of rows) yield presentEnterprise(r);
    if (rows.length < pageSize) return;
    lastName = rows[rows.length - 1].e.name;
    lastId = rows[rows.length - 1].e.id;
  }
}

export async function getEnterprise(db: Db, actor: Actor, id: string) {
  const [row] = await baseQuery(db).where(and(eq(enterprises.id, id), enterpriseScope(actor)));
  if (!row) return undefined;
  const view = presentEnterprise(row);
  const tenants = await db
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc })
    .from(enterprises)
    .where(and(eq(enterprises.hostEnterpriseId, id), enterpriseScope(actor)))
    .orderBy(asc(enterprises.name));
  const operatedParks = await db
    .select({ id: parks.id, name: parks.name })
    .from(parks)
    .where(eq(parks.operatorEnterpriseId, id));
  return { ...view, tenants, operatedParks, abilities: abilities(enterprisePolicy, actor, view) };
}

/** Scoped loader for set-based checks (allowedIds). */
export async function loadEnterprisesByIds(db: Db, actor: Actor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: enterprises.id,
      jurisdictionId: enterprises.jurisdictionId,
      subdistrictId: enterprises.subdistrictId,
    })
    .from(enterprises)
    .where(and(inArray(enterprises.id, [...ids]), enterpriseScope(actor)));
}

export async function listIndustries(db: Db) {
  return db
    .select({ code: industries.code, name: industries.name })
    .from(industries)
    .orderBy(asc(industries.sortOrder));
}

/** Names of enterprises by id, for other modules' lists (unscoped: the caller's rows were scoped already). */
export async function enterpriseNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(inArray(enterprises.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** One enterprise's core facts, unscoped: for checks the system makes on behalf of a rule (not for display). */
export async function enterpriseFacts(db: Db, id: string) {
  const [row] = await db
    .select({
      id: enterprises.id,
      jurisdictionId: enterprises.jurisdictionId,
      subdistrictId: enterprises.subdistrictId,
      industryCode: enterprises.industryCode,
      name: enterprises.name,
      uscc: enterprises.uscc,
      hostEnterpriseId: enterprises.hostEnterpriseId,
      operatingStatus: enterprises.operatingStatus,
    })
    .from(enterprises)
    .where(eq(enterprises.id, id));
  return row;
}

/** Tenants of the parks an enterprise operates (unscoped: a park's entry condition reads them). */
export async function tenantsOfOperatedParks(db: Db, operatorId: string): Promise<string[] | null> {
  const operated = await db
    .select({ id: parks.id })
    .from(parks)
    .where(eq(parks.operatorEnterpriseId, operatorId));
  if (operated.length === 0) return null;
  const rows = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(
      inArray(
        enterprises.parkId,
        operated.map((p) => p.id),
      ),
    );
  return rows.map((r) => r.id).filter((id) => id !== operatorId);
}

/**
 * Every enterprise of a jurisdiction in an industry (code and sub-codes) or a subdistrict that is still in business
 * (operating or suspended), ordered by id: an advice campaign freezes them as its targets. Unscoped: the rule, not
 * the reader, decides who receives a letter.
 */
export async function enterprisesInScope(
  db: Db,
  jurisdictionId: string,
  scope: { industryCode: string } | { subdistrictId: string },
) {
  return db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      uscc: enterprises.uscc,
      subdistrictId: enterprises.subdistrictId,
    })
    .from(enterprises)
    .where(
      and(
        eq(enterprises.jurisdictionId, jurisdictionId),
        inArray(enterprises.operatingStatus, ['operating', 'suspended']),
        'industryCode' in scope
          ? sql`${enterprises.industryCode} like ${`${escapeLike(scope.industryCode)}%`}`
          : eq(enterprises.subdistrictId, scope.subdistrictId),
      ),
    )
    .orderBy(asc(enterprises.id));
}
