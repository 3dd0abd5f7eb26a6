import { eq } from 'drizzle-orm';
import { commonModules, diffVersions } from '../../../../domain/standards.js';
import { standardItems } from '../../../db/schema/standards.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { standardEvents } from '../events.js';
import { xlsxToItems } from '../items-xlsx.js';
import { itemContent, itemsOf, loadVersion, lockDraft } from '../load.js';
import { versionPolicy } from '../policy.js';

/** Replace a draft's items with the sheet's, all or nothing; the event records what was added, changed, removed. */
export async function importItems(db: Db, actor: Actor, versionId: string, bytes: Buffer) {
  // who may touch this version is answered before the file is even read
  const target = await loadVersion(db, actor, versionId);
  if (target.status !== 'draft') throw new AppError('STANDARD_VERSION_NOT_DRAFT');
  if (!versionPolicy.edit(actor, target)) throw new AppError('FORBIDDEN');
  const items = await xlsxToItems(bytes);
  return inTransaction(db, async (tx) => {
    const v = await lockDraft(tx, actor, versionId);
    const modules = new Set<string>([
      ...commonModules.map((m) => m.code),
      ...v.version.industryModules.map((m) => m.code),
    ]);
    const unknown = items.filter((i) => !modules.has(i.module));
    if (unknown.length > 0) {
      throw new AppError('STANDARD_ITEM_UNKNOWN_MODULE', {
        detail: `模块代码不存在：${[...new Set(unknown.map((i) => i.module))].join('、')}（条目 ${unknown.map((i) => i.code).join('、')}）`,
      });
    }
    const before = (await itemsOf(tx, versionId)).map(itemContent);
    const diff = diffVersions(before, items);
    await tx.delete(standardItems).where(eq(standardItems.versionId, versionId));
    for (let i = 0; i < items.length; i += 200) {
      await tx
        .insert(standardItems)
        .values(items.slice(i, i + 200).map((item, j) => ({ ...item, versionId, position: i + j + 1 })));
    }
    const summary = { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length };
    await appendEvent(tx, {
      kind: standardEvents.itemsImported,
      jurisdictionId: v.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'standard_version',
      entityId: versionId,
      after: summary,
    });
    return summary;
  });
}
