import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { registerTemplate } from '../../platform/documents/template.js';
import type { ModuleContext } from '../../platform/http/types.js';
import type { JobRunner } from '../../platform/jobs/worker.js';
import { adviceRoutes } from './advice-routes.js';
import { SEND_CAMPAIGN_JOB } from './commands/campaigns.js';
import { runSendCampaign } from './commands/send-campaign.js';
import { enforcementAbilities } from './policy.js';
import { enforcementRoutes } from './routes.js';
import { seedViolationTypes } from './seed.js';
import { ADVICE_SWEEP, adviceSweepEveryMs, sweepAdvice } from './sweep.js';
import { adviceLetterTemplate } from './templates/advice-letter.js';
import { rectificationNoticeTemplate } from './templates/rectification-notice.js';

export { sweepAdvice } from './sweep.js';
export { sendCampaignChunk } from './commands/send-campaign.js';

/** 执法与合规建议: inspections and violations, rectification notices, advice letters and campaigns (§4.5). */
export const enforcementModule = {
  name: 'enforcement',
  setup() {
    registerJurisdictionAbilities(enforcementAbilities);
    registerTemplate(adviceLetterTemplate);
    registerTemplate(rectificationNoticeTemplate);
  },
  seed: seedViolationTypes,
  routes(ctx: ModuleContext) {
    enforcementRoutes(ctx);
    adviceRoutes(ctx);
  },
  jobs(runner: JobRunner) {
    runner.register(SEND_CAMPAIGN_JOB, runSendCampaign);
    runner.schedule(ADVICE_SWEEP, adviceSweepEveryMs, async ({ db }) => sweepAdvice(db));
  },
};
