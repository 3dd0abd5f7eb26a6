import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { jurisdictions, units } from '../../db/schema/identity.js';
import type { Db } from '../../platform/db/client.js';
import { inTransaction } from '../../platform/db/tx.js';
import { appendEvent } from '../../platform/audit/append.js';
import { platformEvents } from '../../platform/audit/event-kinds.js';

interface JurisdictionFile {
  code: string;
  name: string;
  shortName: string;
  departments: { code: string; name: string; isBureau?: boolean }[];
  subdistricts: { code: string; name: string; subkind: string }[];
}

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/jurisdictions');

export function jurisdictionFiles(): JurisdictionFile[] {
  return readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(dataDir, f), 'utf8')) as JurisdictionFile);
}

/** Idempotent: create the jurisdiction and its units from data/, adding what is missing. */
export async function seedJurisdiction(db: Db, file: JurisdictionFile): Promise<string> {
  return inTransaction(db, async (tx) => {
    await tx
      .insert(jurisdictions)
      .values({ code: file.code, name: file.name, shortName: file.shortName })
      .onConflictDoNothing();
    const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, file.code));
    const wanted = [
      ...file.departments.map((d, i) => ({
        kind: 'department' as const,
        code: d.code,
        name: d.name,
        isBureau: d.isBureau ?? false,
        subkind: null,
        sortOrder: i,
      })),
      ...file.subdistricts.map((s, i) => ({
        kind: 'subdistrict' as const,
        code: s.code,
        name: s.name,
        isBureau: false,
        subkind: s.subkind,
        sortOrder: i,
      })),
    ];
    let added = 0;
    for (const u of wanted) {
      const [existing] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.jurisdictionId, j.id), eq(units.code, u.code)));
      if (existing) continue;
      await tx.insert(units).values({ ...u, jurisdictionId: j.id });
      added += 1;
    }
    if (added > 0) {
      await appendEvent(tx, {
        kind: platformEvents.jurisdictionSeeded,
        jurisdictionId: j.id,
        actor: { userId: null, label: 'system' },
        entityType: 'jurisdiction',
        entityId: j.id,
        after: { code: file.code, units: added },
      });
    }
    return j.id;
  });
}

export async function seedAllJurisdictions(db: Db): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const file of jurisdictionFiles()) ids.set(file.code, await seedJurisdiction(db, file));
  return ids;
}
