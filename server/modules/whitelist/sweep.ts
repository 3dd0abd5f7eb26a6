import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { addDays, chinaDate } from '../../../domain/readiness.js';
import { opinionAfterDeadline } from '../../../domain/whitelist.js';
import { jurisdictions, units } from '../../db/schema/reference.js';
import {
  annualReviews,
  whitelistApplications as apps,
  whitelistEntries,
  whitelistOpinions,
} from '../../db/schema/whitelist.js';
import { eventActor } from '../../platform/access/actor.js';
import { appendEvent } from '../../platform/audit/append.js';
import type { Db } from '../../platform/db/client.js';
import { inTransaction } from '../../platform/db/tx.js';
import { getSettings } from '../../platform/settings/settings.js';
import { notify } from '../notifications/index.js';
import { openExitProposal } from './commands/exits.js';
import { applicationEvents, entryEvents } from './events.js';

export const WHITELIST_SWEEP = 'whitelist.sweep';
export const whitelistSweepEveryMs = 60 * 60_000;

const system = eventActor(null);

/**
 * Deadlines of the white list, idempotent: opinions past their deadline count as agreement or go to the bureau
 * (`whitelist.opinionSilence`); entries coming up to the end of their validity get an annual review
 * (`whitelist.reviewLeadDays` before); a review not submitted by its due date is missed and opens an exit proposal.
 */
export async function sweepWhitelist(db: Db, now = new Date()) {
  const today = chinaDate(now);
  const done = { lapsed: 0, reviewsOpened: 0, reviewsMissed: 0 };
  for (const j of await db.select({ id: jurisdictions.id }).from(jurisdictions)) {
    const s = await getSettings(db, j.id, ['whitelist.opinionSilence', 'whitelist.reviewLeadDays']);
    const late = await db
      .select({ opinion: whitelistOpinions, app: apps })
      .from(whitelistOpinions)
      .innerJoin(apps, eq(apps.id, whitelistOpinions.applicationId))
      .where(
        and(
          eq(whitelistOpinions.jurisdictionId, j.id),
          eq(whitelistOpinions.status, 'pending'),
          lt(whitelistOpinions.deadline, today),
        ),
      );
    for (const { opinion, app } of late) {
      await inTransaction(db, async (tx) => {
        const outcome = opinionAfterDeadline(s['whitelist.opinionSilence']);
        const moved = await tx
          .update(whitelistOpinions)
          .set({ status: outcome })
          .where(and(eq(whitelistOpinions.id, opinion.id), eq(whitelistOpinions.status, 'pending')))
          .returning({ id: whitelistOpinions.id });
        if (moved.length === 0) return;
        done.lapsed += 1;
        await appendEvent(tx, {
          kind: applicationEvents.opinionLapsed,
          jurisdictionId: j.id,
          actor: system,
          entityType: 'whitelist_application',
          entityId: app.id,
          at: now,
          after: { enterpriseId: app.enterpriseId, departmentId: opinion.departmentId, outcome },
        });
        if (outcome === 'escalated') {
          const [bureau] = await tx
            .select({ id: units.id })
            .from(units)
            .where(and(eq(units.jurisdictionId, j.id), eq(units.isBureau, true)));
          if (bureau)
            await notify(tx, {
              jurisdictionId: j.id,
              unitKind: 'department',
              unitId: bureau.id,
              kind: 'whitelist.opinion_escalated',
              title: `部门逾期未反馈意见：${app.enterpriseName}`,
              body: `征求意见期限 ${opinion.deadline} 已过，请再次征求或作出处理`,
              link: `/whitelist/applications/${app.id}`,
              entityType: 'whitelist_application',
              entityId: app.id,
              at: now,
            });
        }
      });
    }

    const dueSoon = await db
      .select()
      .from(whitelistEntries)
      .where(
        and(
          eq(whitelistEntries.jurisdictionId, j.id),
          inArray(whitelistEntries.status, ['active', 'suspended']),
          sql`${whitelistEntries.validTo} <= ${addDays(today, s['whitelist.reviewLeadDays'])}`,
        ),
      );
    for (const entry of dueSoon) {
      await inTransaction(db, async (tx) => {
        const [opened] = await tx
          .insert(annualReviews)
          .values({
            jurisdictionId: j.id,
            entryId: entry.id,
            enterpriseId: entry.enterpriseId,
            subdistrictId: entry.subdistrictId,
            dueOn: entry.validTo,
            openedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: annualReviews.id });
        if (!opened) return;
        done.reviewsOpened += 1;
        await appendEvent(tx, {
          kind: entryEvents.reviewOpened,
          jurisdictionId: j.id,
          actor: system,
          entityType: 'annual_review',
          entityId: opened.id,
          at: now,
          after: { enterpriseId: entry.enterpriseId, dueOn: entry.validTo },
        });
        await notify(tx, {
          jurisdictionId: j.id,
          unitKind: 'enterprise',
          unitId: entry.enterpriseId,
          kind: 'whitelist.review_opened',
          title: '白名单年度复核已开启',
          body: `白名单有效期至 ${entry.validTo}，请在此之前提交年度复核，逾期未复核将启动退出程序`,
          link: `/whitelist/entries/${entry.id}`,
          entityType: 'whitelist_entry',
          entityId: entry.id,
          at: now,
        });
      });
    }

    const missed = await db
      .select({ review: annualReviews, entry: whitelistEntries })
      .from(annualReviews)
      .innerJoin(whitelistEntries, eq(whitelistEntries.id, annualReviews.entryId))
      .where(
        and(
          eq(annualReviews.jurisdictionId, j.id),
          eq(annualReviews.status, 'open'),
          lt(annualReviews.dueOn, today),
        ),
      );
    for (const { review, entry } of missed) {
      await inTransaction(db, async (tx) => {
        const moved = await tx
          .update(annualReviews)
          .set({ status: 'missed' })
          .where(and(eq(annualReviews.id, review.id), eq(annualReviews.status, 'open')))
          .returning({ id: annualReviews.id });
        if (moved.length === 0) return;
        done.reviewsMissed += 1;
        await appendEvent(tx, {
          kind: entryEvents.reviewMissed,
          jurisdictionId: j.id,
          actor: system,
          entityType: 'annual_review',
          entityId: review.id,
          at: now,
          after: { enterpriseId: review.enterpriseId, dueOn: review.dueOn },
        });
        if (entry.status !== 'exited')
          await openExitProposal(
            tx,
            null,
            entry,
            {
              reason: 'withdrawal_or_review',
              summary: `未在 ${review.dueOn} 前提交年度复核`,
              sourceKind: 'whitelist.annual_review_missed',
              source: { entityType: 'annual_review', entityId: review.id },
            },
            now,
          );
      });
    }
  }
  return done;
}
