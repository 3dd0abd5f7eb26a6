/**
 * `npm run restore -- <dir> [--force]` — put a backup made by `npm run backup` into the configured database and
 * evidence files directory, then check it: every table's row count and every audit chain head must equal the
 * backup's manifest (and the chains must verify).
 *
 * - PostgreSQL (DATABASE_URL): `pg_restore --single-transaction --exit-on-error --no-owner` into that database
 *   (`PG_RESTORE` names another binary). The target must have no tables; `--force` drops the `public` and
 *   `drizzle` schemas first.
 * - PGlite (DATA_DIR): the dump is loaded into a new `<DATA_DIR>/pgdata`. It must not exist (or be empty);
 *   `--force` removes it first. Stop the server first.
 * - Evidence files go to `<DATA_DIR>/files`, which must be empty; `--force` replaces it.
 *
 * A backup restores into the engine it was taken from. Exit code 0 restored and checked, 1 refused or failed.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { loadConfig, type Config } from '../server/platform/config.js';
import { openDatabase, openPglite, queryRows, type Engine } from '../server/platform/db/client.js';
import {
  auditHeads,
  countFiles,
  filesDirOf,
  isEmptyDir,
  manifestName,
  pgdataOf,
  run,
  tableCounts,
  type Manifest,
} from './backup.js';

export class RestoreRefused extends Error {}

export async function restore(
  config: Config,
  source: string,
  opts: { force: boolean },
  log: (line: string) => void,
): Promise<void> {
  const manifestFile = path.join(source, manifestName);
  if (!existsSync(manifestFile)) throw new RestoreRefused(`${source} has no ${manifestName}: not a backup`);
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
  if (manifest.format !== 'safecomply-backup' || manifest.version !== 1) {
    throw new RestoreRefused(`${manifestFile} is not a SafeComply backup (version 1)`);
  }
  const engine: Engine = config.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.engine !== engine) {
    throw new RestoreRefused(
      `the backup is of a ${manifest.engine} database and the target is ${engine}; restore into the same engine`,
    );
  }
  const filesDir = filesDirOf(config);

  // refuse a target that holds anything, unless --force
  const occupied: string[] = [];
  if (engine === 'postgres') {
    const database = await openDatabase(config);
    try {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`,
      );
      if (Number(row.n) > 0) occupied.push(`the database has ${row.n} tables`);
      if (Number(row.n) > 0 && opts.force) {
        log('restore: --force: dropping the schemas public and drizzle of the target database');
        await database.exec(
          'drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public;',
        );
      }
    } finally {
      await database.close();
    }
  } else if (!isEmptyDir(pgdataOf(config))) {
    occupied.push(`${pgdataOf(config)} is not empty`);
  }
  if (!isEmptyDir(filesDir)) occupied.push(`${filesDir} is not empty`);
  if (occupied.length > 0 && !opts.force) {
    throw new RestoreRefused(`the target is not empty (${occupied.join('; ')}); pass --force to replace it`);
  }

  const dump = path.join(source, manifest.databaseFile);
  if (engine === 'postgres') {
    log(`restore: pg_restore of ${manifest.databaseFile}`);
    await run(process.env.PG_RESTORE || 'pg_restore', [
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-acl',
      `--dbname=${config.databaseUrl}`,
      dump,
    ]);
  } else {
    await rm(pgdataOf(config), { recursive: true, force: true });
    log(`restore: loading ${manifest.databaseFile} into ${pgdataOf(config)}`);
    const loaded = await openPglite({
      dataDir: pgdataOf(config),
      loadDataDir: new Blob([await readFile(dump)]),
    });
    await loaded.close();
  }
  await rm(filesDir, { recursive: true, force: true });
  if (existsSync(path.join(source, 'files')))
    await cp(path.join(source, 'files'), filesDir, { recursive: true });

  // check what is there now against the manifest
  const database = await openDatabase(config);
  try {
    const tables = await tableCounts(database.db);
    const heads = await auditHeads(database.db);
    const problems: string[] = [];
    for (const [name, n] of Object.entries(manifest.tables)) {
      if (tables[name] !== n)
        problems.push(`${name}: ${tables[name] ?? 'missing'} rows, the backup had ${n}`);
    }
    for (const [code, h] of Object.entries(manifest.auditHeads)) {
      const got = heads[code];
      if (!got || got.seq !== h.seq || got.hash !== h.hash) {
        problems.push(
          `audit head of ${code}: ${got ? `#${got.seq} ${got.hash}` : 'missing'}, the backup had #${h.seq} ${h.hash}`,
        );
      } else if (!got.ok) problems.push(`audit chain of ${code} does not verify (npm run audit:verify)`);
    }
    const files = countFiles(filesDir);
    if (files !== manifest.files) problems.push(`${files} evidence files, the backup had ${manifest.files}`);
    if (problems.length > 0)
      throw new Error(`restored, but it differs from the backup:\n  ${problems.join('\n  ')}`);
    const rows = Object.values(tables).reduce((a, b) => a + b, 0);
    log(
      `restore: done and checked — ${Object.keys(tables).length} tables, ${rows} rows, ${files} evidence files, ` +
        `audit heads ${Object.entries(heads)
          .map(([code, h]) => `${code}#${h.seq} ${h.hash}`)
          .join(', ')}`,
    );
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const source = args.find((a) => !a.startsWith('--'));
  if (!source) {
    console.error('usage: npm run restore -- <dir> [--force]');
    return 1;
  }
  await restore(loadConfig(), path.resolve(source), { force: args.includes('--force') }, (line) =>
    console.log(line),
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      const e = err as { message?: string; stderr?: string };
      console.error(`restore: ${e.stderr?.trim() || e.message || String(err)}`);
      process.exit(1);
    },
  );
}
