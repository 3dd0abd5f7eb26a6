import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  addDays,
  chinaDate,
  extensionTransitions,
  isCalendarDate,
  type ExtensionAction,
} from '../../../../domain/readiness.js';
import { nextStatus } from '../../../../domain/transitions.js';
import { extensionRequests, hazards } from '../../../db/schema/hazards.js';
import { units } from '../../../db/schema/reference.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { can } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError, type FieldError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { issueDocument } from '../../documents/commands/issue-document.js';
import { notify } from '../../notifications/index.js';
import { getEnterprise } from '../../registry/queries.js';
import { hazardEvents } from '../events.js';
import { extensionPolicy } from '../policy.js';
import { loadExtension, type ExtensionRow, type HazardRow } from '../queries.js';
import { extensionDecisionTemplate } from '../templates/extension-decision.js';
import { assertHazardEvidence, loadHazardFor, today } from './load-for.js';

export interface ExtensionInput {
  requestedDeadline: string;
  reason: string;
  interimControls: string;
  evidence?: string[];
}

const bad = (
  code: 'EXTENSION_DEADLINE_INVALID' | 'EXTENSION_INTERIM_CONTROLS_REQUIRED',
  field: string,
  message: string,
) => new AppError(code, { fieldErrors: [{ field, code, message } satisfies FieldError] });

/** Check a new deadline: a real date, after the current one and today, within the maximum extension. */
async function checkNewDeadline(tx: Db, h: HazardRow, deadline: string, field: string): Promise<void> {
  if (!isCalendarDate(deadline)) throw bad('EXTENSION_DEADLINE_INVALID', field, '日期格式应为 YYYY-MM-DD');
  if (deadline < today())
    throw new AppError('HAZARD_DEADLINE_PAST', {
      fieldErrors: [{ field, code: 'HAZARD_DEADLINE_PAST', message: '整改期限不能早于今天' }],
    });
  if (deadline <= h.deadline)
    throw bad('EXTENSION_DEADLINE_INVALID', field, `须晚于现整改期限 ${h.deadline}`);
  const maxDays = await getSetting(tx, h.jurisdictionId, 'extensions.maxDays');
  const latest = addDays(h.deadline > today() ? h.deadline : today(), maxDays);
  if (deadline > latest) throw bad('EXTENSION_DEADLINE_INVALID', field, `最长可延至 ${latest}`);
}

/** The enterprise asks its subdistrict for a later deadline, stating the interim accident-prevention controls. */
export async function requestExtension(
  db: Db,
  actor: Actor,
  hazardId: string,
  input: ExtensionInput,
): Promise<string> {
  if (!input.interimControls.trim()) {
    throw bad('EXTENSION_INTERIM_CONTROLS_REQUIRED', 'body/interimControls', '请填写整改期间的临时防范措施');
  }
  return inTransaction(db, async (tx) => {
    const h = await loadHazardFor(tx, actor, hazardId, 'requestExtension', [
      'open',
      'rectifying',
      'awaiting_verification',
    ]);
    const [pending] = await tx
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .where(and(eq(extensionRequests.hazardId, hazardId), eq(extensionRequests.status, 'pending')));
    if (pending) throw new AppError('EXTENSION_PENDING_EXISTS', { extra: { extensionId: pending.id } });
    await checkNewDeadline(tx, h, input.requestedDeadline, 'body/requestedDeadline');
    const evidence = [...new Set(input.evidence ?? [])];
    await assertHazardEvidence(tx, hazardId, evidence, 'body/evidence');
    const id = randomUUID();
    await tx.insert(extensionRequests).values({
      id,
      jurisdictionId: h.jurisdictionId,
      hazardId,
      enterpriseId: h.enterpriseId,
      subdistrictId: h.subdistrictId,
      deadlineAtRequest: h.deadline,
      requestedDeadline: input.requestedDeadline,
      reason: input.reason.trim(),
      interimControls: input.interimControls.trim(),
      evidence,
      requestedBy: actor.userId,
    });
    await appendEvent(tx, {
      kind: hazardEvents.extensionRequested,
      jurisdictionId: h.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'extension_request',
      entityId: id,
      after: {
        enterpriseId: h.enterpriseId,
        hazardId,
        deadlineAtRequest: h.deadline,
        requestedDeadline: input.requestedDeadline,
      },
    });
    await notify(tx, {
      jurisdictionId: h.jurisdictionId,
      unitKind: 'subdistrict',
      unitId: h.subdistrictId,
      kind: 'extension.requested',
      title: '收到延期整改申请',
      body: h.title,
      link: `/extension-requests/${id}`,
      entityType: 'extension_request',
      entityId: id,
    });
    return id;
  });
}

async function loadExtensionFor(
  tx: Db,
  actor: Actor,
  id: string,
  action: ExtensionAction,
): Promise<{ x: ExtensionRow; to: ExtensionRow['status'] }> {
  const x = await loadExtension(tx, actor, id, { forUpdate: true });
  if (!x) throw new AppError('EXTENSION_NOT_FOUND');
  const to = nextStatus(extensionTransitions, x.status, action);
  if (!to) throw new AppError('EXTENSION_TRANSITION');
  if (!can(extensionPolicy, actor, action === 'withdraw' ? 'withdraw' : 'decide', x))
    throw new AppError('FORBIDDEN');
  return { x, to };
}

export type Decision =
  { action: 'approve'; approvedDeadline?: string; reason?: string } | { action: 'refuse'; reason: string };

/**
 * The subdistrict approves (the hazard's deadline moves; the original stays on record) or refuses with reasons.
 * Either way the decision is issued as a numbered document to the enterprise.
 */
export async function decideExtension(db: Db, actor: Actor, id: string, decision: Decision): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { x, to } = await loadExtensionFor(tx, actor, id, decision.action);
    const [h] = await tx.select().from(hazards).where(eq(hazards.id, x.hazardId)).for('update');
    const reason = decision.reason?.trim() ?? '';
    if (decision.action === 'refuse' && !reason) {
      throw new AppError('VALIDATION_FAILED', {
        fieldErrors: [{ field: 'body/reason', code: 'required', message: '不同意延期须说明理由' }],
      });
    }
    const approvedDeadline =
      decision.action === 'approve' ? (decision.approvedDeadline ?? x.requestedDeadline) : null;
    if (approvedDeadline) {
      if (h.status === 'closed') throw new AppError('EXTENSION_HAZARD_CLOSED');
      await checkNewDeadline(tx, h, approvedDeadline, 'body/approvedDeadline');
    }
    const enterprise = await getEnterprise(tx, actor, x.enterpriseId);
    if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
    const [subdistrict] = await tx
      .select({ name: units.name })
      .from(units)
      .where(eq(units.id, x.subdistrictId));
    const now = new Date();
    const doc = await issueDocument(tx, actor, {
      template: extensionDecisionTemplate,
      holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
      subject: { type: 'extension_request', id },
      subdistrictId: x.subdistrictId,
      issuedAt: now,
      data: {
        enterpriseName: enterprise.name,
        uscc: enterprise.uscc,
        hazardTitle: h.title.slice(0, 300),
        severity: h.severity,
        reportedOn: chinaDate(h.reportedAt),
        originalDeadline: h.originalDeadline,
        deadlineAtRequest: x.deadlineAtRequest,
        requestedDeadline: x.requestedDeadline,
        reason: x.reason || '（未填写）',
        interimControls: x.interimControls,
        decision: decision.action === 'approve' ? 'approved' : 'refused',
        ...(approvedDeadline ? { approvedDeadline } : {}),
        decisionReason: reason,
        subdistrictName: subdistrict?.name ?? '街道',
        decidedOn: chinaDate(now),
      },
    });
    const updated = await tx
      .update(extensionRequests)
      .set({
        status: to,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionReason: reason || null,
        approvedDeadline,
        documentId: doc.id,
        documentNumber: doc.number,
      })
      .where(and(eq(extensionRequests.id, id), eq(extensionRequests.status, 'pending')))
      .returning({ id: extensionRequests.id });
    if (updated.length === 0) throw new AppError('CONFLICT_STATE');
    const base = {
      jurisdictionId: x.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'extension_request',
      entityId: id,
      at: now,
      before: { status: x.status },
    };
    if (approvedDeadline) {
      await tx
        .update(hazards)
        .set({ deadline: approvedDeadline, overdue: false, updatedAt: now })
        .where(eq(hazards.id, h.id));
      await appendEvent(tx, {
        ...base,
        kind: hazardEvents.extensionApproved,
        after: { enterpriseId: x.enterpriseId, hazardId: h.id, approvedDeadline, documentNumber: doc.number },
      });
    } else {
      await appendEvent(tx, {
        ...base,
        kind: hazardEvents.extensionRefused,
        after: { enterpriseId: x.enterpriseId, hazardId: h.id, reason, documentNumber: doc.number },
      });
    }
    await notify(tx, {
      jurisdictionId: x.jurisdictionId,
      unitKind: 'enterprise',
      unitId: x.enterpriseId,
      kind: `extension.${to}`,
      title: approvedDeadline ? `延期整改申请已同意，期限延至 ${approvedDeadline}` : '延期整改申请未获同意',
      body: h.title,
      link: `/hazards/${h.id}`,
      entityType: 'extension_request',
      entityId: id,
    });
  });
}

export async function withdrawExtension(db: Db, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { x, to } = await loadExtensionFor(tx, actor, id, 'withdraw');
    const updated = await tx
      .update(extensionRequests)
      .set({ status: to })
      .where(and(eq(extensionRequests.id, id), eq(extensionRequests.status, 'pending')))
      .returning({ id: extensionRequests.id });
    if (updated.length === 0) throw new AppError('CONFLICT_STATE');
    await appendEvent(tx, {
      kind: hazardEvents.extensionWithdrawn,
      jurisdictionId: x.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'extension_request',
      entityId: id,
      before: { status: x.status },
      after: { enterpriseId: x.enterpriseId, hazardId: x.hazardId },
    });
  });
}
