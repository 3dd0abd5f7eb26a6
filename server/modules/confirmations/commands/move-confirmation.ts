import { and, eq } from 'drizzle-orm';
import { confirmationTransitions, type ConfirmationAction } from '../../../../domain/confirmations.js';
import { chinaDate } from '../../../../domain/readiness.js';
import { nextStatus } from '../../../../domain/transitions.js';
import {
  confirmationItems,
  confirmations,
  confirmationSignatures,
} from '../../../db/schema/confirmations.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { can } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getAgency } from '../../agencies/index.js';
import { confirmationEvents } from '../events.js';
import { confirmationPolicy } from '../policy.js';
import { loadConfirmation, type ConfirmationRow } from '../queries.js';
import { assertMayConfirm } from './eligibility.js';

type PolicyAction = keyof typeof confirmationPolicy;

/** Lock a confirmation for an action: 404 outside scope, 409 when the status does not allow it, 403 otherwise. */
export async function loadConfirmationFor(
  tx: Db,
  actor: Actor,
  id: string,
  action: ConfirmationAction,
  policyAction: PolicyAction,
) {
  const row = await loadConfirmation(tx, actor, id, { forUpdate: true });
  if (!row) throw new AppError('CONFIRMATION_NOT_FOUND');
  const to = nextStatus(confirmationTransitions, row.status, action);
  if (!to) throw new AppError('CONFIRMATION_TRANSITION');
  if (!can(confirmationPolicy, actor, policyAction, row)) throw new AppError('FORBIDDEN');
  return { row, to };
}

export async function setStatus(
  tx: Db,
  row: ConfirmationRow,
  to: ConfirmationRow['status'],
  extra: Partial<typeof confirmations.$inferInsert> = {},
) {
  const moved = await tx
    .update(confirmations)
    .set({ ...extra, status: to, updatedAt: new Date() })
    .where(and(eq(confirmations.id, row.id), eq(confirmations.status, row.status)))
    .returning({ id: confirmations.id });
  if (moved.length === 0) throw new AppError('CONFLICT_STATE');
}

/** Accept or decline (the agency), withdraw (the enterprise), reopen a conclusion before it is signed (the agency). */
export async function moveConfirmation(
  db: Db,
  actor: Actor,
  id: string,
  action: 'accept' | 'decline' | 'withdraw' | 'reopen',
  note?: string,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { row, to } = await loadConfirmationFor(tx, actor, id, action, action);
    if (action === 'accept') {
      const agency = await getAgency(tx, row.agencyId);
      if (!agency) throw new AppError('AGENCY_NOT_FOUND');
      await assertMayConfirm(tx, agency, row.enterpriseId, chinaDate(new Date()));
    }
    const now = new Date();
    await setStatus(
      tx,
      row,
      to,
      action === 'accept'
        ? { acceptedAt: now }
        : action === 'reopen'
          ? { conclusion: null, conclusionNote: null }
          : {},
    );
    if (action === 'reopen')
      await tx.delete(confirmationSignatures).where(eq(confirmationSignatures.confirmationId, id));
    const kind = {
      accept: confirmationEvents.accepted,
      decline: confirmationEvents.declined,
      withdraw: confirmationEvents.withdrawn,
      reopen: confirmationEvents.reopened,
    }[action];
    await appendEvent(tx, {
      kind,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'confirmation',
      entityId: id,
      at: now,
      before: { status: row.status },
      after: {
        enterpriseId: row.enterpriseId,
        agencyId: row.agencyId,
        ...(note?.trim() ? { note: note.trim() } : {}),
      },
    });
  });
}

/** The agency records its check of one key item (result, note, evidence uploaded to the confirmation). */
export async function checkItem(
  db: Db,
  actor: Actor,
  id: string,
  itemCode: string,
  input: {
    result: 'compliant' | 'non_compliant' | 'not_applicable' | null;
    note?: string;
    evidence?: string[];
  },
  linked: (tx: Db, hashes: string[]) => Promise<Set<string>>,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await loadConfirmation(tx, actor, id, { forUpdate: true });
    if (!row) throw new AppError('CONFIRMATION_NOT_FOUND');
    if (row.status !== 'checking') throw new AppError('CONFIRMATION_TRANSITION');
    if (!can(confirmationPolicy, actor, 'check', row)) throw new AppError('FORBIDDEN');
    const [item] = await tx
      .select()
      .from(confirmationItems)
      .where(and(eq(confirmationItems.confirmationId, id), eq(confirmationItems.itemCode, itemCode)));
    if (!item) throw new AppError('CONFIRMATION_ITEM_NOT_FOUND');
    const evidence = [...new Set(input.evidence ?? item.evidence)];
    const found = await linked(tx, evidence);
    const missing = evidence.filter((h) => !found.has(h));
    if (missing.length > 0) {
      throw new AppError('EVIDENCE_NOT_ATTACHED', {
        fieldErrors: missing.map((h) => ({
          field: 'body/evidence',
          code: 'EVIDENCE_NOT_ATTACHED',
          message: `文件 ${h.slice(0, 8)}… 未上传到本次确认`,
        })),
      });
    }
    const now = new Date();
    await tx
      .update(confirmationItems)
      .set({
        result: input.result,
        note: input.note?.trim() ?? item.note,
        evidence,
        answeredBy: actor.userId,
        answeredAt: now,
      })
      .where(and(eq(confirmationItems.confirmationId, id), eq(confirmationItems.itemCode, itemCode)));
    await appendEvent(tx, {
      kind: confirmationEvents.itemChecked,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'confirmation',
      entityId: id,
      at: now,
      before: { result: item.result },
      after: { enterpriseId: row.enterpriseId, agencyId: row.agencyId, itemCode, result: input.result },
    });
  });
}
