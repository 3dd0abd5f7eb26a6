import { and, eq, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { addDays, chinaDate } from '../../../domain/readiness.js';
import { hazards } from '../../db/schema/hazards.js';
import { jurisdictions } from '../../db/schema/reference.js';
import { eventActor } from '../../platform/access/actor.js';
import { appendEvent } from '../../platform/audit/append.js';
import type { Db } from '../../platform/db/client.js';
import { inTransaction } from '../../platform/db/tx.js';
import { getSetting } from '../../platform/settings/settings.js';
import { notify } from '../notifications/index.js';
import { hazardEvents } from './events.js';

export const HAZARD_SWEEP = 'hazards.sweep';
export const hazardSweepEveryMs = 60 * 60_000;

/**
 * Mark hazards past their deadline overdue (once; an event each, and a notice to the enterprise and its
 * subdistrict) and remind enterprises of deadlines coming within the jurisdiction's reminder period (once per
 * deadline). Idempotent: running it again the same day changes nothing.
 */
export async function sweepHazards(db: Db, now = new Date()): Promise<{ overdue: number; reminded: number }> {
  const today = chinaDate(now);
  let overdue = 0;
  let reminded = 0;
  for (const j of await db.select({ id: jurisdictions.id }).from(jurisdictions)) {
    const late = await db
      .select()
      .from(hazards)
      .where(
        and(
          eq(hazards.jurisdictionId, j.id),
          ne(hazards.status, 'closed'),
          eq(hazards.overdue, false),
          sql`${hazards.deadline} < ${today}`,
        ),
      );
    for (const h of late) {
      await inTransaction(db, async (tx) => {
        const marked = await tx
          .update(hazards)
          .set({ overdue: true, updatedAt: now })
          .where(
            and(
              eq(hazards.id, h.id),
              eq(hazards.overdue, false),
              ne(hazards.status, 'closed'),
              eq(hazards.deadline, h.deadline),
            ),
          )
          .returning({ id: hazards.id });
        if (marked.length === 0) return;
        overdue += 1;
        await appendEvent(tx, {
          kind: hazardEvents.overdue,
          jurisdictionId: h.jurisdictionId,
          actor: eventActor(null),
          entityType: 'hazard',
          entityId: h.id,
          at: now,
          after: { enterpriseId: h.enterpriseId, deadline: h.deadline },
        });
        const notice = {
          jurisdictionId: h.jurisdictionId,
          kind: 'hazard.overdue',
          body: h.title,
          link: `/hazards/${h.id}`,
          entityType: 'hazard',
          entityId: h.id,
        };
        await notify(tx, {
          ...notice,
          unitKind: 'enterprise',
          unitId: h.enterpriseId,
          title: `隐患已逾期未整改（期限 ${h.deadline}）`,
        });
        await notify(tx, {
          ...notice,
          unitKind: 'subdistrict',
          unitId: h.subdistrictId,
          title: `辖区企业隐患逾期未整改（${h.severity === 'major' ? '重大' : '一般'}）`,
        });
      });
    }

    const days = await getSetting(db, j.id, 'hazards.reminderDaysBefore');
    const horizon = addDays(today, days);
    const soon = await db
      .select()
      .from(hazards)
      .where(
        and(
          eq(hazards.jurisdictionId, j.id),
          ne(hazards.status, 'closed'),
          ne(hazards.status, 'awaiting_verification'),
          sql`${hazards.deadline} >= ${today}`,
          lte(hazards.deadline, horizon),
          or(isNull(hazards.remindedFor), ne(hazards.remindedFor, hazards.deadline)),
        ),
      );
    for (const h of soon) {
      await inTransaction(db, async (tx) => {
        const marked = await tx
          .update(hazards)
          .set({ remindedFor: h.deadline })
          .where(
            and(
              eq(hazards.id, h.id),
              eq(hazards.deadline, h.deadline),
              or(isNull(hazards.remindedFor), ne(hazards.remindedFor, h.deadline)),
            ),
          )
          .returning({ id: hazards.id });
        if (marked.length === 0) return;
        reminded += 1;
        await notify(tx, {
          jurisdictionId: h.jurisdictionId,
          unitKind: 'enterprise',
          unitId: h.enterpriseId,
          kind: 'hazard.reminder',
          title: `隐患整改期限将至（${h.deadline}）`,
          body: h.title,
          link: `/hazards/${h.id}`,
          entityType: 'hazard',
          entityId: h.id,
        });
      });
    }
  }
  return { overdue, reminded };
}
