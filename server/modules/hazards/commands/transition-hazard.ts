import { and, eq } from 'drizzle-orm';
import { hazardTransitions, nextHazardStatus } from '../../../../domain/readiness.js';
import { hazards } from '../../../db/schema/hazards.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { notify } from '../../notifications/index.js';
import { hazardEvents } from '../events.js';
import type { HazardRow } from '../queries.js';
import { assertHazardEvidence, loadHazardFor } from './load-for.js';

type Move =
  | { action: 'start'; plan: string }
  | { action: 'submit'; closureNote: string; afterEvidence: string[] }
  | { action: 'verify'; note: string }
  | { action: 'reject'; note: string }
  | { action: 'reopen'; reason: string };

const fromStatuses = (action: Move['action']) =>
  (Object.keys(hazardTransitions) as HazardRow['status'][]).filter(
    (s) => hazardTransitions[s][action] !== undefined,
  );

/**
 * One move of the hazard workflow (domain/readiness.ts hazardTransitions): the enterprise starts and submits the
 * rectification, the guiding agency or the subdistrict verifies or rejects it, and a closed hazard can be reopened.
 */
export async function moveHazard(db: Db, actor: Actor, id: string, move: Move): Promise<void> {
  await inTransaction(db, async (tx) => {
    const h = await loadHazardFor(tx, actor, id, move.action, fromStatuses(move.action));
    const to = nextHazardStatus(h.status, move.action);
    if (!to) throw new AppError('HAZARD_TRANSITION');
    const now = new Date();
    const base = {
      jurisdictionId: h.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'hazard',
      entityId: id,
      at: now,
      before: { status: h.status },
    };
    let set: Partial<typeof hazards.$inferInsert>;
    switch (move.action) {
      case 'start':
        set = { plan: move.plan.trim() };
        await appendEvent(tx, {
          ...base,
          kind: hazardEvents.started,
          after: { enterpriseId: h.enterpriseId, plan: move.plan.trim() },
        });
        break;
      case 'submit': {
        const after = [...new Set(move.afterEvidence)];
        if (after.length === 0) {
          throw new AppError('HAZARD_AFTER_EVIDENCE_REQUIRED', {
            fieldErrors: [
              {
                field: 'body/afterEvidence',
                code: 'HAZARD_AFTER_EVIDENCE_REQUIRED',
                message: '请上传整改后照片或证据',
              },
            ],
          });
        }
        await assertHazardEvidence(tx, id, after, 'body/afterEvidence');
        set = { afterEvidence: after, closureNote: move.closureNote.trim() || null, submittedAt: now };
        await appendEvent(tx, {
          ...base,
          kind: hazardEvents.submitted,
          after: { enterpriseId: h.enterpriseId, afterEvidence: after.length },
        });
        await notifyVerifier(tx, h);
        break;
      }
      case 'verify':
        set = {
          verifiedBy: actor.userId,
          verificationNote: move.note.trim() || null,
          closedAt: now,
          overdue: false,
        };
        await appendEvent(tx, {
          ...base,
          kind: hazardEvents.verified,
          after: {
            enterpriseId: h.enterpriseId,
            verifier: h.guidingAgencyId ? 'agency_or_subdistrict' : 'subdistrict',
            note: move.note.trim(),
          },
        });
        break;
      case 'reject':
        set = { verificationNote: move.note.trim() };
        await appendEvent(tx, {
          ...base,
          kind: hazardEvents.rejected,
          after: { enterpriseId: h.enterpriseId, note: move.note.trim() },
        });
        break;
      case 'reopen':
        set = { closedAt: null, verifiedBy: null, submittedAt: null };
        await appendEvent(tx, {
          ...base,
          kind: hazardEvents.reopened,
          after: { enterpriseId: h.enterpriseId, reason: move.reason.trim() },
        });
        break;
      default: {
        const unreachable: never = move;
        throw new Error(`unknown move ${String(unreachable)}`);
      }
    }
    const updated = await tx
      .update(hazards)
      .set({ ...set, status: to, updatedAt: now })
      .where(and(eq(hazards.id, id), eq(hazards.status, h.status)))
      .returning({ id: hazards.id });
    if (updated.length === 0) throw new AppError('CONFLICT_STATE');
    if (move.action === 'verify' || move.action === 'reject' || move.action === 'reopen') {
      const title = { verify: '隐患整改已验收', reject: '隐患整改验收未通过', reopen: '隐患已重新打开' }[
        move.action
      ];
      await notify(tx, {
        jurisdictionId: h.jurisdictionId,
        unitKind: 'enterprise',
        unitId: h.enterpriseId,
        kind: `hazard.${move.action}`,
        title,
        body: h.title,
        link: `/hazards/${h.id}`,
        entityType: 'hazard',
        entityId: h.id,
      });
    }
  });
}

async function notifyVerifier(tx: Db, h: HazardRow): Promise<void> {
  await notify(tx, {
    jurisdictionId: h.jurisdictionId,
    unitKind: h.guidingAgencyId ? 'agency' : 'subdistrict',
    unitId: h.guidingAgencyId ?? h.subdistrictId,
    kind: 'hazard.awaiting_verification',
    title: '有隐患整改待验收',
    body: h.title,
    link: `/hazards/${h.id}`,
    entityType: 'hazard',
    entityId: h.id,
  });
}
