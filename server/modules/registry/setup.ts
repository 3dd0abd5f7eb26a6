import { inArray } from 'drizzle-orm';
import { enterprises } from '../../db/schema/registry.js';
import { registerUnitResolver } from '../../platform/access/units.js';
import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { can } from '../../platform/access/policy.js';
import { registerEntityReadCheck } from '../../platform/files/entity-access.js';
import { enterprisePolicy } from './policy.js';
import { getEnterprise } from './queries.js';
import { registryAbilities } from './policy.js';

/** Tell the platform what an enterprise unit is and what registry abilities an actor has. */
export function setupRegistry(): void {
  registerJurisdictionAbilities(registryAbilities);
  // files about the enterprise itself (e.g. a letter of authorisation): readable with the enterprise, attached by
  // whoever keeps its contacts
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  registerEntityReadCheck(
    'enterprise',
    async (db, actor, id) => uuid.test(id) && (await getEnterprise(db, actor, id)) !== undefined,
    async (db, actor, id) => {
      const e = uuid.test(id) ? await getEnterprise(db, actor, id) : undefined;
      return e !== undefined && can(enterprisePolicy, actor, 'updateContacts', e);
    },
  );
  registerUnitResolver('enterprise', async (db, ids) =>
    (
      await db
        .select()
        .from(enterprises)
        .where(inArray(enterprises.id, [...ids]))
    ).map((e) => ({
      id: e.id,
      kind: 'enterprise',
      name: e.name,
      jurisdictionId: e.jurisdictionId,
    })),
  );
}
