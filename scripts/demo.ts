/**
 * npm run demo [-- --enterprises N] [-- --seed S]
 * Loads the Lucheng demo data set into the configured database (DATA_DIR, default var/, or DATABASE_URL) and
 * writes demo-logins.json into the data directory. Running it again changes nothing and prints the logins.
 */
import { mkdirSync } from 'node:fs';
import { loadDemo } from '../server/demo/load-demo.js';
import { seedReferenceData } from '../server/modules/index.js';
import { loadConfig } from '../server/platform/config.js';
import { openAndMigrate } from '../server/platform/db/open-and-migrate.js';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const config = loadConfig();
mkdirSync(config.dataDir, { recursive: true });
const database = await openAndMigrate(config);
await seedReferenceData(database.db);
const started = Date.now();
const result = await loadDemo(database.db, {
  enterprises: flag('enterprises') ? Number(flag('enterprises')) : undefined,
  seed: flag('seed') ? Number(flag('seed')) : undefined,
  dataDir: config.dataDir,
});
await database.close();
console.log(
  result.alreadyLoaded
    ? 'Demo data was already loaded; nothing changed.'
    : `Loaded ${result.enterprises} enterprises, ${result.parks} micro-parks and ${result.standards} filed compliance standards in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
console.log(`Logins (password ${result.logins[0].password}), also in ${config.dataDir}/demo-logins.json:`);
for (const l of result.logins) console.log(`  ${l.role.padEnd(20)} ${l.username.padEnd(16)} ${l.unit}`);
