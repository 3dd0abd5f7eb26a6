import { mkdirSync } from 'node:fs';
import { openDatabase, type Database } from './client.js';
import { migrate } from './migrate.js';

/**
 * Open the configured engine and apply migrations. Reference data (jurisdictions and their units) is seeded by
 * the caller through the modules that own it (server/main.ts, test/global-setup.ts): the platform never imports
 * modules.
 */
export async function openAndMigrate(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (!opts.databaseUrl) mkdirSync(opts.dataDir, { recursive: true });
  const database = await openDatabase(opts);
  await migrate(database);
  return database;
}
