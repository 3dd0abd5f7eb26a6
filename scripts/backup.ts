/**
 * `npm run backup -- <dir>` — copy the configured database and the evidence files into a new directory.
 *
 * - PostgreSQL (DATABASE_URL): `pg_dump --format=custom` into `<dir>/database.pgdump` (consistent snapshot while
 *   the server runs; pg_dump must be at least the server's major version — `PG_DUMP` names another binary).
 * - PGlite (DATA_DIR, default var/): the data directory `<DATA_DIR>/pgdata` is opened and written out with
 *   PGlite's `dumpDataDir('gzip')` into `<dir>/pgdata.tar.gz`. PGlite is one process per data directory and has no
 *   lock: **stop the server first** (the same rule as `npm run audit:verify`). Copying the directory's files while
 *   a server writes them could copy a torn page; the dump goes through PostgreSQL itself.
 * - Evidence files: `<DATA_DIR>/files` (content-addressed, immutable) copied to `<dir>/files`.
 * - `<dir>/manifest.json`: engine, time, row count of every table and every jurisdiction's audit chain head, which
 *   `npm run restore` checks after restoring.
 *
 * The target directory must not exist or be empty. Exit code 0 done, 1 refused or failed.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig, type Config } from '../server/platform/config.js';
import { openDatabase, queryRows, type Db, type Engine } from '../server/platform/db/client.js';
import { verifyAllChains } from './audit-verify.js';

export const run = promisify(execFile);

export interface Manifest {
  format: 'safecomply-backup';
  version: 1;
  engine: Engine;
  createdAt: string;
  /** `database.pgdump` (PostgreSQL) or `pgdata.tar.gz` (PGlite) */
  databaseFile: string;
  /** `schema.table` → rows */
  tables: Record<string, number>;
  /** jurisdiction code → its chain's last seq and hash */
  auditHeads: Record<string, { seq: number; hash: string | null; ok: boolean }>;
  files: number;
}

export const manifestName = 'manifest.json';

/** Row counts of every table of the application's schemas (public and drizzle's migration journal). */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await queryRows<{ schema: string; name: string }>(
    db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql.raw(`select count(*)::int as n from "${t.schema}"."${t.name}"`),
    );
    out[`${t.schema}.${t.name}`] = Number(row.n);
  }
  return out;
}

export async function auditHeads(db: Db): Promise<Manifest['auditHeads']> {
  const { reports } = await verifyAllChains(db);
  return Object.fromEntries(reports.map((r) => [r.code, { seq: r.headSeq, hash: r.headHash, ok: r.ok }]));
}

export function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && !e.name.endsWith('.tmp')) n += 1;
  }
  return n;
}

export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

export const filesDirOf = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'files');
export const pgdataOf = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'pgdata');

export async function backup(config: Config, target: string, log: (line: string) => void): Promise<Manifest> {
  if (!isEmptyDir(target)) throw new Error(`${target} is not empty; choose a new directory`);
  const engine: Engine = config.databaseUrl ? 'postgres' : 'pglite';
  if (engine === 'pglite' && !existsSync(pgdataOf(config))) {
    throw new Error(`no database at ${pgdataOf(config)} (set DATA_DIR or DATABASE_URL)`);
  }
  await mkdir(target, { recursive: true });
  const databaseFile = engine === 'postgres' ? 'database.pgdump' : 'pgdata.tar.gz';
  const database = await openDatabase(config);
  let tables: Manifest['tables'];
  let heads: Manifest['auditHeads'];
  try {
    if (engine === 'postgres') {
      // counts first, then the dump: the dump is a later snapshot, so a write in between shows as a count mismatch
      // in restore's check rather than passing silently; run backups when writes are quiet or accept that note
      tables = await tableCounts(database.db);
      heads = await auditHeads(database.db);
      log(`backup: pg_dump of the database into ${databaseFile}`);
      await run(process.env.PG_DUMP || 'pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-acl',
        `--file=${path.join(target, databaseFile)}`,
        `--dbname=${config.databaseUrl}`,
      ]);
    } else {
      tables = await tableCounts(database.db);
      heads = await auditHeads(database.db);
      log(`backup: PGlite dumpDataDir of ${pgdataOf(config)} into ${databaseFile}`);
      const dump = await database.pglite!.dumpDataDir('gzip');
      await writeFile(path.join(target, databaseFile), Buffer.from(await dump.arrayBuffer()));
    }
  } finally {
    await database.close();
  }
  const filesDir = filesDirOf(config);
  if (existsSync(filesDir)) {
    await cp(filesDir, path.join(target, 'files'), {
      recursive: true,
      filter: (src) => !src.endsWith('.tmp'),
    });
  }
  const manifest: Manifest = {
    format: 'safecomply-backup',
    version: 1,
    engine,
    createdAt: new Date().toISOString(),
    databaseFile,
    tables,
    auditHeads: heads,
    files: countFiles(path.join(target, 'files')),
  };
  await writeFile(path.join(target, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  log(
    `backup: done — ${Object.keys(tables).length} tables, ${rows} rows, ${manifest.files} evidence files, ` +
      `audit heads ${Object.entries(heads)
        .map(([code, h]) => `${code}#${h.seq}`)
        .join(', ')} → ${target}`,
  );
  return manifest;
}

async function main(): Promise<number> {
  const target = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!target) {
    console.error('usage: npm run backup -- <dir>');
    return 1;
  }
  await backup(loadConfig(), path.resolve(target), (line) => console.log(line));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      const e = err as { message?: string; stderr?: string };
      console.error(`backup: ${e.stderr?.trim() || e.message || String(err)}`);
      process.exit(1);
    },
  );
}
