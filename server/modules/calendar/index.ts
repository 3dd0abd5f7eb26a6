import type { ModuleContext } from '../../platform/http/types.js';
import { calendarRoutes } from './routes.js';
import { seedCalendar } from './seed.js';

export { loadCalendar, workingDayEnd } from './queries.js';

/** The national work calendar: periods counted in PRC working days (opinions, public notices, replies). */
export const calendarModule = {
  name: 'calendar',
  seed: seedCalendar,
  routes(ctx: ModuleContext) {
    calendarRoutes(ctx);
  },
};
