import type { ModuleContext } from '../../platform/http/types.js';
import { notificationRoutes } from './routes.js';

export { notify, notifyMany, type NotifyInput } from './commands/notify.js';

/** In-app notifications addressed to units; other modules send them with `notify(tx, …)` (docs/notifications.md). */
export const notificationsModule = {
  name: 'notifications',
  routes(ctx: ModuleContext) {
    notificationRoutes(ctx);
  },
};
