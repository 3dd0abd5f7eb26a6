import { and, asc, eq, inArray } from 'drizzle-orm';
import { units } from '../../db/schema/reference.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/access/actor.js';
import { isBureau } from './policy.js';

/** Names of departments and subdistricts by id. */
export async function unitNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((i): i is string => i !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The departments the bureau can ask for an opinion: every supervising department but itself. */
export async function departmentsToAsk(db: Db, actor: Actor) {
  if (!isBureau(actor)) return [];
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      and(
        eq(units.jurisdictionId, actor.jurisdictionId),
        eq(units.kind, 'department'),
        eq(units.isBureau, false),
      ),
    )
    .orderBy(asc(units.sortOrder), asc(units.name));
}
