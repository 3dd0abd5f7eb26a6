import { and, asc, eq } from 'drizzle-orm';
import type { StandardItemContent } from '../../../domain/standards.js';
import { standardItems, standards, standardVersions } from '../../db/schema/standards.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { versionPolicy, type VersionEntity } from './policy.js';

export type VersionRow = typeof standardVersions.$inferSelect;
export type StandardRow = typeof standards.$inferSelect;

/** A version with its standard, readable by the actor (404 otherwise). */
export async function loadVersion(
  db: Db,
  actor: Actor,
  versionId: string,
  opts: { forUpdate?: boolean } = {},
) {
  const base = db
    .select({ v: standardVersions, s: standards })
    .from(standardVersions)
    .innerJoin(standards, eq(standards.id, standardVersions.standardId))
    .where(eq(standardVersions.id, versionId));
  const [row] = opts.forUpdate ? await base.for('update', { of: standardVersions }) : await base;
  if (!row) throw new AppError('STANDARD_VERSION_NOT_FOUND');
  const entity: VersionEntity & { version: VersionRow; standard: StandardRow } = {
    jurisdictionId: row.v.jurisdictionId,
    owningDepartmentId: row.s.owningDepartmentId,
    status: row.v.status,
    version: row.v,
    standard: row.s,
  };
  if (!versionPolicy.read(actor, entity)) throw new AppError('STANDARD_VERSION_NOT_FOUND');
  return entity;
}

/** Lock a version for an edit: only drafts change, and only by their owners. */
export async function lockDraft(tx: Db, actor: Actor, versionId: string) {
  const entity = await loadVersion(tx, actor, versionId, { forUpdate: true });
  if (entity.status !== 'draft') throw new AppError('STANDARD_VERSION_NOT_DRAFT');
  if (!versionPolicy.edit(actor, entity)) throw new AppError('FORBIDDEN');
  return entity;
}

export function itemContent(row: typeof standardItems.$inferSelect): StandardItemContent {
  return {
    code: row.code,
    module: row.module,
    requirement: row.requirement,
    legalBasis: row.legalBasis,
    checkMethod: row.checkMethod,
    evidence: row.evidence,
    isKey: row.isKey,
    tags: row.tags as StandardItemContent['tags'],
    violationTypes: row.violationTypes,
    majorHazard: row.majorHazard ?? null,
  };
}

export async function itemsOf(db: Db, versionId: string) {
  return db
    .select()
    .from(standardItems)
    .where(eq(standardItems.versionId, versionId))
    .orderBy(asc(standardItems.position), asc(standardItems.code));
}

export async function findItem(db: Db, versionId: string, code: string) {
  const [row] = await db
    .select()
    .from(standardItems)
    .where(and(eq(standardItems.versionId, versionId), eq(standardItems.code, code)));
  return row;
}
