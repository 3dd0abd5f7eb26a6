import type { ModuleContext } from '../platform/http/types.js';
import type { Db } from '../platform/db/client.js';
import type { JobRunner } from '../platform/jobs/worker.js';
import { agenciesModule } from './agencies/index.js';
import { associationsModule } from './associations/index.js';
import { auditRoutes } from './audit/routes.js';
import { calendarModule } from './calendar/index.js';
import { commitmentsModule } from './commitments/index.js';
import { confirmationsModule } from './confirmations/index.js';
import { documentsModule } from './documents/index.js';
import { enforcementModule } from './enforcement/index.js';
import { hazardsModule } from './hazards/index.js';
import { identityRoutes } from './identity/routes.js';
import { inspectionsModule } from './inspections/index.js';
import { registerIdentityUnitResolvers } from './identity/unit-resolvers.js';
import { jobRoutes } from './jobs/routes.js';
import { notificationsModule } from './notifications/index.js';
import { seedAllJurisdictions } from './identity/seed-jurisdiction.js';
import { readinessModule } from './readiness/index.js';
import { recordsModule } from './records/index.js';
import { registryModule } from './registry/index.js';
import { standardsModule } from './standards/index.js';
import { whitelistModule } from './whitelist/index.js';
import { settingsRoutes } from './settings/routes.js';

/**
 * A domain module as the app sees it: one-time setup (unit resolvers), reference data it seeds at every start
 * (idempotent), its routes and its jobs.
 */
export interface Module {
  name: string;
  setup?(): void;
  seed?(db: Db): Promise<void>;
  routes(ctx: ModuleContext): void;
  jobs?(runner: JobRunner): void;
}

export const modules: Module[] = [
  {
    name: 'identity',
    setup: registerIdentityUnitResolvers,
    seed: async (db) => void (await seedAllJurisdictions(db)),
    routes: identityRoutes,
  },
  registryModule,
  standardsModule,
  { name: 'audit', routes: auditRoutes },
  { name: 'settings', routes: settingsRoutes },
  { name: 'jobs', routes: jobRoutes },
  documentsModule,
  notificationsModule,
  agenciesModule,
  commitmentsModule,
  inspectionsModule,
  hazardsModule,
  readinessModule,
  confirmationsModule,
  calendarModule,
  recordsModule,
  whitelistModule,
  associationsModule,
  enforcementModule,
];

let setupDone = false;
export function setupModules(): void {
  if (setupDone) return;
  setupDone = true;
  for (const m of modules) m.setup?.();
}

/** Reference data of every module (jurisdictions and their units, industries, …), idempotent. */
export async function seedReferenceData(db: Db): Promise<void> {
  setupModules();
  for (const m of modules) await m.seed?.(db);
}
