import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../server/app.js';
import { jurisdictions, units } from '../server/db/schema/index.js';
import { setupModules } from '../server/modules/index.js';
import { openPglite, openPostgres, type Database, type Db } from '../server/platform/db/client.js';
import type { RateLimitOptions } from '../server/platform/http/rate-limit.js';
import type { App } from '../server/platform/http/types.js';
import type { JobRunner } from '../server/platform/jobs/worker.js';
import { adminUrl, databaseUrl, testEngine } from './engine.js';

export interface TestContext {
  app: App;
  db: Db;
  database: Database;
  jobs: JobRunner;
  jurisdictionId: string;
  /** id of a department or subdistrict by its code in data/jurisdictions (e.g. 'yjj', 'shuangyu') */
  unit(code: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh copy of the seeded template database and an app on it. One per test file. */
export async function openTestDatabase(): Promise<Database> {
  setupModules();
  const template = inject('template');
  if (testEngine === 'pglite') {
    return openPglite({ loadDataDir: new Blob([readFileSync(template)]) });
  }
  const name = `sc_t_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return openPostgres(databaseUrl(name), 5);
}

/**
 * Rate limits are off unless a test asks for them (`rateLimit: { clock }`): the files log in far more often than
 * a person would (server/platform/http/rate-limit.test.ts tests the limits).
 */
export async function createTestContext(
  opts: { bodyLimitBytes?: number; trustProxy?: boolean; rateLimit?: RateLimitOptions | false } = {},
): Promise<TestContext> {
  const database = await openTestDatabase();
  const { app, jobs } = await buildApp({
    database,
    serveWeb: false,
    bodyLimitBytes: opts.bodyLimitBytes,
    trustProxy: opts.trustProxy,
    rateLimit: opts.rateLimit ?? false,
  });
  await app.ready();
  const [j] = await database.db.select().from(jurisdictions).where(eq(jurisdictions.code, '330302'));
  const unitIds = new Map<string, string>();
  return {
    app,
    db: database.db,
    database,
    jobs,
    jurisdictionId: j.id,
    async unit(code) {
      if (!unitIds.has(code)) {
        const [u] = await database.db.select().from(units).where(eq(units.code, code));
        if (!u) throw new Error(`no unit ${code}`);
        unitIds.set(code, u.id);
      }
      return unitIds.get(code)!;
    },
    async close() {
      await jobs.stop();
      await app.close();
      await database.close();
    },
  };
}
