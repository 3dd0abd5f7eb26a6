import { actorOfUser } from '../server/modules/identity/queries.js';
import { createFromTemplate } from '../server/modules/standards/commands/load-reference.js';
import type { TestContext } from './context.js';
import { buildUser } from './factories.js';

/** Publish and file the reference footwear standard (covers GB/T 4754 1952 and the rest of 19) as the bureau. */
export async function fileFootwearStandard(ctx: TestContext): Promise<{ versionId: string }> {
  const bureau = await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] });
  const actor = await actorOfUser(ctx.db, bureau.id);
  if (!actor) throw new Error('no bureau actor');
  const { versionId } = await createFromTemplate(ctx.db, actor, 'footwear', { publishAndFile: true });
  return { versionId };
}
