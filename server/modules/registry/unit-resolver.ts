import { inArray } from 'drizzle-orm';
import { enterprises } from '../../db/schema/index.js';
import { registerUnitResolver } from '../../platform/access/units.js';

/** Enterprise users are bound to an enterprise: the registry tells identity what that unit is. */
export function registerEnterpriseUnitResolver(): void {
  registerUnitResolver('enterprise', async (db, ids) =>
    (await db.select().from(enterprises).where(inArray(enterprises.id, [...ids]))).map((e) => ({
      id: e.id,
      kind: 'enterprise',
      name: e.name,
      jurisdictionId: e.jurisdictionId,
    })),
  );
}
