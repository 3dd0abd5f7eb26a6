import { eq } from 'drizzle-orm';
import { isApplicabilityTag } from '../../../../domain/standards.js';
import { applicabilityProfiles } from '../../../db/schema/standards.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';

import { standardEvents } from '../events.js';

/** The enterprise (or its registrar) declares which applicability situations are true of it. */
export async function declareApplicability(
  db: Db,
  actor: Actor,
  enterprise: { id: string; jurisdictionId: string },
  tags: string[],
): Promise<string[]> {
  const unknown = tags.filter((t) => !isApplicabilityTag(t));
  if (unknown.length > 0) {
    throw new AppError('APPLICABILITY_TAG_UNKNOWN', {
      detail: `未知的适用情形：${unknown.join('、')}`,
      fieldErrors: [{ field: 'body/tags', code: 'APPLICABILITY_TAG_UNKNOWN', message: '未知的适用情形' }],
    });
  }
  const clean = [...new Set(tags)].sort();
  return inTransaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(applicabilityProfiles)
      .where(eq(applicabilityProfiles.enterpriseId, enterprise.id))
      .for('update');
    if (before && JSON.stringify([...before.tags].sort()) === JSON.stringify(clean)) return clean;
    await tx
      .insert(applicabilityProfiles)
      .values({
        enterpriseId: enterprise.id,
        jurisdictionId: enterprise.jurisdictionId,
        tags: clean,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      })
      .onConflictDoUpdate({
        target: applicabilityProfiles.enterpriseId,
        set: { tags: clean, updatedBy: actor.userId, updatedAt: new Date() },
      });
    await appendEvent(tx, {
      kind: standardEvents.applicabilityDeclared,
      jurisdictionId: enterprise.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'enterprise',
      entityId: enterprise.id,
      before: { tags: before?.tags ?? [] },
      after: { tags: clean },
    });
    return clean;
  });
}
