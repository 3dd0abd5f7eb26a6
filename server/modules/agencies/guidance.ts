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
