import { actorOfUser } from '../server/modules/identity/queries.js';
import { createFromTemplate } from '../server/modules/standards/commands/load-reference.js';
import type { TestContext } from './context.js';
import type { ApiClient } from './client.js';
import { buildUser } from './factories.js';
import { uploadEvidence } from './upload.js';

/** Publish and file the reference footwear standard (covers GB/T 4754 1952 and the rest of 19) as the bureau. */
export async function fileFootwearStandard(ctx: TestContext): Promise<{ versionId: string }> {
  const bureau = await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] });
  const actor = await actorOfUser(ctx.db, bureau.id);
  if (!actor) throw new Error('no bureau actor');
  const { versionId } = await createFromTemplate(ctx.db, actor, 'footwear', { publishAndFile: true });
  return { versionId };
}

export type AnswerLike = { itemCode: string; isKey: boolean };

/**
 * Answer every item of an inspection through the API: the given codes non-compliant (those in `major` marked as
 * major hazards), the rest compliant, one uploaded photo as evidence on every key item judged compliant.
 */
export async function answerAll(
  client: ApiClient,
  inspectionId: string,
  answers: readonly AnswerLike[],
  nonCompliant: readonly string[],
  major: readonly string[] = [],
): Promise<void> {
  const keyEvidence = await uploadEvidence(client, 'assessment', inspectionId);
  for (const a of answers) {
    const bad = nonCompliant.includes(a.itemCode);
    const res = await client.put(`/api/inspections/${inspectionId}/answers/${a.itemCode}`, {
      result: bad ? 'non_compliant' : 'compliant',
      note: bad ? '现场检查发现不符合' : '',
      evidence: a.isKey && !bad ? [keyEvidence] : [],
      ...(major.includes(a.itemCode) ? { markedMajor: true } : {}),
    });
    if (res.statusCode !== 200) throw new Error(`answering ${a.itemCode}: ${res.statusCode} ${res.body}`);
  }
}
