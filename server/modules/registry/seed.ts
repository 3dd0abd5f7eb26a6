import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { industries } from '../../db/schema/registry.js';
import type { Db } from '../../platform/db/client.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/industries.json');

/** Upsert the industry classification shipped in data/industries.json (reference data, not audited). */
export async function seedIndustries(db: Db): Promise<void> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { industries: { code: string; name: string }[] };
  const rows = data.industries.map((i, sortOrder) => ({ ...i, sortOrder }));
  await db
    .insert(industries)
    .values(rows)
    .onConflictDoUpdate({
      target: industries.code,
      set: { name: sql`excluded.name`, sortOrder: sql`excluded.sort_order` },
    });
}
