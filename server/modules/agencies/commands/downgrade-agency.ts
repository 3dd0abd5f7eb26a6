import { and, eq } from 'drizzle-orm';
import { agencies } from '../../../db/schema/agencies.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { agencyEvents } from '../events.js';

/**
 * Lower an agency's grade one step on the jurisdiction's scale (a false confirmation's penalty), inside the
 * caller's transaction. An agency already at the lowest grade keeps it; the bureau blacklists instead.
 */
export async function downgradeAgency(
  tx: Db,
  actor: Actor,
  agencyId: string,
  reason: string,
): Promise<string | null> {
  const [agency] = await tx.select().from(agencies).where(eq(agencies.id, agencyId)).for('update');
  if (!agency) throw new AppError('AGENCY_NOT_FOUND');
  const scale = await getSetting(tx, agency.jurisdictionId, 'agencies.gradeScale');
  const at = agency.grade ? scale.indexOf(agency.grade) : -1;
  const lower = at >= 0 && at < scale.length - 1 ? scale[at + 1] : null;
  if (!lower) return agency.grade;
  await tx
    .update(agencies)
    .set({ grade: lower, updatedAt: new Date() })
    .where(and(eq(agencies.id, agencyId)));
  await appendEvent(tx, {
    kind: agencyEvents.agencyUpdated,
    jurisdictionId: agency.jurisdictionId,
    actor: eventActor(actor),
    entityType: 'agency',
    entityId: agencyId,
    before: { fields: { grade: agency.grade } },
    after: { fields: { grade: lower, reason } },
  });
  return lower;
}
