import { asc, desc, eq, inArray } from 'drizzle-orm';
import { commonModules, diffVersions } from '../../../domain/standards.js';
import { standards, standardVersions } from '../../db/schema/standards.js';
import { units } from '../../db/schema/reference.js';
import type { Actor } from '../../platform/access/actor.js';
import { abilities } from '../../platform/access/policy.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { itemContent, itemsOf, loadVersion } from './load.js';
import { versionPolicy } from './policy.js';

/** Standards are the jurisdiction's published yardsticks: everyone bound in the jurisdiction reads them. */
function standardScope(actor: Actor) {
  return actor.bindings.length > 0
    ? eq(standards.jurisdictionId, actor.jurisdictionId)
    : scopeWhere(actor, { jurisdiction: standards.jurisdictionId });
}

export async function listStandards(db: Db, actor: Actor) {
  const rows = await db
    .select({ s: standards, departmentName: units.name })
    .from(standards)
    .innerJoin(units, eq(units.id, standards.owningDepartmentId))
    .where(standardScope(actor))
    .orderBy(asc(standards.title));
  const ids = rows.map((r) => r.s.id);
  const versions = ids.length
    ? await db
        .select()
        .from(standardVersions)
        .where(inArray(standardVersions.standardId, ids))
        .orderBy(desc(standardVersions.createdAt))
    : [];
  return rows.map((r) => ({
    id: r.s.id,
    title: r.s.title,
    templateKey: r.s.templateKey,
    owningDepartmentId: r.s.owningDepartmentId,
    owningDepartmentName: r.departmentName,
    industryScope: r.s.industryScope,
    versions: versions
      .filter((v) => v.standardId === r.s.id)
      .map((v) => {
        const entity = {
          jurisdictionId: v.jurisdictionId,
          owningDepartmentId: r.s.owningDepartmentId,
          status: v.status,
        };
        return { ...presentVersionRow(v), abilities: abilities(versionPolicy, actor, entity) };
      }),
  }));
}

function presentVersionRow(v: typeof standardVersions.$inferSelect) {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    documentNumber: v.documentNumber,
    publishDate: v.publishDate,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    filedAt: v.filedAt?.toISOString() ?? null,
    supersededAt: v.supersededAt?.toISOString() ?? null,
    basedOnVersionId: v.basedOnVersionId,
    createdAt: v.createdAt.toISOString(),
  };
}

/** A version with its items, and the module list (five common + the version's industry modules). */
export async function getVersion(db: Db, actor: Actor, versionId: string) {
  const v = await loadVersion(db, actor, versionId);
  const items = await itemsOf(db, versionId);
  return {
    ...presentVersionRow(v.version),
    standard: {
      id: v.standard.id,
      title: v.standard.title,
      industryScope: v.standard.industryScope,
      owningDepartmentId: v.standard.owningDepartmentId,
    },
    modules: [
      ...commonModules.map((m) => ({ code: m.code, name: m.zh, common: true })),
      ...v.version.industryModules.map((m) => ({ code: m.code, name: m.name, common: false })),
    ],
    items: items.map((row) => ({ ...itemContent(row), position: row.position })),
    abilities: abilities(versionPolicy, actor, v),
  };
}

export async function diffOf(db: Db, actor: Actor, fromId: string, toId: string) {
  const [from, to] = [await loadVersion(db, actor, fromId), await loadVersion(db, actor, toId)];
  const diff = diffVersions(
    (await itemsOf(db, fromId)).map(itemContent),
    (await itemsOf(db, toId)).map(itemContent),
  );
  return {
    from: { id: from.version.id, number: from.version.number, standardId: from.standard.id },
    to: { id: to.version.id, number: to.version.number, standardId: to.standard.id },
    ...diff,
  };
}
