import { and, eq, inArray } from 'drizzle-orm';
import type { ExitReason } from '../../../domain/whitelist.js';
import { whitelistEntries } from '../../db/schema/whitelist.js';
import { unitsWithRole } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/client.js';
import { onEvent, type AppendedEvent } from '../../platform/audit/listeners.js';
import { actorOfUser } from '../identity/queries.js';
import { openExitProposal } from './commands/exits.js';

type Payload = Record<string, unknown> & { enterpriseId?: string; fields?: Record<string, unknown> };

async function currentEntry(tx: Db, enterpriseId: string) {
  const [entry] = await tx
    .select()
    .from(whitelistEntries)
    .where(
      and(
        eq(whitelistEntries.enterpriseId, enterpriseId),
        inArray(whitelistEntries.status, ['active', 'suspended']),
      ),
    );
  return entry;
}

/** A listed enterprise's event opens an exit proposal for the bureau to decide; others change nothing here. */
function proposeOn(
  kind: string,
  judge: (
    tx: Db,
    event: AppendedEvent,
    payload: Payload,
  ) => Promise<{ enterpriseId: string; reason: ExitReason; summary: string } | null>,
) {
  onEvent(kind, async (tx, event) => {
    const payload = (event.after ?? {}) as Payload;
    const found = await judge(tx, event, payload);
    if (!found) return;
    const entry = await currentEntry(tx, found.enterpriseId);
    if (!entry) return;
    await openExitProposal(
      tx,
      null,
      entry,
      {
        reason: found.reason,
        summary: found.summary,
        sourceKind: kind,
        source: { entityType: event.entityType, entityId: event.entityId },
      },
      event.at,
    );
  });
}

const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/**
 * The events of other modules that put a white-list membership in question (DOMAIN.md §4.4). Registered once per
 * process by the module's setup.
 */
export function registerExitListeners(): void {
  proposeOn('accident.recorded', async (_tx, _e, p) => {
    const f = p.fields ?? {};
    return {
      enterpriseId: text(p.enterpriseId),
      reason: 'accident',
      summary: `登记生产安全事故：${text(f.occurredOn)}，${text(f.grade)}事故，死亡 ${text(f.deaths) || 0} 人，重伤 ${text(f.seriousInjuries) || 0} 人，直接经济损失 ${text(f.directLoss) || 0} 元`,
    };
  });
  proposeOn('penalty.recorded', async (_tx, _e, p) => {
    const f = p.fields ?? {};
    if (f.workSafety === false) return null;
    return {
      enterpriseId: text(p.enterpriseId),
      reason: 'serious_penalty',
      summary: `受到安全生产行政处罚：${text(f.authority)} ${text(f.decisionNumber)}，${text(f.sanction)}`,
    };
  });
  proposeOn('dishonesty.listed', async (_tx, _e, p) => ({
    enterpriseId: text(p.enterpriseId),
    reason: 'serious_penalty',
    summary: `被列入严重失信名单：${text(p.fields?.listedBy)}，${text(p.fields?.reason)}`,
  }));
  proposeOn('confirmation.revoked', async (_tx, _e, p) => ({
    enterpriseId: text(p.enterpriseId),
    reason: 'false_compliance',
    summary: `第三方确认被认定为虚假确认并撤销：${text(p.reason)}`,
  }));
  // a major hazard the enterprise did not report itself: found by an agency, an officer or a confirmation
  proposeOn('hazard.reported', async (tx, e, p) => {
    if (p.severity !== 'major' || !p.enterpriseId) return null;
    const reporter = e.actor.userId ? await actorOfUser(tx, e.actor.userId) : undefined;
    if (reporter && unitsWithRole(reporter, 'enterprise_user').includes(text(p.enterpriseId))) return null;
    return {
      enterpriseId: text(p.enterpriseId),
      reason: 'major_hazard',
      summary: `检查发现重大事故隐患：${text(p.title)}（整改期限 ${text(p.deadline)}）`,
    };
  });
  // refusal to rectify: an advice letter left unanswered past its deadline
  proposeOn('advice.letter_overdue', async (_tx, _e, p) => ({
    enterpriseId: text(p.enterpriseId),
    reason: 'refused_rectification',
    summary: `合规建议书 ${text(p.number)} 逾期未书面回复（回复期限 ${text(p.replyBy)}）`,
  }));
  proposeOn('enterprise.updated', async (_tx, e, p) => {
    const status = p.fields?.operatingStatus;
    if (status !== 'deregistered' && status !== 'closed') return null;
    return {
      enterpriseId: e.entityId,
      reason: 'withdrawal_or_review',
      summary: status === 'deregistered' ? '企业已注销' : '企业已关闭',
    };
  });
}
