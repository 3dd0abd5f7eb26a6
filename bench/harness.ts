import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { buildApp } from '../server/app.js';
import { jurisdictions } from '../server/db/schema/index.js';
import { createUser } from '../server/modules/identity/commands/create-user.js';
import { seedReferenceData } from '../server/modules/index.js';
import { openAndMigrate } from '../server/platform/db/open-and-migrate.js';

/** A fresh database (PGlite in a temp dir, or DATABASE_URL) with the app built on it. */
export async function benchApp() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'safecomply-bench-'));
  const database = await openAndMigrate({ databaseUrl: process.env.DATABASE_URL, dataDir });
  await seedReferenceData(database.db);
  const { app, jobs } = await buildApp({ database, serveWeb: false, bodyLimitBytes: 1024 * 1024 });
  await app.ready();
  const [j] = await database.db.select().from(jurisdictions).where(eq(jurisdictions.code, '330302'));
  return {
    app,
    jobs,
    database,
    jurisdictionId: j.id,
    async login(role: 'bureau_admin', unitId: string) {
      const username = `bench_${role}_${Date.now()}`;
      await createUser(database.db, null, { jurisdictionId: j.id, username, displayName: 'bench', password: 'Bench-Password-1', mustChangePassword: false, bindings: [{ role, unitId }] });
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Bench-Password-1' } });
      return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: (res.json() as { csrfToken: string }).csrfToken };
    },
    async close() {
      await jobs.stop();
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Peak resident memory while `fn` runs, sampled every 50 ms. */
export async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await fn();
    return { result, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
