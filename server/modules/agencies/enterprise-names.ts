import { resolveUnits } from '../../platform/access/units.js';
import type { Db } from '../../platform/db/client.js';

/** Enterprise names for engagement rows, through the registry's unit resolver (never its table). */
export async function loadEnterpriseNames(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string }>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, { name: string }>();
  for (const u of await resolveUnits(db, 'enterprise', unique)) out.set(u.id, { name: u.name });
  return out;
}
