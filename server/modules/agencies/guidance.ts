import { and, asc, eq, sql } from 'drizzle-orm';
import { serviceEngagements } from '../../db/schema/agencies.js';
import type { Db } from '../../platform/db/client.js';

/**
 * The agency guiding the enterprise's rectification: the earliest active engagement that includes guidance.
 * Its users verify the closure of the enterprise's hazards (otherwise the subdistrict does).
 */
export async function guidingAgencyOf(db: Db, enterpriseId: string): Promise<string | null> {
  const [row] = await db
    .select({ agencyId: serviceEngagements.agencyId })
    .from(serviceEngagements)
    .where(
      and(
        eq(serviceEngagements.enterpriseId, enterpriseId),
        eq(serviceEngagements.status, 'active'),
        sql`${serviceEngagements.services} @> '["rectification_guidance"]'::jsonb`,
      ),
    )
    .orderBy(asc(serviceEngagements.acceptedAt))
    .limit(1);
  return row?.agencyId ?? null;
}

/**
 * Whether the agency guided the enterprise's rectification since a date: an engagement including guidance that
 * was active at some point after it (independence of confirmations).
 */
export async function guidedSince(
  db: Db,
  agencyId: string,
  enterpriseId: string,
  since: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ id: serviceEngagements.id })
    .from(serviceEngagements)
    .where(
      and(
        eq(serviceEngagements.agencyId, agencyId),
        eq(serviceEngagements.enterpriseId, enterpriseId),
        sql`${serviceEngagements.services} @> '["rectification_guidance"]'::jsonb`,
        sql`${serviceEngagements.acceptedAt} is not null`,
        sql`(${serviceEngagements.endedAt} is null or ${serviceEngagements.endedAt} >= ${since})`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
