import { and, eq, inArray, ne } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/readiness.js';
import { units } from '../../../db/schema/reference.js';
import { whitelistOpinions } from '../../../db/schema/whitelist.js';
import { eventActor, unitsWithRole, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { workingDayEnd } from '../../calendar/index.js';
import { notifyMany } from '../../notifications/index.js';
import { applicationEvents } from '../events.js';
import { loadApplication } from '../queries.js';
import { loadApplicationFor, setApplicationStatus } from './move-application.js';

/**
 * The bureau asks departments for their opinion, each by the same deadline in working days. Asking a department
 * again supersedes its earlier request. The application moves (or stays) in `opinions`.
 */
export async function solicitOpinions(
  db: Db,
  actor: Actor,
  id: string,
  departmentIds: string[],
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { row, to } = await loadApplicationFor(tx, actor, id, 'solicit', 'solicit');
    const wanted = [...new Set(departmentIds)];
    const found = wanted.length
      ? await tx
          .select({ id: units.id, isBureau: units.isBureau })
          .from(units)
          .where(
            and(
              inArray(units.id, wanted),
              eq(units.kind, 'department'),
              eq(units.jurisdictionId, row.jurisdictionId),
            ),
          )
      : [];
    if (wanted.length === 0 || found.length !== wanted.length || found.some((d) => d.isBureau))
      throw new AppError('WHITELIST_DEPARTMENT_INVALID');
    const today = chinaDate(now);
    const days = await getSetting(tx, row.jurisdictionId, 'whitelist.opinionWorkingDays');
    const end = await workingDayEnd(tx, today, days);
    const estimated = end.unknownYears.length > 0;
    await tx
      .update(whitelistOpinions)
      .set({ status: 'superseded' })
      .where(
        and(
          eq(whitelistOpinions.applicationId, id),
          inArray(whitelistOpinions.departmentId, wanted),
          ne(whitelistOpinions.status, 'superseded'),
        ),
      );
    await tx.insert(whitelistOpinions).values(
      wanted.map((departmentId) => ({
        jurisdictionId: row.jurisdictionId,
        applicationId: id,
        departmentId,
        requestedAt: now,
        deadline: end.date,
        deadlineEstimated: estimated,
      })),
    );
    if (row.status !== to) await setApplicationStatus(tx, row, to);
    else await setApplicationStatus(tx, row, row.status);
    await appendEvent(tx, {
      kind: applicationEvents.opinionsRequested,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'whitelist_application',
      entityId: id,
      at: now,
      before: { status: row.status },
      after: {
        enterpriseId: row.enterpriseId,
        departmentIds: wanted,
        deadline: end.date,
        deadlineEstimated: estimated,
      },
    });
    await notifyMany(
      tx,
      wanted.map((departmentId) => ({
        jurisdictionId: row.jurisdictionId,
        unitKind: 'department' as const,
        unitId: departmentId,
        kind: 'whitelist.opinion_requested',
        title: `征求意见：${row.enterpriseName} 申请纳入安全生产合规白名单`,
        body: `请于 ${end.date} 前反馈意见${estimated ? '（截止日期按周一至周五估算）' : ''}`,
        link: `/whitelist/applications/${id}`,
        entityType: 'whitelist_application',
        entityId: id,
        at: now,
      })),
    );
  });
}

/**
 * A department answers: agree, or object with reasons, by the end of the deadline day. Only a department that
 * was asked, once. An objection stops the application from going on public notice.
 */
export async function answerOpinion(
  db: Db,
  actor: Actor,
  id: string,
  input: { answer: 'agree' | 'object'; reason?: string },
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await loadApplication(tx, actor, id, { forUpdate: true });
    if (!row) throw new AppError('WHITELIST_APPLICATION_NOT_FOUND');
    const mine = unitsWithRole(actor, 'department_officer');
    if (mine.length === 0) throw new AppError('WHITELIST_OPINION_NOT_REQUESTED');
    const current = await tx
      .select()
      .from(whitelistOpinions)
      .where(
        and(
          eq(whitelistOpinions.applicationId, id),
          ne(whitelistOpinions.status, 'superseded'),
          inArray(whitelistOpinions.departmentId, mine),
        ),
      )
      .for('update');
    const opinion = current.find((o) => o.status === 'pending') ?? current[0];
    if (!opinion) throw new AppError('WHITELIST_OPINION_NOT_REQUESTED');
    if (opinion.status !== 'pending') throw new AppError('WHITELIST_OPINION_ANSWERED');
    if (row.status !== 'opinions') throw new AppError('WHITELIST_TRANSITION');
    if (chinaDate(now) > opinion.deadline) throw new AppError('WHITELIST_OPINION_DEADLINE_PASSED');
    const reason = input.reason?.trim() || null;
    if (input.answer === 'object' && !reason) throw new AppError('WHITELIST_REASON_REQUIRED');
    const moved = await tx
      .update(whitelistOpinions)
      .set({
        status: input.answer === 'agree' ? 'agreed' : 'objected',
        reason,
        answeredBy: actor.userId,
        answeredAt: now,
      })
      .where(and(eq(whitelistOpinions.id, opinion.id), eq(whitelistOpinions.status, 'pending')))
      .returning({ id: whitelistOpinions.id });
    if (moved.length === 0) throw new AppError('WHITELIST_OPINION_ANSWERED');
    await setApplicationStatus(tx, row, row.status);
    await appendEvent(tx, {
      kind: applicationEvents.opinionGiven,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'whitelist_application',
      entityId: id,
      at: now,
      after: {
        enterpriseId: row.enterpriseId,
        departmentId: opinion.departmentId,
        answer: input.answer,
        reason,
      },
    });
  });
}
