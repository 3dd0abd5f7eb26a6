import { readFileSync } from 'node:fs';
import type { LeniencyList } from '../../../domain/enforcement.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { violationTypes, type AdviceItem } from '../../db/schema/enforcement.js';
import { jurisdictions } from '../../db/schema/reference.js';
import type { Db } from '../../platform/db/client.js';

const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../data/enforcement/violation-types.json',
);

interface CatalogFile {
  types: {
    code: string;
    name: string;
    legalBasis: string;
    penaltyBasis: string;
    penaltyRange: string;
    adviceItems: string[];
    leniencyList?: LeniencyList | null;
  }[];
}

/**
 * Seed every jurisdiction's violation-type catalog from data/enforcement/violation-types.json. Idempotent: a type the
 * jurisdiction already has (by code) is left as the bureau keeps it.
 */
export async function seedViolationTypes(db: Db): Promise<void> {
  const catalog = JSON.parse(readFileSync(file, 'utf8')) as CatalogFile;
  const all = await db.select({ id: jurisdictions.id }).from(jurisdictions);
  for (const j of all) {
    await db
      .insert(violationTypes)
      .values(
        catalog.types.map((t) => ({
          jurisdictionId: j.id,
          code: t.code,
          name: t.name,
          legalBasis: t.legalBasis,
          penaltyBasis: t.penaltyBasis,
          penaltyRange: t.penaltyRange,
          adviceItems: t.adviceItems.map((text): AdviceItem => ({ text })),
          leniencyList: t.leniencyList ?? null,
        })),
      )
      .onConflictDoNothing();
  }
}
