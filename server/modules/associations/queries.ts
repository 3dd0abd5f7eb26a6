import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { associations, selfDisciplineStandards } from '../../db/schema/associations.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getVersion } from '../standards/queries.js';
import { keepsStandardsOf } from './policy.js';

export type AssociationRow = typeof associations.$inferSelect;

/** The register is public inside the jurisdiction: enterprises choose associations, departments read their standards. */
export async function listAssociations(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(associations)
    .where(eq(associations.jurisdictionId, actor.jurisdictionId))
    .orderBy(asc(associations.name));
  return rows.map(presentAssociation);
}

export function presentAssociation(a: AssociationRow) {
  return {
    id: a.id,
    name: a.name,
    uscc: a.uscc,
    industryScope: a.industryScope,
    status: a.status,
    contactName: a.contactName,
    contactPhone: a.contactPhone,
  };
}

export async function findAssociation(db: Db, actor: Actor, id: string): Promise<AssociationRow> {
  const [row] = await db
    .select()
    .from(associations)
    .where(and(eq(associations.id, id), eq(associations.jurisdictionId, actor.jurisdictionId)));
  if (!row) throw new AppError('ASSOCIATION_NOT_FOUND');
  return row;
}

/** Self-discipline standards of the jurisdiction (all of them: they are published norms), optionally of one association. */
export async function listSelfDiscipline(db: Db, actor: Actor, associationId?: string) {
  const rows = await db
    .select({ s: selfDisciplineStandards, associationName: associations.name })
    .from(selfDisciplineStandards)
    .innerJoin(associations, eq(associations.id, selfDisciplineStandards.associationId))
    .where(
      and(
        eq(selfDisciplineStandards.jurisdictionId, actor.jurisdictionId),
        associationId ? eq(selfDisciplineStandards.associationId, associationId) : undefined,
      ),
    )
    .orderBy(desc(selfDisciplineStandards.createdAt));
  return rows.map((r) => presentSummary(r.s, r.associationName, actor));
}

function presentSummary(
  s: typeof selfDisciplineStandards.$inferSelect,
  associationName: string,
  actor: Actor,
) {
  return {
    id: s.id,
    associationId: s.associationId,
    associationName,
    standardVersionId: s.standardVersionId,
    title: s.title,
    itemCount: s.itemCodes.length,
    status: s.status,
    createdAt: s.createdAt.toISOString(),
    abilities: { withdraw: s.status === 'active' && keepsStandardsOf(actor, s.associationId) },
  };
}

/** One self-discipline standard with its items, read from the referenced version (so texts are the version's own). */
export async function selfDisciplineDetail(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ s: selfDisciplineStandards, associationName: associations.name })
    .from(selfDisciplineStandards)
    .innerJoin(associations, eq(associations.id, selfDisciplineStandards.associationId))
    .where(
      and(
        eq(selfDisciplineStandards.id, id),
        eq(selfDisciplineStandards.jurisdictionId, actor.jurisdictionId),
      ),
    );
  if (!row) throw new AppError('SELF_DISCIPLINE_NOT_FOUND');
  const version = await getVersion(db, actor, row.s.standardVersionId);
  const chosen = new Set(row.s.itemCodes);
  return {
    ...presentSummary(row.s, row.associationName, actor),
    standardTitle: version.standard.title,
    versionNumber: version.number,
    items: version.items
      .filter((i) => chosen.has(i.code))
      .map((i) => ({ code: i.code, module: i.module, requirement: i.requirement, isKey: i.isKey })),
  };
}

export async function associationsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(associations)
    .where(inArray(associations.id, [...ids]));
}
