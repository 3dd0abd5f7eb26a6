import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { can } from '../../platform/access/policy.js';
import { registerEntityReadCheck } from '../../platform/files/entity-access.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { assessmentPolicy, inspectionAbilities } from './policy.js';
import { loadAssessment } from './queries.js';
import { inspectionRoutes } from './routes.js';

export { inspectedBySince, latestAssessments, withCompletedSelfInspection } from './queries.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 自查自纠 and first inspections by an engaged agency, against the standard version that applies. */
export const inspectionsModule = {
  name: 'inspections',
  setup() {
    registerJurisdictionAbilities(inspectionAbilities);
    // evidence photos are uploaded to the assessment while it is answered, and read with it
    registerEntityReadCheck(
      'assessment',
      async (db, actor, id) => uuid.test(id) && (await loadAssessment(db, actor, id)) !== undefined,
      async (db, actor, id) => {
        const row = uuid.test(id) ? await loadAssessment(db, actor, id) : undefined;
        return row !== undefined && can(assessmentPolicy, actor, 'answer', row);
      },
    );
  },
  routes(ctx: ModuleContext) {
    inspectionRoutes(ctx);
  },
};
