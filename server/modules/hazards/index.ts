import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { can } from '../../platform/access/policy.js';
import { registerTemplate } from '../../platform/documents/template.js';
import { registerEntityReadCheck } from '../../platform/files/entity-access.js';
import type { ModuleContext } from '../../platform/http/types.js';
import type { JobRunner } from '../../platform/jobs/worker.js';
import { hazardAbilities, hazardPolicy } from './policy.js';
import { loadHazard } from './queries.js';
import { hazardRoutes } from './routes.js';
import { HAZARD_SWEEP, hazardSweepEveryMs, sweepHazards } from './sweep.js';
import { extensionDecisionTemplate } from './templates/extension-decision.js';

export { sweepHazards } from './sweep.js';
export { raiseHazards } from './commands/raise-hazards.js';
export { hazardCounts, majorHazardsOnItems } from './queries.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 事故隐患 and their rectification, 延期整改 requests, and the overdue / reminder sweep. */
export const hazardsModule = {
  name: 'hazards',
  setup() {
    registerJurisdictionAbilities(hazardAbilities);
    registerTemplate(extensionDecisionTemplate);
    // before / after photos and extension evidence are uploaded to the hazard
    registerEntityReadCheck(
      'hazard',
      async (db, actor, id) => uuid.test(id) && (await loadHazard(db, actor, id)) !== undefined,
      async (db, actor, id) => {
        const h = uuid.test(id) ? await loadHazard(db, actor, id) : undefined;
        return (
          h !== undefined && (can(hazardPolicy, actor, 'update', h) || can(hazardPolicy, actor, 'verify', h))
        );
      },
    );
  },
  routes(ctx: ModuleContext) {
    hazardRoutes(ctx);
  },
  jobs(runner: JobRunner) {
    runner.schedule(HAZARD_SWEEP, hazardSweepEveryMs, async ({ db }) => sweepHazards(db));
  },
};
