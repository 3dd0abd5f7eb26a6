import type { ModuleContext } from '../platform/http/types.js';
import type { JobRunner } from '../platform/jobs/worker.js';
import { auditRoutes } from './audit/routes.js';
import { identityRoutes } from './identity/routes.js';
import { registerIdentityUnitResolvers } from './identity/unit-resolvers.js';
import { jobRoutes } from './jobs/routes.js';
import { settingsRoutes } from './settings/routes.js';

/** A domain module as the app sees it: its routes, its jobs, and one-time setup (unit resolvers). */
export interface Module {
  name: string;
  setup?(): void;
  routes(ctx: ModuleContext): void;
  jobs?(runner: JobRunner): void;
}

export const modules: Module[] = [
  { name: 'identity', setup: registerIdentityUnitResolvers, routes: identityRoutes },
  { name: 'audit', routes: auditRoutes },
  { name: 'settings', routes: settingsRoutes },
  { name: 'jobs', routes: jobRoutes },
];

let setupDone = false;
export function setupModules(): void {
  if (setupDone) return;
  setupDone = true;
  for (const m of modules) m.setup?.();
}
