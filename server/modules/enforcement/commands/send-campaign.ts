import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { nextStatus } from '../../../../domain/transitions.js';
import { campaignTransitions } from '../../../../domain/enforcement.js';
import { adviceCampaigns, adviceCampaignTargets, violationTypes } from '../../../db/schema/enforcement.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import type { JobContext } from '../../../platform/jobs/worker.js';
import { adviceEvents } from '../events.js';
import { issueLetters } from '../letters.js';
import { unitOf } from '../units.js';

const system = { userId: null, label: '系统（合规建议书发送）' };

/** Letters per transaction: small enough to keep the number counter's lock short, large enough to be quick. */
export const SEND_CHUNK = 500;

/**
 * Send one chunk of a campaign's letters in one transaction: lock the campaign, take the next targets after
 * `sent_count`, issue their letters (one consecutive range of numbers), advance `sent_count` and append the
 * chunk's event. A crash anywhere rolls the whole chunk back — letters, documents, numbers and the counter — so a
 * resumed job starts exactly where the last committed chunk ended: no duplicate, no missing letter, no gap.
 * Returns the letters sent so far, and whether the campaign is done.
 */
export async function sendCampaignChunk(db: Db, campaignId: string, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const [c] = await tx
      .select()
      .from(adviceCampaigns)
      .where(eq(adviceCampaigns.id, campaignId))
      .for('update');
    if (!c || c.status !== 'sending')
      return { sent: c?.sentCount ?? 0, total: c?.targetCount ?? 0, done: true };
    const targets = await tx
      .select()
      .from(adviceCampaignTargets)
      .where(and(eq(adviceCampaignTargets.campaignId, c.id), gt(adviceCampaignTargets.position, c.sentCount)))
      .orderBy(asc(adviceCampaignTargets.position))
      .limit(SEND_CHUNK);
    if (targets.length === 0) {
      const to = nextStatus(campaignTransitions, c.status, 'finish')!;
      await tx
        .update(adviceCampaigns)
        .set({ status: to, finishedAt: now })
        .where(and(eq(adviceCampaigns.id, c.id), eq(adviceCampaigns.status, c.status)));
      await appendEvent(tx, {
        kind: adviceEvents.campaignSent,
        jurisdictionId: c.jurisdictionId,
        actor: system,
        entityType: 'advice_campaign',
        entityId: c.id,
        at: now,
        after: { sentCount: c.sentCount },
      });
      return { sent: c.sentCount, total: c.targetCount, done: true };
    }
    const [type] = await tx.select().from(violationTypes).where(eq(violationTypes.id, c.violationTypeId));
    const department = await unitOf(tx, c.jurisdictionId, c.departmentId, 'department');
    const letters = await issueLetters(
      tx,
      {
        jurisdictionId: c.jurisdictionId,
        departmentId: c.departmentId,
        departmentName: department?.name ?? '',
        violationType: type,
        reason: c.reason,
        items: c.items,
        replyBy: c.replyBy!,
        campaignId: c.id,
      },
      targets.map((t) => ({
        enterpriseId: t.enterpriseId,
        enterpriseName: t.enterpriseName,
        uscc: t.uscc,
        subdistrictId: t.subdistrictId,
      })),
      now,
    );
    const from = targets[0].position;
    const to = targets[targets.length - 1].position;
    await tx
      .update(adviceCampaigns)
      .set({ sentCount: sql`${adviceCampaigns.sentCount} + ${targets.length}` })
      .where(eq(adviceCampaigns.id, c.id));
    await appendEvent(tx, {
      kind: adviceEvents.lettersSent,
      jurisdictionId: c.jurisdictionId,
      actor: system,
      entityType: 'advice_campaign',
      entityId: c.id,
      at: now,
      after: {
        from,
        to,
        count: letters.length,
        first: letters[0].number,
        last: letters[letters.length - 1].number,
      },
    });
    return { sent: to, total: c.targetCount, done: false };
  });
}

/**
 * The job: chunks until the campaign is sent, reporting progress after each. Safe to run again after a crash.
 *
 * It yields to the event loop between chunks. PGlite runs queries in this process without ever waiting on I/O, so
 * back-to-back chunks would otherwise hold the event loop for the whole campaign (about a minute for 20,000
 * letters): no request answered, not even /api/health, and no lease heartbeat. With the yield, requests wait at
 * most for the chunk in progress.
 */
export async function runSendCampaign(ctx: JobContext) {
  const campaignId = String(ctx.job.payload.campaignId);
  for (;;) {
    const step = await sendCampaignChunk(ctx.db, campaignId);
    await ctx.progress(step.sent, step.total);
    if (step.done) return { sent: step.sent };
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
