import { and, eq, inArray } from 'drizzle-orm';
import {
  engagementTransitions,
  openEngagementStatuses,
  type EngagementAction,
  type EngagementService,
} from '../../../../domain/agencies.js';
import { nextStatus } from '../../../../domain/transitions.js';
import { agencies, serviceEngagements } from '../../../db/schema/agencies.js';
import { eventActor, unitsWithRole, type Actor } from '../../../platform/access/actor.js';
import { authorize } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { loadEnterprisesByIds } from '../../registry/index.js';
import { agencyEvents } from '../events.js';
import { engagementPolicy } from '../policy.js';
import { engagementScope } from '../queries.js';

export interface EngagementRequest {
  enterpriseId?: string;
  agencyId: string;
  services: EngagementService[];
  note?: string | null;
}

const agencyField = (
  code:
    | 'AGENCY_NOT_FOUND'
    | 'ENGAGEMENT_AGENCY_UNAVAILABLE'
    | 'ENGAGEMENT_AGENCY_NOT_SOCIAL_SERVICE'
    | 'ENGAGEMENT_ALREADY_OPEN',
  message: string,
) => new AppError(code, { fieldErrors: [{ field: 'body/agencyId', code, message }] });

/**
 * An enterprise user engages a social service agency for its own enterprise. The agency must be active and
 * offer social services; one open (requested or active) engagement per enterprise and agency.
 */
export async function requestEngagement(
  db: Db,
  actor: Actor,
  input: EngagementRequest,
): Promise<{ id: string }> {
  const own = unitsWithRole(actor, 'enterprise_user');
  if (own.length === 0) throw new AppError('FORBIDDEN', { detail: '只有企业用户可以委托服务机构' });
  let enterpriseId = input.enterpriseId;
  if (!enterpriseId) {
    if (own.length > 1) {
      throw new AppError('ENGAGEMENT_ENTERPRISE_REQUIRED', {
        fieldErrors: [
          { field: 'body/enterpriseId', code: 'ENGAGEMENT_ENTERPRISE_REQUIRED', message: '请选择委托的企业' },
        ],
      });
    }
    enterpriseId = own[0];
  }
  if (!own.includes(enterpriseId)) throw new AppError('FORBIDDEN', { detail: '只能为本企业委托服务机构' });
  const [enterprise] = await loadEnterprisesByIds(db, actor, [enterpriseId]);
  if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
  const services = (['first_inspection', 'rectification_guidance'] as const).filter((s) =>
    input.services.includes(s),
  );
  const note = input.note?.trim() || null;

  return inTransaction(db, async (tx) => {
    // the agency row is locked: two requests for the same agency serialise, so the duplicate check holds
    const [agency] = await tx
      .select()
      .from(agencies)
      .where(and(eq(agencies.id, input.agencyId), eq(agencies.jurisdictionId, enterprise.jurisdictionId)))
      .for('update');
    if (!agency) throw agencyField('AGENCY_NOT_FOUND', '服务机构不存在');
    if (agency.status !== 'active')
      throw agencyField('ENGAGEMENT_AGENCY_UNAVAILABLE', '该服务机构已暂停或列入黑名单');
    if (!agency.kinds.includes('social_service'))
      throw agencyField('ENGAGEMENT_AGENCY_NOT_SOCIAL_SERVICE', '该机构不是社会化服务机构');
    const [open] = await tx
      .select({ id: serviceEngagements.id })
      .from(serviceEngagements)
      .where(
        and(
          eq(serviceEngagements.enterpriseId, enterprise.id),
          eq(serviceEngagements.agencyId, agency.id),
          inArray(serviceEngagements.status, [...openEngagementStatuses]),
        ),
      );
    if (open) throw agencyField('ENGAGEMENT_ALREADY_OPEN', '已向该机构提出委托或正在服务中');
    const [row] = await tx
      .insert(serviceEngagements)
      .values({
        jurisdictionId: enterprise.jurisdictionId,
        enterpriseId: enterprise.id,
        subdistrictId: enterprise.subdistrictId,
        agencyId: agency.id,
        services,
        note,
        requestedBy: actor.userId,
      })
      .returning();
    await appendEvent(tx, {
      kind: agencyEvents.engagementRequested,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'engagement',
      entityId: row.id,
      after: { enterpriseId: row.enterpriseId, agencyId: row.agencyId, services, note },
    });
    return { id: row.id };
  });
}

const eventOf = {
  accept: agencyEvents.engagementAccepted,
  decline: agencyEvents.engagementDeclined,
  withdraw: agencyEvents.engagementWithdrawn,
  end: agencyEvents.engagementEnded,
} as const;

/**
 * Accept, decline (the agency), withdraw (the enterprise) or end (either side) an engagement. Not visible → 404;
 * a move the status does not allow → 409; the wrong side → 403. The reason of a decline, withdrawal or end is kept
 * in `end_reason`.
 */
export async function moveEngagement(
  db: Db,
  actor: Actor,
  id: string,
  action: EngagementAction,
  reason?: string,
): Promise<void> {
  const [current] = await db
    .select()
    .from(serviceEngagements)
    .where(and(eq(serviceEngagements.id, id), engagementScope(actor)));
  if (!current) throw new AppError('ENGAGEMENT_NOT_FOUND');
  const to = nextStatus(engagementTransitions, current.status, action);
  if (!to) throw new AppError('ENGAGEMENT_TRANSITION_NOT_ALLOWED');
  authorize(engagementPolicy, actor, action, current);
  const why = reason?.trim() || null;
  if (action === 'end' && !why) {
    throw new AppError('VALIDATION_FAILED', {
      detail: '结束委托须说明原因',
      fieldErrors: [{ field: 'body/reason', code: 'VALIDATION_FAILED', message: '请填写结束原因' }],
    });
  }
  await inTransaction(db, async (tx) => {
    if (action === 'accept') {
      const [agency] = await tx
        .select({ status: agencies.status })
        .from(agencies)
        .where(eq(agencies.id, current.agencyId));
      if (agency?.status !== 'active') throw new AppError('ENGAGEMENT_AGENCY_UNAVAILABLE');
    }
    const now = new Date();
    const [moved] = await tx
      .update(serviceEngagements)
      .set(
        action === 'accept' ? { status: to, acceptedAt: now } : { status: to, endedAt: now, endReason: why },
      )
      .where(and(eq(serviceEngagements.id, id), eq(serviceEngagements.status, current.status)))
      .returning({ id: serviceEngagements.id });
    if (!moved) throw new AppError('CONFLICT_STATE');
    await appendEvent(tx, {
      kind: eventOf[action],
      jurisdictionId: current.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'engagement',
      entityId: id,
      before: { status: current.status },
      after: { status: to, ...(why ? { reason: why } : {}) },
    });
  });
}

/**
 * When the bureau blacklists an agency its open engagements end with it (inside the caller's transaction), so
 * it loses sight of the enterprises at once. Returns the ids ended.
 */
export async function endOpenEngagementsOf(
  tx: Db,
  actor: Actor,
  agencyId: string,
  reason: string,
): Promise<string[]> {
  const now = new Date();
  const ended = await tx
    .update(serviceEngagements)
    .set({ status: 'ended', endedAt: now, endReason: reason })
    .where(
      and(
        eq(serviceEngagements.agencyId, agencyId),
        inArray(serviceEngagements.status, [...openEngagementStatuses]),
      ),
    )
    .returning({ id: serviceEngagements.id, jurisdictionId: serviceEngagements.jurisdictionId });
  for (const e of ended) {
    await appendEvent(tx, {
      kind: agencyEvents.engagementEnded,
      jurisdictionId: e.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'engagement',
      entityId: e.id,
      after: { status: 'ended', reason },
    });
  }
  return ended.map((e) => e.id);
}
