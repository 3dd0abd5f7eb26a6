import { buildApp } from './app.js';
import { ensureSystemAdmin } from './modules/identity/commands/ensure-admin.js';
import { seedReferenceData } from './modules/index.js';
import { loadConfig } from './platform/config.js';
import { openAndMigrate } from './platform/db/open-and-migrate.js';

const config = loadConfig();
const database = await openAndMigrate(config);
await seedReferenceData(database.db);
const admin = await ensureSystemAdmin(database.db, config.jurisdictionCode, config.adminPassword);
const { app, jobs } = await buildApp({
  database,
  logger: { level: config.logLevel },
  bodyLimitBytes: config.bodyLimitBytes,
  trustProxy: config.trustProxy,
});
if (config.runJobs) jobs.start();
await app.listen({ port: config.port, host: config.host });

const url = `http://localhost:${config.port}/`;
const lines = [
  '',
  `SafeComply 安全生产合规管理平台 is running: ${url}`,
  `  database: ${database.engine === 'pglite' ? `PGlite (embedded) in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  `  API docs: ${url}api/docs`,
];
if (admin.created && admin.password) {
  lines.push(`  first start: log in as "${admin.username}" with password ${admin.password} (shown once; change it after login)`);
} else if (admin.created) {
  lines.push(`  first start: log in as "${admin.username}" with the password from ADMIN_PASSWORD`);
} else {
  lines.push(`  log in as "${admin.username}" (or any user created since)`);
}
console.log(lines.join('\n'));

async function shutdown() {
  await jobs.stop();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
