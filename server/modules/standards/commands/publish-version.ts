import { and, eq, inArray, ne } from 'drizzle-orm';
import { commonModules, itemProblems, standardVersionTransitions } from '../../../../domain/standards.js';
import { nextStatus } from '../../../../domain/transitions.js';
import { standardVersions } from '../../../db/schema/standards.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { standardEvents } from '../events.js';
import { itemContent, itemsOf, loadVersion } from '../load.js';
import { versionPolicy } from '../policy.js';

/**
 * Publish a draft (the owning department): it must have items, and every key item a legal basis. Earlier
 * published or filed versions of the same standard become superseded in the same transaction.
 */
export async function publishVersion(
  db: Db,
  actor: Actor,
  versionId: string,
  input: { documentNumber: string; publishDate: string },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const v = await loadVersion(tx, actor, versionId, { forUpdate: true });
    const to = nextStatus(standardVersionTransitions, v.status, 'publish');
    if (!to)
      throw new AppError(v.status === 'draft' ? 'STANDARD_VERSION_TRANSITION' : 'STANDARD_VERSION_NOT_DRAFT');
    if (!versionPolicy.publish(actor, v)) throw new AppError('FORBIDDEN');
    const items = (await itemsOf(tx, versionId)).map(itemContent);
    if (items.length === 0) throw new AppError('STANDARD_VERSION_EMPTY');
    const modules = new Set<string>([
      ...commonModules.map((m) => m.code),
      ...v.version.industryModules.map((m) => m.code),
    ]);
    const bad = items.flatMap((item) => itemProblems(item, modules).map((p) => ({ item, p })));
    if (bad.length > 0) {
      throw new AppError(bad[0].p, {
        detail: `以下条目不符合发布要求：${bad.map((b) => b.item.code).join('、')}`,
        fieldErrors: bad.map((b) => ({
          field: `items/${b.item.code}`,
          code: b.p,
          message: b.p === 'STANDARD_KEY_ITEM_WITHOUT_BASIS' ? '重点审查项缺少法律依据' : '所属模块不存在',
        })),
      });
    }
    const now = new Date();
    const updated = await tx
      .update(standardVersions)
      .set({
        status: to,
        documentNumber: input.documentNumber.trim(),
        publishDate: input.publishDate,
        publishedAt: now,
        publishedBy: actor.userId,
      })
      .where(and(eq(standardVersions.id, versionId), eq(standardVersions.status, 'draft')))
      .returning({ id: standardVersions.id });
    if (updated.length === 0) throw new AppError('CONFLICT_STATE');
    const older = await tx
      .update(standardVersions)
      .set({ status: 'superseded', supersededAt: now, supersededBy: versionId })
      .where(
        and(
          eq(standardVersions.standardId, v.standard.id),
          ne(standardVersions.id, versionId),
          inArray(standardVersions.status, ['published', 'filed']),
        ),
      )
      .returning({ id: standardVersions.id });
    await appendEvent(tx, {
      kind: standardEvents.versionPublished,
      jurisdictionId: v.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'standard_version',
      entityId: versionId,
      before: { status: v.status },
      after: {
        number: v.version.number,
        documentNumber: input.documentNumber.trim(),
        publishDate: input.publishDate,
        items: items.length,
        keyItems: items.filter((i) => i.isKey).length,
      },
    });
    for (const o of older) {
      await appendEvent(tx, {
        kind: standardEvents.versionSuperseded,
        jurisdictionId: v.jurisdictionId,
        actor: eventActor(actor),
        entityType: 'standard_version',
        entityId: o.id,
        after: { byVersionId: versionId },
      });
    }
  });
}

/** The bureau records the filing (备案) of a published version; only a filed version is applied to enterprises. */
export async function fileVersion(db: Db, actor: Actor, versionId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const v = await loadVersion(tx, actor, versionId, { forUpdate: true });
    const to = nextStatus(standardVersionTransitions, v.status, 'file');
    if (!to)
      throw new AppError('STANDARD_VERSION_TRANSITION', {
        detail: v.status === 'draft' ? '草稿版本须先发布，才能备案' : '该版本当前状态不能备案',
      });
    if (!versionPolicy.file(actor, v)) throw new AppError('FORBIDDEN');
    const updated = await tx
      .update(standardVersions)
      .set({ status: to, filedAt: new Date(), filedBy: actor.userId })
      .where(and(eq(standardVersions.id, versionId), eq(standardVersions.status, 'published')))
      .returning({ id: standardVersions.id });
    if (updated.length === 0) throw new AppError('CONFLICT_STATE');
    await appendEvent(tx, {
      kind: standardEvents.versionFiled,
      jurisdictionId: v.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'standard_version',
      entityId: versionId,
      before: { status: v.status },
      after: { number: v.version.number },
    });
  });
}
