import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { can } from '../../platform/access/policy.js';
import { registerTemplate } from '../../platform/documents/template.js';
import { registerEntityReadCheck } from '../../platform/files/entity-access.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { confirmationAbilities, confirmationPolicy } from './policy.js';
import { loadConfirmation } from './queries.js';
import { confirmationRoutes } from './routes.js';
import { confirmationReportTemplate } from './templates/confirmation-report.js';

export { validConfirmation } from './queries.js';
export { keyItemsHash } from './key-items.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 第三方确认 by a qualified agency, signed by two registered safety engineers; agency records. */
export const confirmationsModule = {
  name: 'confirmations',
  setup() {
    registerJurisdictionAbilities(confirmationAbilities);
    registerTemplate(confirmationReportTemplate);
    registerEntityReadCheck(
      'confirmation',
      async (db, actor, id) => uuid.test(id) && (await loadConfirmation(db, actor, id)) !== undefined,
      async (db, actor, id) => {
        const row = uuid.test(id) ? await loadConfirmation(db, actor, id) : undefined;
        return row !== undefined && can(confirmationPolicy, actor, 'check', row);
      },
    );
  },
  routes(ctx: ModuleContext) {
    confirmationRoutes(ctx);
  },
};
