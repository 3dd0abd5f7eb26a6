import { and, desc, eq } from 'drizzle-orm';
import { standardItems, standardVersions } from '../../../db/schema/standards.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { standardEvents } from '../events.js';
import { itemsOf, loadVersion } from '../load.js';
import { versionPolicy } from '../policy.js';

/** "1.0" → "2.0"; anything else gets ".1" appended until free. */
function nextNumber(current: string, taken: Set<string>): string {
  const major = /^(\d+)(?:\.\d+)?$/.exec(current);
  let candidate = major ? `${Number(major[1]) + 1}.0` : `${current}.1`;
  while (taken.has(candidate)) candidate = `${candidate}.1`;
  return candidate;
}

/** Start the next version of a standard as a draft, carrying the items of the version it is based on. */
export async function draftNextVersion(
  db: Db,
  actor: Actor,
  baseVersionId: string,
  number?: string,
): Promise<{ versionId: string }> {
  const base = await loadVersion(db, actor, baseVersionId);
  if (!versionPolicy.draftNext(actor, base))
    throw new AppError(base.status === 'draft' ? 'STANDARD_DRAFT_EXISTS' : 'FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const versions = await tx
      .select()
      .from(standardVersions)
      .where(eq(standardVersions.standardId, base.standard.id))
      .orderBy(desc(standardVersions.createdAt))
      .for('update');
    if (versions.some((v) => v.status === 'draft')) throw new AppError('STANDARD_DRAFT_EXISTS');
    const taken = new Set(versions.map((v) => v.number));
    const chosen = number?.trim() || nextNumber(base.version.number, taken);
    if (taken.has(chosen)) {
      throw new AppError('VALIDATION_FAILED', {
        detail: `版本号 ${chosen} 已存在`,
        fieldErrors: [{ field: 'body/number', code: 'VALIDATION_FAILED', message: '版本号已存在' }],
      });
    }
    const [version] = await tx
      .insert(standardVersions)
      .values({
        standardId: base.standard.id,
        jurisdictionId: base.jurisdictionId,
        number: chosen,
        industryModules: base.version.industryModules,
        basedOnVersionId: base.version.id,
        createdBy: actor.userId,
      })
      .returning();
    const items = await itemsOf(tx, base.version.id);
    for (let i = 0; i < items.length; i += 200) {
      await tx
        .insert(standardItems)
        .values(
          items
            .slice(i, i + 200)
            .map(({ id: _id, versionId: _v, ...rest }) => ({ ...rest, versionId: version.id })),
        );
    }
    await appendEvent(tx, {
      kind: standardEvents.versionDrafted,
      jurisdictionId: base.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'standard_version',
      entityId: version.id,
      after: { number: version.number, basedOnVersionId: base.version.id, items: items.length },
    });
    return { versionId: version.id };
  });
}

export async function latestVersionOf(db: Db, standardId: string) {
  const [v] = await db
    .select()
    .from(standardVersions)
    .where(and(eq(standardVersions.standardId, standardId)))
    .orderBy(desc(standardVersions.createdAt))
    .limit(1);
  return v;
}
