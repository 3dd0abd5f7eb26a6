import { eq } from 'drizzle-orm';
import { addDays, chinaDate, isCalendarDate } from '../../../../domain/readiness.js';
import { hazards } from '../../../db/schema/hazards.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { hazardEvents } from '../events.js';
import { assertHazardEvidence, loadHazardFor, today } from './load-for.js';

export interface HazardUpdate {
  ownerName?: string | null;
  deadline?: string;
  interimMeasures?: string;
  description?: string;
  beforeEvidence?: string[];
  /** never editable: present only so the refusal can name it */
  reportedAt?: unknown;
}

/**
 * The enterprise keeps its hazard's owner, deadline, interim measures and before-photos current. The deadline may
 * move earlier, or later only within the programme's default period from the report; beyond that it takes an
 * approved extension request.
 */
export async function updateHazard(db: Db, actor: Actor, id: string, input: HazardUpdate): Promise<void> {
  if (input.reportedAt !== undefined) {
    throw new AppError('HAZARD_FIELD_READONLY', {
      fieldErrors: [
        { field: 'body/reportedAt', code: 'HAZARD_FIELD_READONLY', message: '报告时间由系统记录，不可修改' },
      ],
    });
  }
  await inTransaction(db, async (tx) => {
    const h = await loadHazardFor(tx, actor, id, 'update', ['open', 'rectifying', 'awaiting_verification']);
    const changes: Partial<typeof hazards.$inferInsert> = {};
    if (input.ownerName !== undefined && (input.ownerName?.trim() || null) !== h.ownerName)
      changes.ownerName = input.ownerName?.trim() || null;
    if (input.interimMeasures !== undefined && input.interimMeasures.trim() !== h.interimMeasures)
      changes.interimMeasures = input.interimMeasures.trim();
    if (input.description !== undefined && input.description.trim() !== h.description)
      changes.description = input.description.trim();
    if (input.beforeEvidence !== undefined) {
      const hashes = [...new Set(input.beforeEvidence)];
      await assertHazardEvidence(tx, h.id, hashes, 'body/beforeEvidence');
      if (hashes.join() !== h.beforeEvidence.join()) changes.beforeEvidence = hashes;
    }
    if (input.deadline !== undefined && input.deadline !== h.deadline) {
      const field = [{ field: 'body/deadline', code: '', message: '' }];
      if (!isCalendarDate(input.deadline))
        throw new AppError('VALIDATION_FAILED', {
          fieldErrors: [{ ...field[0], code: 'format', message: '日期格式应为 YYYY-MM-DD' }],
        });
      if (input.deadline < today())
        throw new AppError('HAZARD_DEADLINE_PAST', {
          fieldErrors: [{ ...field[0], code: 'HAZARD_DEADLINE_PAST', message: '整改期限不能早于今天' }],
        });
      const days = await getSetting(
        tx,
        h.jurisdictionId,
        h.severity === 'major' ? 'hazards.deadlineDays.major' : 'hazards.deadlineDays.general',
      );
      const latestOwn = addDays(chinaDate(h.reportedAt), days);
      if (input.deadline > h.deadline && input.deadline > latestOwn) {
        throw new AppError('HAZARD_DEADLINE_NEEDS_EXTENSION', {
          fieldErrors: [
            {
              field: 'body/deadline',
              code: 'HAZARD_DEADLINE_NEEDS_EXTENSION',
              message: `自行调整最晚至 ${latestOwn}，更晚须申请延期`,
            },
          ],
        });
      }
      changes.deadline = input.deadline;
      changes.overdue = false;
    }
    const keys = Object.keys(changes) as (keyof typeof changes)[];
    if (keys.length === 0) return;
    await tx
      .update(hazards)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(hazards.id, id));
    const before = Object.fromEntries(keys.map((k) => [k, h[k as keyof typeof h]]));
    await appendEvent(tx, {
      kind: hazardEvents.updated,
      jurisdictionId: h.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'hazard',
      entityId: id,
      before,
      after: { enterpriseId: h.enterpriseId, ...changes },
    });
  });
}
