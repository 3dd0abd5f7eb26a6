import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { standardAbilities } from './policy.js';
import { standardRoutes } from './routes.js';

export { applicableStandard, versionItems } from './applicable.js';
export { createFromTemplate } from './commands/load-reference.js';

export const standardsModule = {
  name: 'standards',
  setup() {
    registerJurisdictionAbilities(standardAbilities);
  },
  routes(ctx: ModuleContext) {
    standardRoutes(ctx);
  },
};
