/**
 * `npm run audit:verify` — walk every jurisdiction's audit chain in the configured database and name the first
 * broken event. Opens the database without migrating it (DATABASE_URL, or the PGlite data directory under
 * DATA_DIR, default var/). Exit code: 0 all chains hold, 1 a chain is broken, 2 the database could not be read.
 *
 * On PGlite the data directory belongs to one process at a time: stop the server first (or verify from the
 * admin page, which runs the same check).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { asc } from 'drizzle-orm';
import { jurisdictions } from '../server/db/schema/identity.js';
import { loadConfig } from '../server/platform/config.js';
import { openDatabase, type Db } from '../server/platform/db/client.js';
import { verifyChain, type ChainReport } from '../server/platform/audit/verify.js';

export interface JurisdictionReport extends ChainReport {
  code: string;
  name: string;
}

/** Verify every jurisdiction's chain; one line per jurisdiction goes to `print`. */
export async function verifyAllChains(
  db: Db,
  print: (line: string) => void = () => undefined,
): Promise<{ ok: boolean; reports: JurisdictionReport[] }> {
  const rows = await db.select().from(jurisdictions).orderBy(asc(jurisdictions.code));
  const reports: JurisdictionReport[] = [];
  for (const j of rows) {
    const report = { ...(await verifyChain(db, j.id)), code: j.code, name: j.name };
    reports.push(report);
    print(formatReport(report));
  }
  return { ok: reports.every((r) => r.ok), reports };
}

export function formatReport(r: JurisdictionReport): string {
  const who = `${r.code} ${r.name}`;
  if (r.ok) return `${who}: ok, ${r.checked} events, head ${r.headHash}`;
  const b = r.firstBroken!;
  if (b.reason === 'head_mismatch') {
    return (
      `${who}: BROKEN head_mismatch — the chain head records seq ${b.seq} but the stored events end at ` +
      `seq ${r.headSeq} (hash ${r.headHash}); events were removed or the head was altered (${r.checked} events hold)`
    );
  }
  return `${who}: BROKEN at seq ${b.seq}, event ${b.id}: ${b.reason} (${r.checked} events before it hold)`;
}

async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    const pgdata = path.join(config.dataDir, 'pgdata');
    if (!existsSync(pgdata)) {
      console.error(`audit:verify: no database at ${pgdata} (set DATA_DIR or DATABASE_URL)`);
      return 2;
    }
  }
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`audit:verify: checking the audit chains in ${where}`);
  const database = await openDatabase(config);
  try {
    const { ok, reports } = await verifyAllChains(database.db, (line) => console.log(line));
    if (reports.length === 0) console.log('audit:verify: no jurisdictions in this database');
    return ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`audit:verify: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}
