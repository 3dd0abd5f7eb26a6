import { and, eq, sql } from 'drizzle-orm';
import {
  campaignTransitions,
  type CampaignAction,
  type CampaignStatus,
} from '../../../../domain/enforcement.js';
import { chinaDate } from '../../../../domain/readiness.js';
import { nextStatus } from '../../../../domain/transitions.js';
import {
  adviceCampaigns,
  adviceCampaignTargets,
  adviceLetters,
  violationTypes,
  type AdviceItem,
} from '../../../db/schema/enforcement.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { authorize } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { enqueue } from '../../../platform/jobs/queue.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { workingDayEnd } from '../../calendar/queries.js';
import { enterprisesInScope } from '../../registry/queries.js';
import { adviceEvents } from '../events.js';
import { campaignPolicy, proposingDepartments } from '../policy.js';
import { campaignScope } from '../queries.js';
import { industryName, unitOf } from '../units.js';

export const SEND_CAMPAIGN_JOB = 'advice.campaign.send';

type CampaignRow = typeof adviceCampaigns.$inferSelect;

export interface ProposeInput {
  violationTypeId: string;
  scopeType: 'industry' | 'subdistrict';
  scopeValue: string;
  reason: string;
  /** the items to self-inspect; the violation type's by default */
  items?: AdviceItem[];
  departmentId?: string;
}

/** A department proposes a campaign by hand (e.g. after an accident elsewhere, or a changed standard). */
export async function proposeCampaign(db: Db, actor: Actor, input: ProposeInput, now = new Date()) {
  const departments = proposingDepartments(actor);
  const departmentId = input.departmentId ?? departments[0];
  if (!departmentId || !departments.includes(departmentId)) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const [type] = await tx
      .select()
      .from(violationTypes)
      .where(
        and(
          eq(violationTypes.id, input.violationTypeId),
          eq(violationTypes.jurisdictionId, actor.jurisdictionId),
          eq(violationTypes.active, true),
        ),
      );
    if (!type)
      throw new AppError('VIOLATION_TYPE_NOT_FOUND', {
        fieldErrors: [
          { field: 'body/violationTypeId', code: 'invalid', message: '违法行为类型不存在或已停用' },
        ],
      });
    const scopeName =
      input.scopeType === 'industry'
        ? await industryName(tx, input.scopeValue)
        : (await unitOf(tx, actor.jurisdictionId, input.scopeValue, 'subdistrict'))?.name;
    const scopeLabel = scopeName && input.scopeType === 'industry' ? `${scopeName}行业` : scopeName;
    if (!scopeLabel)
      throw new AppError('ADVICE_SCOPE_UNKNOWN', {
        fieldErrors: [{ field: 'body/scopeValue', code: 'invalid', message: '行业或街镇不存在' }],
      });
    const items = input.items && input.items.length > 0 ? input.items : type.adviceItems;
    const [row] = await tx
      .insert(adviceCampaigns)
      .values({
        jurisdictionId: actor.jurisdictionId,
        departmentId,
        violationTypeId: type.id,
        scopeType: input.scopeType,
        scopeValue: input.scopeValue,
        scopeLabel,
        origin: 'manual',
        reason: input.reason.trim(),
        items: items.map((i) => ({ text: i.text.trim() })),
        proposedBy: actor.userId,
        proposedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: adviceCampaigns.id });
    if (!row) throw new AppError('ADVICE_CAMPAIGN_LIVE');
    await appendEvent(tx, {
      kind: adviceEvents.campaignProposed,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'advice_campaign',
      entityId: row.id,
      at: now,
      after: {
        violationTypeId: type.id,
        scopeType: input.scopeType,
        scopeValue: input.scopeValue,
        origin: 'manual',
        reason: input.reason.trim(),
        triggerCount: null,
      },
    });
    return row.id;
  });
}

async function lockCampaign(tx: Db, actor: Actor, id: string, action: CampaignAction) {
  const [c] = await tx
    .select()
    .from(adviceCampaigns)
    .where(and(eq(adviceCampaigns.id, id), campaignScope(actor)))
    .for('update');
  if (!c) throw new AppError('ADVICE_CAMPAIGN_NOT_FOUND');
  const to = nextStatus(campaignTransitions, c.status, action);
  if (!to) throw new AppError('ADVICE_CAMPAIGN_TRANSITION');
  authorize(campaignPolicy, actor, action as 'approve' | 'reject' | 'close', c);
  return { campaign: c, to };
}

async function moveCampaign(tx: Db, c: CampaignRow, to: CampaignStatus, set: Partial<CampaignRow>) {
  const moved = await tx
    .update(adviceCampaigns)
    .set({ ...set, status: to })
    .where(and(eq(adviceCampaigns.id, c.id), eq(adviceCampaigns.status, c.status)))
    .returning({ id: adviceCampaigns.id });
  if (moved.length === 0) throw new AppError('ADVICE_CAMPAIGN_TRANSITION');
}

const targetInsertChunk = 5000;

/**
 * The bureau approves: the enterprises in scope are frozen as numbered targets, the reply deadline is set in
 * working days from today, and the sending job is enqueued — all in one transaction.
 */
export async function approveCampaign(db: Db, actor: Actor, id: string, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const { campaign, to } = await lockCampaign(tx, actor, id, 'approve');
    const targets = await enterprisesInScope(
      tx,
      campaign.jurisdictionId,
      campaign.scopeType === 'industry'
        ? { industryCode: campaign.scopeValue }
        : { subdistrictId: campaign.scopeValue },
    );
    if (targets.length === 0) throw new AppError('ADVICE_CAMPAIGN_EMPTY');
    for (let i = 0; i < targets.length; i += targetInsertChunk) {
      await tx.insert(adviceCampaignTargets).values(
        targets.slice(i, i + targetInsertChunk).map((t, j) => ({
          campaignId: id,
          position: i + j + 1,
          enterpriseId: t.id,
          enterpriseName: t.name,
          uscc: t.uscc,
          subdistrictId: t.subdistrictId,
        })),
      );
    }
    const days = await getSetting(tx, campaign.jurisdictionId, 'advice.replyWorkingDays');
    const end = await workingDayEnd(tx, chinaDate(now), days);
    const jobId = await enqueue(tx, {
      kind: SEND_CAMPAIGN_JOB,
      payload: { campaignId: id },
      jurisdictionId: campaign.jurisdictionId,
      dedupeKey: `${SEND_CAMPAIGN_JOB}:${id}`,
      createdBy: actor.userId,
      progressTotal: targets.length,
      runAt: now,
    });
    await moveCampaign(tx, campaign, to, {
      replyBy: end.date,
      replyByEstimated: end.unknownYears.length > 0,
      targetCount: targets.length,
      jobId,
      decidedBy: actor.userId,
      decidedAt: now,
    });
    await appendEvent(tx, {
      kind: adviceEvents.campaignApproved,
      jurisdictionId: campaign.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'advice_campaign',
      entityId: id,
      at: now,
      after: { targetCount: targets.length, replyBy: end.date, jobId },
    });
    return { jobId, targetCount: targets.length };
  });
}

export async function rejectCampaign(db: Db, actor: Actor, id: string, reason: string, now = new Date()) {
  await inTransaction(db, async (tx) => {
    const { campaign, to } = await lockCampaign(tx, actor, id, 'reject');
    await moveCampaign(tx, campaign, to, {
      decisionReason: reason.trim(),
      decidedBy: actor.userId,
      decidedAt: now,
    });
    await appendEvent(tx, {
      kind: adviceEvents.campaignRejected,
      jurisdictionId: campaign.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'advice_campaign',
      entityId: id,
      at: now,
      after: { reason: reason.trim() },
    });
  });
}

/** Close a sent campaign (the sweep does it once its deadline has passed; the bureau may do it earlier). */
export async function closeCampaign(db: Db, actor: Actor | null, id: string, now = new Date()) {
  await inTransaction(db, async (tx) => {
    let campaign: CampaignRow;
    if (actor) {
      campaign = (await lockCampaign(tx, actor, id, 'close')).campaign;
    } else {
      const [c] = await tx.select().from(adviceCampaigns).where(eq(adviceCampaigns.id, id)).for('update');
      if (!c || c.status !== 'sent') return;
      campaign = c;
    }
    await moveCampaign(tx, campaign, 'closed', {});
    const [counts] = await tx
      .select({
        replied: sql<number>`(count(*) filter (where ${adviceLetters.status} = 'replied'))::int`,
        overdue: sql<number>`(count(*) filter (where ${adviceLetters.status} = 'overdue'))::int`,
      })
      .from(adviceLetters)
      .where(eq(adviceLetters.campaignId, id));
    await appendEvent(tx, {
      kind: adviceEvents.campaignClosed,
      jurisdictionId: campaign.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'advice_campaign',
      entityId: id,
      at: now,
      after: { replied: Number(counts.replied), overdue: Number(counts.overdue) },
    });
  });
}
