import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { registerSubjectStatus } from '../../platform/documents/subject-status.js';
import { registerTemplate } from '../../platform/documents/template.js';
import { entryStatusLine } from './entry-queries.js';
import type { ModuleContext } from '../../platform/http/types.js';
import type { JobRunner } from '../../platform/jobs/worker.js';
import { applicationRoutes } from './application-routes.js';
import { entryRoutes } from './entry-routes.js';
import { registerExitListeners } from './listeners.js';
import { noticeRoutes } from './notice-routes.js';
import { whitelistAbilities } from './policy.js';
import { whitelistRoutes } from './routes.js';
import { sweepWhitelist, WHITELIST_SWEEP, whitelistSweepEveryMs } from './sweep.js';
import { exitDecisionTemplate } from './templates/exit-decision.js';
import { publicNoticeTemplate } from './templates/public-notice.js';

export { eligibilityOf } from './eligibility-facts.js';
export { sweepWhitelist } from './sweep.js';
export { reentryBanUntil, listMeasures } from './queries.js';

/** 白名单: eligibility, the entry workflow, public notice, publication, annual review, exits and measures. */
export const whitelistModule = {
  name: 'whitelist',
  setup() {
    registerJurisdictionAbilities(whitelistAbilities);
    registerTemplate(publicNoticeTemplate);
    registerTemplate(exitDecisionTemplate);
    registerExitListeners();
    registerSubjectStatus('whitelist_entry', entryStatusLine);
  },
  routes(ctx: ModuleContext) {
    whitelistRoutes(ctx);
    applicationRoutes(ctx);
    noticeRoutes(ctx);
    entryRoutes(ctx);
  },
  jobs(runner: JobRunner) {
    runner.schedule(WHITELIST_SWEEP, whitelistSweepEveryMs, async ({ db }) => sweepWhitelist(db));
  },
};
