import { registerJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { loadConfig } from '../../platform/config.js';
import { registerTemplate } from '../../platform/documents/template.js';
import { registerEntityReadCheck } from '../../platform/files/entity-access.js';
import { fileStoreFromConfig } from '../../platform/files/store.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { fileRoutes } from './file-routes.js';
import { documentAbilities } from './policy.js';
import { getDocument } from './queries.js';
import { documentRoutes } from './routes.js';
import { commitmentTemplate } from './templates/commitment.js';
import { plaqueTemplate } from './templates/plaque.js';
import { verifyRoutes } from './verify-routes.js';

export { linkedHashes } from './file-queries.js';
export { commitmentTemplate } from './templates/commitment.js';
export { plaqueTemplate } from './templates/plaque.js';
export { defaultCommitmentText } from './templates/commitment-text.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Templates and entity checks are registered once per process. */
function setupDocuments(): void {
  registerJurisdictionAbilities(documentAbilities);
  registerTemplate(commitmentTemplate);
  registerTemplate(plaqueTemplate);
  // evidence can be attached to a document by whoever can read it (e.g. the signed scan of a commitment)
  registerEntityReadCheck(
    'document',
    async (db, actor, id) => uuidPattern.test(id) && (await getDocument(db, actor, id)) !== undefined,
  );
}

/** Official documents (numbering, PDFs, public verification) and evidence files. */
export const documentsModule = {
  name: 'documents',
  setup: setupDocuments,
  routes(ctx: ModuleContext) {
    documentRoutes(ctx);
    verifyRoutes(ctx);
    fileRoutes(ctx, fileStoreFromConfig(loadConfig()));
  },
};
