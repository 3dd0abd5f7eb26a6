import { randomBytes } from 'node:crypto';
import { writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../server/platform/db/client.js';
import { migrate } from '../server/platform/db/migrate.js';
import { seedReferenceData, setupModules } from '../server/modules/index.js';
import { adminUrl, databaseUrl, testEngine } from './engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    template: string;
    runId: string;
  }
}

/**
 * Build one migrated, seeded database per run; every test file starts from a copy of it, so files are isolated
 * from each other and two runs never collide (the run id is in every database name).
 */
export default async function setup(project: TestProject) {
  setupModules();
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  project.provide('runId', runId);
  if (testEngine === 'pglite') {
    const database = await openPglite({});
    await migrate(database);
    await seedReferenceData(database.db);
    const dump = await database.pglite!.dumpDataDir('none');
    const file = path.join(os.tmpdir(), `safecomply-template-${runId}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('template', file);
    return () => rmSync(file, { force: true });
  }
  const template = `sc_tmpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const database = await openPostgres(databaseUrl(template), 1);
  await migrate(database);
  await seedReferenceData(database.db);
  await database.close();
  project.provide('template', template);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`sc_%${runId}%`],
    );
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
  };
}
