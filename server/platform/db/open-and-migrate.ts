import { mkdirSync } from 'node:fs';
import { openDatabase, type Database } from './client.js';
import { migrate } from './migrate.js';
import { seedAllJurisdictions } from '../../modules/identity/seed-jurisdiction.js';
import { setupModules } from '../../modules/index.js';

/** Open the configured engine, apply migrations and make sure reference data is present. */
export async function openReadyDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  setupModules();
  if (!opts.databaseUrl) mkdirSync(opts.dataDir, { recursive: true });
  const database = await openDatabase(opts);
  await migrate(database);
  await seedAllJurisdictions(database.db);
  return database;
}
