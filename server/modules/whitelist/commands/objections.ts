import { createHash } from 'node:crypto';
import { and, eq, gte, sql } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/readiness.js';
import { objections, publicNotices, whitelistApplications as apps } from '../../../db/schema/whitelist.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { applicationEvents, noticeEvents } from '../events.js';
import { mayHandleObjections } from '../policy.js';
import { setApplicationStatus } from './move-application.js';

export interface ObjectionInput {
  applicationId: string;
  name: string;
  contact: string;
  content: string;
  evidence?: string;
}

const publicActor = { userId: null, label: '公众' };

/** Addresses are kept only as a salted hash: enough to count a flood, not to identify anyone. */
export function sourceHashOf(ip: string, jurisdictionId: string): string {
  return createHash('sha256').update(`objection:${jurisdictionId}:${ip}`).digest('hex');
}

/**
 * Anyone files an objection to an application on a notice whose period is running. Name and contact are required;
 * one address may file `whitelist.objectionsPerIpPerHour` an hour (counted in the database, so every server process
 * shares the count); the same content from the same contact about the same application is taken once.
 */
export async function fileObjection(
  db: Db,
  noticeId: string,
  input: ObjectionInput,
  ip: string,
  now = new Date(),
): Promise<{ id: string; filedAt: string }> {
  return inTransaction(db, async (tx) => {
    const [notice] = await tx.select().from(publicNotices).where(eq(publicNotices.id, noticeId));
    if (!notice) throw new AppError('WHITELIST_NOTICE_NOT_FOUND');
    const today = chinaDate(now);
    if (notice.status !== 'open' || today < notice.startsOn || today > notice.endsOn)
      throw new AppError('WHITELIST_NOTICE_CLOSED');
    const [application] = await tx
      .select()
      .from(apps)
      .where(
        and(eq(apps.id, input.applicationId), eq(apps.noticeId, noticeId), eq(apps.status, 'public_notice')),
      );
    if (!application) throw new AppError('WHITELIST_APPLICATION_NOT_FOUND');
    const sourceHash = sourceHashOf(ip, notice.jurisdictionId);
    // serialise filings from one address so two parallel requests cannot both slip under the limit
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${sourceHash}))`);
    const limit = await getSetting(tx, notice.jurisdictionId, 'whitelist.objectionsPerIpPerHour');
    const [{ recent }] = await tx
      .select({ recent: sql<number>`count(*)::int` })
      .from(objections)
      .where(
        and(
          eq(objections.sourceHash, sourceHash),
          gte(objections.filedAt, new Date(now.getTime() - 3600_000)),
        ),
      );
    if (Number(recent) >= limit)
      throw new AppError('RATE_LIMITED', { detail: '提交过于频繁，请一小时后再试' });
    const content = input.content.trim();
    const contact = input.contact.trim();
    const [duplicate] = await tx
      .select({ id: objections.id })
      .from(objections)
      .where(
        and(
          eq(objections.applicationId, application.id),
          eq(objections.contact, contact),
          eq(objections.content, content),
        ),
      );
    if (duplicate) throw new AppError('WHITELIST_OBJECTION_DUPLICATE');
    const [row] = await tx
      .insert(objections)
      .values({
        jurisdictionId: notice.jurisdictionId,
        noticeId,
        applicationId: application.id,
        name: input.name.trim(),
        contact,
        content,
        evidence: input.evidence?.trim() ?? '',
        sourceHash,
        filedAt: now,
      })
      .returning({ id: objections.id, filedAt: objections.filedAt });
    await appendEvent(tx, {
      kind: noticeEvents.objectionFiled,
      jurisdictionId: notice.jurisdictionId,
      actor: publicActor,
      entityType: 'objection',
      entityId: row.id,
      at: now,
      after: { noticeId, applicationId: application.id },
    });
    return { id: row.id, filedAt: row.filedAt.toISOString() };
  });
}

/**
 * The bureau handles an objection: dismissed with reasons, or upheld — the application then goes back to formal
 * review (`reconsider`) or is rejected, and leaves the notice.
 */
export async function handleObjection(
  db: Db,
  actor: Actor,
  id: string,
  input: { decision: 'dismiss' | 'uphold'; outcome?: 'reconsider' | 'reject'; reason: string },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (!mayHandleObjections(actor)) throw new AppError('FORBIDDEN');
    const [objection] = await tx
      .select()
      .from(objections)
      .where(and(eq(objections.id, id), eq(objections.jurisdictionId, actor.jurisdictionId)))
      .for('update');
    if (!objection) throw new AppError('WHITELIST_OBJECTION_NOT_FOUND');
    if (objection.status !== 'open') throw new AppError('WHITELIST_OBJECTION_HANDLED');
    const reason = input.reason.trim();
    if (!reason) throw new AppError('WHITELIST_REASON_REQUIRED');
    const outcome = input.decision === 'uphold' ? (input.outcome ?? 'reconsider') : null;
    const now = new Date();
    await tx
      .update(objections)
      .set({
        status: input.decision === 'uphold' ? 'upheld' : 'dismissed',
        resolution: reason,
        handledBy: actor.userId,
        handledAt: now,
      })
      .where(eq(objections.id, id));
    if (outcome) {
      const [application] = await tx
        .select()
        .from(apps)
        .where(eq(apps.id, objection.applicationId))
        .for('update');
      // a second upheld objection about an application already taken off the notice changes nothing more
      if (application.status === 'public_notice') {
        await setApplicationStatus(tx, application, outcome === 'reject' ? 'rejected' : 'formal_review', {
          noticeId: null,
          reason,
          ...(outcome === 'reject' ? { decidedAt: now } : {}),
        });
        await appendEvent(tx, {
          kind: outcome === 'reject' ? applicationEvents.rejected : applicationEvents.reconsidered,
          jurisdictionId: application.jurisdictionId,
          actor: eventActor(actor),
          entityType: 'whitelist_application',
          entityId: application.id,
          at: now,
          before: { status: application.status },
          after: { enterpriseId: application.enterpriseId, note: `公示异议成立：${reason}` },
        });
      }
    }
    await appendEvent(tx, {
      kind: noticeEvents.objectionHandled,
      jurisdictionId: objection.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'objection',
      entityId: id,
      at: now,
      before: { status: objection.status },
      after: {
        noticeId: objection.noticeId,
        applicationId: objection.applicationId,
        decision: input.decision,
        outcome,
        reason,
      },
    });
  });
}
