import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { agencies, engineers } from '../../../db/schema/agencies.js';
import { hasRole, unitsWithRole, type Actor } from '../../../platform/access/actor.js';
import { abilities } from '../../../platform/access/policy.js';
import { scopeWhere } from '../../../platform/access/scope.js';
import type { Db } from '../../../platform/db/client.js';
import { engineerPolicy } from './policy.js';

export type EngineerRow = typeof engineers.$inferSelect;

/** Engineers are seen by the bureau and their own agency; other staff see approved ones (they sign public reports). */
export function engineerScope(actor: Actor): SQL {
  const base = scopeWhere(actor, {
    jurisdiction: engineers.jurisdictionId,
    agency: (agencyId) => eq(engineers.agencyId, agencyId),
  });
  if (hasRole(actor, 'department_officer', 'enforcement_officer', 'subdistrict_officer', 'enterprise_user')) {
    return sql`(${base} or (${engineers.jurisdictionId} = ${actor.jurisdictionId} and ${engineers.status} = 'approved'))`;
  }
  return base;
}

export function presentEngineer(row: EngineerRow & { agencyName: string }, actor: Actor) {
  return {
    id: row.id,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    name: row.name,
    certificateNumber: row.certificateNumber,
    level: row.level,
    speciality: row.speciality,
    validFrom: row.validFrom,
    validTo: row.validTo,
    userId: row.userId,
    status: row.status,
    reviewNote: row.reviewNote,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    /** the signed-in user is this engineer */
    isMe: row.userId === actor.userId,
    abilities: abilities(engineerPolicy, actor, row),
  };
}

export async function listEngineers(
  db: Db,
  actor: Actor,
  f: { agencyId?: string; status?: EngineerRow['status'] },
) {
  const rows = await db
    .select({ e: engineers, agencyName: agencies.name })
    .from(engineers)
    .innerJoin(agencies, eq(agencies.id, engineers.agencyId))
    .where(
      and(
        engineerScope(actor),
        f.agencyId ? eq(engineers.agencyId, f.agencyId) : undefined,
        f.status ? eq(engineers.status, f.status) : undefined,
      ),
    )
    .orderBy(asc(engineers.status), asc(engineers.name));
  return rows.map((r) => presentEngineer({ ...r.e, agencyName: r.agencyName }, actor));
}

export async function findEngineer(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(engineers)
    .where(and(eq(engineers.id, id), engineerScope(actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function engineerView(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ e: engineers, agencyName: agencies.name })
    .from(engineers)
    .innerJoin(agencies, eq(agencies.id, engineers.agencyId))
    .where(and(eq(engineers.id, id), engineerScope(actor)));
  return row ? presentEngineer({ ...row.e, agencyName: row.agencyName }, actor) : undefined;
}

/** Engineers by id, unscoped: confirmations load the two who signed a report they may read. */
export async function engineersByIds(db: Db, ids: readonly string[]): Promise<EngineerRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(engineers)
    .where(inArray(engineers.id, [...ids]));
}

/** The engineer records the signed-in user may sign as (their own, approved or not: the signing checks the rest). */
export async function engineersOfUser(db: Db, actor: Actor): Promise<EngineerRow[]> {
  if (unitsWithRole(actor, 'agency_user').length === 0) return [];
  return db
    .select()
    .from(engineers)
    .where(and(eq(engineers.userId, actor.userId), eq(engineers.jurisdictionId, actor.jurisdictionId)));
}
