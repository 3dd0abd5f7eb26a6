import { and, eq, sql } from 'drizzle-orm';
import { commonModules, type StandardItemContent } from '../../../../domain/standards.js';
import { standardItems } from '../../../db/schema/standards.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { standardEvents } from '../events.js';
import { findItem, itemContent, itemsOf, lockDraft } from '../load.js';

function moduleCodes(industryModules: { code: string }[]): Set<string> {
  return new Set([...commonModules.map((m) => m.code), ...industryModules.map((m) => m.code)]);
}

/** Checked on every edit, so a draft never holds an item that could not be published. */
function assertItem(item: StandardItemContent, modules: Set<string>): void {
  if (!modules.has(item.module)) {
    throw new AppError('STANDARD_ITEM_UNKNOWN_MODULE', {
      fieldErrors: [
        { field: 'body/module', code: 'STANDARD_ITEM_UNKNOWN_MODULE', message: '所属模块不存在' },
      ],
    });
  }
  if (item.isKey && item.legalBasis.length === 0) {
    throw new AppError('STANDARD_KEY_ITEM_WITHOUT_BASIS', {
      fieldErrors: [
        {
          field: 'body/legalBasis',
          code: 'STANDARD_KEY_ITEM_WITHOUT_BASIS',
          message: '重点审查项必须注明法律依据',
        },
      ],
    });
  }
}

export async function addItem(
  db: Db,
  actor: Actor,
  versionId: string,
  item: StandardItemContent,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const v = await lockDraft(tx, actor, versionId);
    assertItem(item, moduleCodes(v.version.industryModules));
    if (await findItem(tx, versionId, item.code)) {
      throw new AppError('STANDARD_ITEM_CODE_TAKEN', {
        fieldErrors: [{ field: 'body/code', code: 'STANDARD_ITEM_CODE_TAKEN', message: '编号已存在' }],
      });
    }
    const [{ max }] = await tx
      .select({ max: sql<number>`coalesce(max(${standardItems.position}), 0)::int` })
      .from(standardItems)
      .where(eq(standardItems.versionId, versionId));
    await tx.insert(standardItems).values({ ...item, versionId, position: Number(max) + 1 });
    await appendEvent(tx, {
      kind: standardEvents.itemAdded,
      jurisdictionId: v.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'standard_version',
      entityId: versionId,
      after: { ...item },
    });
  });
}

export async function updateItem(
  db: Db,
  actor: Actor,
  versionId: string,
  code: string,
  patch: Partial<StandardItemContent>,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const v = await lockDraft(tx, actor, versionId);
    const row = await findItem(tx, versionId, code);
    if (!row) throw new AppError('STANDARD_ITEM_NOT_FOUND');
    const before = itemContent(row);
    const after: StandardItemContent = { ...before, ...patch, code: patch.code ?? before.code };
    assertItem(after, moduleCodes(v.version.industryModules));
    if (after.code !== code && (await findItem(tx, versionId, after.code)))
      throw new AppError('STANDARD_ITEM_CODE_TAKEN');
    await tx.update(standardItems).set(after).where(eq(standardItems.id, row.id));
    await appendEvent(tx, {
      kind: standardEvents.itemChanged,
      jurisdictionId: v.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'standard_version',
      entityId: versionId,
      before: { ...before },
      after: { ...after },
    });
  });
}

export async function removeItem(db: Db, actor: Actor, versionId: string, code: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const v = await lockDraft(tx, actor, versionId);
    const row = await findItem(tx, versionId, code);
    if (!row) throw new AppError('STANDARD_ITEM_NOT_FOUND');
    await tx.delete(standardItems).where(and(eq(standardItems.id, row.id)));
    await appendEvent(tx, {
      kind: standardEvents.itemRemoved,
      jurisdictionId: v.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'standard_version',
      entityId: versionId,
      before: { ...itemContent(row) },
      after: { code },
    });
  });
}

/** Put the items in the given order (codes not named keep their relative order after the named ones). */
export async function reorderItems(db: Db, actor: Actor, versionId: string, codes: string[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    const v = await lockDraft(tx, actor, versionId);
    const items = await itemsOf(tx, versionId);
    const known = new Set(items.map((i) => i.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0)
      throw new AppError('STANDARD_ITEM_NOT_FOUND', { detail: `条目不存在：${unknown.join('、')}` });
    const order = [...new Set(codes), ...items.map((i) => i.code).filter((c) => !codes.includes(c))];
    for (const [i, code] of order.entries()) {
      await tx
        .update(standardItems)
        .set({ position: i + 1 })
        .where(and(eq(standardItems.versionId, versionId), eq(standardItems.code, code)));
    }
    await appendEvent(tx, {
      kind: standardEvents.itemsReordered,
      jurisdictionId: v.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'standard_version',
      entityId: versionId,
      after: { codes: order },
    });
  });
}
