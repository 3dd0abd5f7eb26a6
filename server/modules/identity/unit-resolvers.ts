import { inArray } from 'drizzle-orm';
import { jurisdictions, units } from '../../db/schema/identity.js';
import { registerUnitResolver } from '../../platform/access/units.js';
import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { jurisdictionAbilities } from './policy.js';

/** Departments, subdistricts and jurisdictions live in identity's tables; it resolves them for bindings. */
export function registerIdentityUnitResolvers(): void {
  registerJurisdictionAbilities(jurisdictionAbilities);
  registerUnitResolver('department', async (db, ids) =>
    (
      await db
        .select()
        .from(units)
        .where(inArray(units.id, [...ids]))
    )
      .filter((u) => u.kind === 'department')
      .map((u) => ({
        id: u.id,
        kind: 'department',
        name: u.name,
        jurisdictionId: u.jurisdictionId,
        isBureau: u.isBureau,
      })),
  );
  registerUnitResolver('subdistrict', async (db, ids) =>
    (
      await db
        .select()
        .from(units)
        .where(inArray(units.id, [...ids]))
    )
      .filter((u) => u.kind === 'subdistrict')
      .map((u) => ({ id: u.id, kind: 'subdistrict', name: u.name, jurisdictionId: u.jurisdictionId })),
  );
  registerUnitResolver('jurisdiction', async (db, ids) =>
    (
      await db
        .select()
        .from(jurisdictions)
        .where(inArray(jurisdictions.id, [...ids]))
    ).map((j) => ({
      id: j.id,
      kind: 'jurisdiction',
      name: j.name,
      jurisdictionId: j.id,
    })),
  );
}
