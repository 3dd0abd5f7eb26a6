import { and, eq, inArray, sql } from 'drizzle-orm';
import { agencies, serviceEngagements } from '../../db/schema/agencies.js';
import { registerEngagedCondition } from '../../platform/access/engaged.js';
import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { registerUnitResolver } from '../../platform/access/units.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { agencyAbilities } from './policy.js';
import { engineerRoutes } from './engineers/routes.js';
import { agencyRoutes } from './routes.js';

export { guidingAgencyOf, guidedSince } from './guidance.js';
export { engineersByIds, engineersOfUser, type EngineerRow } from './engineers/queries.js';
export { activeEngagement, getAgency, type AgencyRow, type EngagementRow } from './queries.js';
export { agencyPolicy, engagementPolicy } from './policy.js';

/**
 * Agencies: what an agency unit is (for role bindings), the engaged-scope condition other modules use through
 * `engagedBy(column)`, and the register-level abilities.
 */
export function setupAgencies(): void {
  registerJurisdictionAbilities(agencyAbilities);
  registerUnitResolver('agency', async (db, ids) =>
    (
      await db
        .select()
        .from(agencies)
        .where(inArray(agencies.id, [...ids]))
    ).map((a) => ({
      id: a.id,
      kind: 'agency',
      name: a.name,
      jurisdictionId: a.jurisdictionId,
    })),
  );
  registerEngagedCondition(
    (agencyId, enterpriseColumn) =>
      sql`exists (select 1 from ${serviceEngagements} where ${and(
        sql`${serviceEngagements.enterpriseId} = ${enterpriseColumn}`,
        eq(serviceEngagements.agencyId, agencyId),
        eq(serviceEngagements.status, 'active'),
      )})`,
  );
}

export const agenciesModule = {
  name: 'agencies',
  setup: setupAgencies,
  routes(ctx: ModuleContext) {
    agencyRoutes(ctx);
    engineerRoutes(ctx);
  },
};
