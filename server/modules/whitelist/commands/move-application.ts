import { and, eq } from 'drizzle-orm';
import { nextStatus } from '../../../../domain/transitions.js';
import {
  applicationTransitions,
  type ApplicationAction,
  type ApplicationStatus,
} from '../../../../domain/whitelist.js';
import {
  collectionBatches,
  whitelistApplications as apps,
  whitelistOpinions,
} from '../../../db/schema/whitelist.js';
import { eventActor, unitsWithRole, type Actor } from '../../../platform/access/actor.js';
import { can } from '../../../platform/access/policy.js';
import { appendEvent, appendEvents } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { notify } from '../../notifications/index.js';
import { applicationEvents, noticeEvents } from '../events.js';
import { applicationPolicy } from '../policy.js';
import { loadApplication, type ApplicationRow } from '../queries.js';

/** Persist a move with a conditional UPDATE on the status read: of two reviewers acting at once, one wins. */
export async function setApplicationStatus(
  tx: Db,
  row: ApplicationRow,
  to: ApplicationStatus,
  extra: Partial<typeof apps.$inferInsert> = {},
): Promise<void> {
  const moved = await tx
    .update(apps)
    .set({ ...extra, status: to, updatedAt: new Date() })
    .where(and(eq(apps.id, row.id), eq(apps.status, row.status)))
    .returning({ id: apps.id });
  if (moved.length === 0) throw new AppError('WHITELIST_TRANSITION');
}

/** Lock an application for an action: 404 outside scope, 409 when its step does not allow it, 403 otherwise. */
export async function loadApplicationFor(
  tx: Db,
  actor: Actor,
  id: string,
  action: ApplicationAction,
  policyAction: keyof typeof applicationPolicy,
) {
  const row = await loadApplication(tx, actor, id, { forUpdate: true });
  if (!row) throw new AppError('WHITELIST_APPLICATION_NOT_FOUND');
  const to = nextStatus(applicationTransitions, row.status, action);
  if (!to) throw new AppError('WHITELIST_TRANSITION');
  if (!can(applicationPolicy, actor, policyAction, row)) throw new AppError('FORBIDDEN');
  return { row, to };
}

const requireReason = (reason: string | undefined) => {
  const r = reason?.trim() ?? '';
  if (!r) throw new AppError('WHITELIST_REASON_REQUIRED');
  return r;
};

const statusText: Partial<Record<ApplicationAction, string>> = {
  return: '白名单申请已被退回',
  reject: '白名单申请不予入库',
  review: '白名单申请进入形式审查',
};

/**
 * Withdraw (the enterprise), return (subdistrict or bureau, with reasons), start formal review or reject (the
 * bureau, rejection with reasons). A return or rejection is sent to the enterprise.
 */
export async function moveApplication(
  db: Db,
  actor: Actor,
  id: string,
  action: 'withdraw' | 'return' | 'review' | 'reject',
  reason?: string,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { row, to } = await loadApplicationFor(tx, actor, id, action, action);
    const note =
      action === 'return' || action === 'reject' ? requireReason(reason) : reason?.trim() || undefined;
    const now = new Date();
    await setApplicationStatus(tx, row, to, {
      ...(action === 'return' || action === 'reject' ? { reason: note } : {}),
      ...(action === 'reject' || action === 'withdraw' ? { decidedAt: now } : {}),
    });
    // a returned application starts its opinions afresh when it comes back
    if (action !== 'review') {
      await tx
        .update(whitelistOpinions)
        .set({ status: 'superseded' })
        .where(and(eq(whitelistOpinions.applicationId, id), eq(whitelistOpinions.status, 'pending')));
    }
    const kind = {
      withdraw: applicationEvents.withdrawn,
      return: applicationEvents.returned,
      review: applicationEvents.reviewStarted,
      reject: applicationEvents.rejected,
    }[action];
    await appendEvent(tx, {
      kind,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'whitelist_application',
      entityId: id,
      at: now,
      before: { status: row.status },
      after: { enterpriseId: row.enterpriseId, ...(note ? { note } : {}) },
    });
    const title = statusText[action];
    if (title) {
      await notify(tx, {
        jurisdictionId: row.jurisdictionId,
        unitKind: 'enterprise',
        unitId: row.enterpriseId,
        kind: `whitelist.${action}`,
        title,
        body: note ?? '',
        link: `/whitelist/applications/${id}`,
        entityType: 'whitelist_application',
        entityId: id,
      });
    }
  });
}

/**
 * The subdistrict collects submitted applications of its area into a batch for the bureau: all of them move, or
 * none (an application out of scope is 404, one no longer submitted is 409).
 */
export async function collectBatch(
  db: Db,
  actor: Actor,
  input: { applicationIds: string[]; note?: string },
): Promise<string> {
  return inTransaction(db, async (tx) => {
    const ids = [...new Set(input.applicationIds)];
    const rows: ApplicationRow[] = [];
    for (const id of ids) {
      const { row } = await loadApplicationFor(tx, actor, id, 'collect', 'collect');
      rows.push(row);
    }
    const subdistricts = new Set(rows.map((r) => r.subdistrictId));
    const [subdistrictId] = [...subdistricts];
    if (subdistricts.size !== 1 || !unitsWithRole(actor, 'subdistrict_officer').includes(subdistrictId))
      throw new AppError('FORBIDDEN');
    const note = input.note?.trim() ?? '';
    const [batch] = await tx
      .insert(collectionBatches)
      .values({ jurisdictionId: actor.jurisdictionId, subdistrictId, note, createdBy: actor.userId })
      .returning({ id: collectionBatches.id });
    const now = new Date();
    for (const row of rows)
      await setApplicationStatus(tx, row, 'collected', { batchId: batch.id, collectedAt: now });
    await appendEvents(tx, [
      {
        kind: noticeEvents.batchCreated,
        jurisdictionId: actor.jurisdictionId,
        actor: eventActor(actor),
        entityType: 'collection_batch',
        entityId: batch.id,
        at: now,
        after: { subdistrictId, applicationIds: ids, note },
      },
      ...rows.map((row) => ({
        kind: applicationEvents.collected,
        jurisdictionId: actor.jurisdictionId,
        actor: eventActor(actor),
        entityType: 'whitelist_application',
        entityId: row.id,
        at: now,
        before: { status: row.status },
        after: { enterpriseId: row.enterpriseId, batchId: batch.id },
      })),
    ]);
    return batch.id;
  });
}
