/**
 * Before `scripts/sqlmap.sh` starts the server on its demo data directory: lift the per-IP limit of the public
 * routes, which every sqlmap request would otherwise hit after 60 a minute (429 instead of an answer to scan).
 * Run with DATA_DIR pointing at the (stopped) data directory; PGlite is one process per directory.
 */
import { asc } from 'drizzle-orm';
import { settings } from '../server/db/schema/platform.js';
import { jurisdictions } from '../server/db/schema/reference.js';
import { loadConfig } from '../server/platform/config.js';
import { openAndMigrate } from '../server/platform/db/open-and-migrate.js';

const database = await openAndMigrate(loadConfig());
// the rate limiter reads the first jurisdiction by code (server/platform/http/rate-limit.ts)
const [j] = await database.db.select().from(jurisdictions).orderBy(asc(jurisdictions.code)).limit(1);
await database.db.insert(settings).values({
  jurisdictionId: j.id,
  key: 'public.rateLimitPerMinute',
  value: 1_000_000,
  reason: 'sqlmap scan: every request comes from one address',
});
await database.close();
