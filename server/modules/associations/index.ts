import { inArray } from 'drizzle-orm';
import { associations } from '../../db/schema/associations.js';
import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { registerUnitResolver } from '../../platform/access/units.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { associationAbilities } from './policy.js';
import { associationRoutes } from './routes.js';

/** 行业协会 (register) and 自律共治标准; memberships, alliances and awards build on it. */
export const associationsModule = {
  name: 'associations',
  setup() {
    registerJurisdictionAbilities(associationAbilities);
    registerUnitResolver('association', async (db, ids) =>
      (
        await db
          .select()
          .from(associations)
          .where(inArray(associations.id, [...ids]))
      ).map((a) => ({
        id: a.id,
        kind: 'association' as const,
        name: a.name,
        jurisdictionId: a.jurisdictionId,
      })),
    );
  },
  routes(ctx: ModuleContext) {
    associationRoutes(ctx);
  },
};
