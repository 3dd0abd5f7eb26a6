import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPglite, openPostgres, queryRows, type Database } from '../server/platform/db/client.js';
import { DiskFileStore } from '../server/platform/files/store.js';
import { createTestContext, type TestContext } from '../test/context.js';
import { adminUrl, databaseUrl } from '../test/engine.js';
import { buildUser } from '../test/factories.js';
import { auditHeads, tableCounts, type Manifest } from './backup.js';

const execute = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

let ctx: TestContext;
let tmp: string;
/** the environment that points the scripts at the source: DATABASE_URL or DATA_DIR, and the files under DATA_DIR */
let sourceEnv: Record<string, string>;
let sourceDir: string;
let scratchDb: string | null = null;
let evidence: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  for (let i = 0; i < 3; i++)
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sc-backup-'));
  sourceDir = path.join(tmp, 'source');
  const store = new DiskFileStore(path.join(sourceDir, 'files'));
  evidence = [await store.put(Buffer.from('photo one')), await store.put(randomBytes(5000))];
  if (ctx.database.engine === 'postgres') {
    const [{ name }] = await queryRows<{ name: string }>(ctx.db, sql`select current_database() as name`);
    sourceEnv = { DATABASE_URL: databaseUrl(name), DATA_DIR: sourceDir };
  } else {
    // PGlite is one process per data directory: the scripts read a copy, closed before they run
    const copy = await openPglite({
      dataDir: path.join(sourceDir, 'pgdata'),
      loadDataDir: await ctx.database.pglite!.dumpDataDir('none'),
    });
    await copy.close();
    sourceEnv = { DATABASE_URL: '', DATA_DIR: sourceDir };
  }
});

afterAll(async () => {
  await ctx.close();
  rmSync(tmp, { recursive: true, force: true });
  if (scratchDb) await admin(`drop database if exists ${scratchDb} with (force)`);
});

async function admin(query: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function script(name: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await execute(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'scripts', `${name}.ts`), ...args],
      { env: { ...process.env, ...env }, cwd: root },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A fresh, empty target: a new PostgreSQL database, or a new data directory. */
async function freshTarget(): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(tmp, 'target-'));
  if (ctx.database.engine === 'postgres') {
    scratchDb = `sc_t_${inject('runId')}_restore_${randomBytes(3).toString('hex')}`;
    await admin(`create database ${scratchDb}`);
    return { DATABASE_URL: databaseUrl(scratchDb), DATA_DIR: dir };
  }
  return { DATABASE_URL: '', DATA_DIR: dir };
}

async function openTarget(env: Record<string, string>): Promise<Database> {
  return env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, 1)
    : openPglite({ dataDir: path.join(env.DATA_DIR, 'pgdata') });
}

describe('npm run backup / npm run restore', () => {
  it('restores a database with data into a fresh one: same row counts, same audit chain heads, same evidence files', async () => {
    const expectedTables = await tableCounts(ctx.db);
    const expectedHeads = await auditHeads(ctx.db);
    expect(expectedTables['public.users']).toBeGreaterThanOrEqual(3);
    expect(expectedTables['public.events']).toBeGreaterThan(0);

    const backupDir = path.join(tmp, 'backup');
    const made = await script('backup', [backupDir], sourceEnv);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('backup: done');
    const manifest = JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({
      engine: ctx.database.engine,
      tables: expectedTables,
      auditHeads: expectedHeads,
      files: 2,
    });

    // a second backup into the same (now non-empty) directory is refused
    expect((await script('backup', [backupDir], sourceEnv)).code).toBe(1);

    const target = await freshTarget();
    const restored = await script('restore', [backupDir], target);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('restore: done and checked');

    const database = await openTarget(target);
    try {
      expect(await tableCounts(database.db)).toEqual(expectedTables);
      const heads = await auditHeads(database.db);
      expect(heads).toEqual(expectedHeads);
      expect(Object.values(heads).every((h) => h.ok && h.hash)).toBe(true);
    } finally {
      await database.close();
    }
    const restoredStore = new DiskFileStore(path.join(target.DATA_DIR, 'files'));
    for (const sha of evidence) {
      expect(readFileSync(restoredStore.pathOf(sha))).toEqual(
        readFileSync(new DiskFileStore(path.join(sourceDir, 'files')).pathOf(sha)),
      );
    }

    // the target now holds data: restoring again is refused without --force, and works with it
    const refused = await script('restore', [backupDir], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not empty');
    expect(refused.stderr).toContain('--force');
    const forced = await script('restore', [backupDir, '--force'], target);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const again = await openTarget(target);
    try {
      expect(await tableCounts(again.db)).toEqual(expectedTables);
    } finally {
      await again.close();
    }
  });

  it('refuses a directory that is not a backup', async () => {
    const res = await script('restore', [mkdtempSync(path.join(tmp, 'nothing-'))], {
      DATABASE_URL: '',
      DATA_DIR: tmp,
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('not a backup');
  });
});
