import { and, eq, inArray } from 'drizzle-orm';
import { units } from '../../db/schema/reference.js';
import type { Db } from '../../platform/db/client.js';
import { listIndustries } from '../registry/queries.js';

/** The jurisdiction's emergency-management bureau (the department flagged `is_bureau`). */
export async function bureauOf(
  db: Db,
  jurisdictionId: string,
): Promise<{ id: string; name: string } | undefined> {
  const [bureau] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.isBureau, true)));
  return bureau;
}

/** A unit of the jurisdiction by id and kind, or undefined. */
export async function unitOf(db: Db, jurisdictionId: string, id: string, kind: 'department' | 'subdistrict') {
  const [unit] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.id, id), eq(units.jurisdictionId, jurisdictionId), eq(units.kind, kind)));
  return unit;
}

export async function unitNameMap(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function industryName(db: Db, code: string): Promise<string | undefined> {
  return (await listIndustries(db)).find((i) => i.code === code)?.name;
}
