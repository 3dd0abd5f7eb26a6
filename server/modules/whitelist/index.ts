import type { ModuleContext } from '../../platform/http/types.js';
import { whitelistRoutes } from './routes.js';

export { eligibilityOf } from './eligibility-facts.js';

/** 白名单: entry conditions so far; the application workflow, public notice and exits build on it. */
export const whitelistModule = {
  name: 'whitelist',
  routes(ctx: ModuleContext) {
    whitelistRoutes(ctx);
  },
};
