import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { recordImportRoutes } from './import-routes.js';
import { recordAbilities } from './policy.js';
import { recordRoutes } from './routes.js';

export { adverseFacts } from './queries.js';
export { recordAccident, recordPenalty, listDishonesty } from './commands.js';

/** 不良记录: the adverse facts white-list eligibility and exits read. */
export const recordsModule = {
  name: 'records',
  setup() {
    registerJurisdictionAbilities(recordAbilities);
  },
  routes(ctx: ModuleContext) {
    recordRoutes(ctx);
    recordImportRoutes(ctx);
  },
};
