import { inArray } from 'drizzle-orm';
import { enterprises } from '../../db/schema/registry.js';
import { registerUnitResolver } from '../../platform/access/units.js';
import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { registryAbilities } from './policy.js';

/** Tell the platform what an enterprise unit is and what registry abilities an actor has. */
export function setupRegistry(): void {
  registerJurisdictionAbilities(registryAbilities);
  registerUnitResolver('enterprise', async (db, ids) =>
    (await db.select().from(enterprises).where(inArray(enterprises.id, [...ids]))).map((e) => ({
      id: e.id,
      kind: 'enterprise',
      name: e.name,
      jurisdictionId: e.jurisdictionId,
    })),
  );
}
