import type { ModuleContext } from '../../platform/http/types.js';
import { readinessRoutes } from './routes.js';

/** The enterprise's getting-ready status across commitment, inspections and hazards. */
export const readinessModule = {
  name: 'readiness',
  routes(ctx: ModuleContext) {
    readinessRoutes(ctx);
  },
};
