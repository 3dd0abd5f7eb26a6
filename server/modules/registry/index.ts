import type { JobRunner } from '../../platform/jobs/worker.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { registryImportRoutes } from './import-routes.js';
import { IMPORT_JOB, runImport } from './import/run-import.js';
import { registryRoutes } from './routes.js';
import { seedIndustries } from './seed.js';
import { setupRegistry } from './setup.js';

export { enterpriseScope, loadEnterprisesByIds } from './queries.js';
export { enterprisePolicy } from './policy.js';

export const registryModule = {
  name: 'registry',
  setup: setupRegistry,
  seed: seedIndustries,
  routes(ctx: ModuleContext) {
    registryRoutes(ctx);
    registryImportRoutes(ctx);
  },
  jobs(runner: JobRunner) {
    runner.register(IMPORT_JOB, runImport);
  },
};
