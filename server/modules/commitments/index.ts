import type { ModuleContext } from '../../platform/http/types.js';
import { commitmentRoutes } from './routes.js';

export { latestCommitment } from './queries.js';
export { currentCommitmentText } from './current-text.js';

/** 承诺书: the enterprise signs the jurisdiction's commitment text; the signed letter is an issued document. */
export const commitmentsModule = {
  name: 'commitments',
  routes(ctx: ModuleContext) {
    commitmentRoutes(ctx);
  },
};
