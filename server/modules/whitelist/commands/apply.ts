import { and, eq, inArray } from 'drizzle-orm';
import { nextStatus } from '../../../../domain/transitions.js';
import { applicationTransitions } from '../../../../domain/whitelist.js';
import { whitelistApplications as apps, whitelistEntries } from '../../../db/schema/whitelist.js';
import { eventActor, unitsWithRole, type Actor } from '../../../platform/access/actor.js';
import { can } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getEnterprise, type enterpriseFacts } from '../../registry/queries.js';
import { eligibilityOf } from '../eligibility-facts.js';
import { reentryBanUntil } from '../entry-queries.js';
import { applicationEvents } from '../events.js';
import { applicationPolicy } from '../policy.js';
import { loadApplication } from '../queries.js';
import { setApplicationStatus } from './move-application.js';

type Enterprise = Omit<NonNullable<Awaited<ReturnType<typeof enterpriseFacts>>>, 'operatingStatus'>;

/**
 * The gate every application passes, at creation and again at submission: not listed already, not inside a
 * re-entry ban, and every entry condition met. Returns the snapshot to store.
 */
async function judge(tx: Db, enterprise: Enterprise) {
  const [listed] = await tx
    .select({ id: whitelistEntries.id })
    .from(whitelistEntries)
    .where(
      and(
        eq(whitelistEntries.enterpriseId, enterprise.id),
        inArray(whitelistEntries.status, ['active', 'suspended']),
      ),
    );
  if (listed) throw new AppError('WHITELIST_ALREADY_LISTED');
  const ban = await reentryBanUntil(tx, enterprise.id);
  if (ban) {
    throw new AppError('WHITELIST_REENTRY_BAN', {
      detail: `该企业退出白名单后 ${ban} 前不得重新申请`,
      extra: { until: ban },
    });
  }
  const result = await eligibilityOf(tx, enterprise);
  if (!result.eligible) {
    const failed = result.conditions.filter((c) => !c.pass);
    throw new AppError('WHITELIST_NOT_ELIGIBLE', {
      detail: `暂不符合白名单入库条件：${failed.map((c) => c.label).join('；')}`,
      extra: { failed: failed.map((c) => c.key) },
      fieldErrors: failed.map((c) => ({ field: c.key, code: 'WHITELIST_NOT_ELIGIBLE', message: c.reason })),
    });
  }
  return { judgedOn: result.judgedOn, eligible: result.eligible, conditions: result.conditions };
}

async function enterpriseFor(tx: Db, actor: Actor, enterpriseId: string): Promise<Enterprise> {
  const visible = await getEnterprise(tx, actor, enterpriseId);
  if (!visible) throw new AppError('ENTERPRISE_NOT_FOUND');
  if (!unitsWithRole(actor, 'enterprise_user').includes(enterpriseId)) throw new AppError('FORBIDDEN');
  return {
    id: visible.id,
    jurisdictionId: visible.jurisdictionId,
    subdistrictId: visible.subdistrictId,
    industryCode: visible.industryCode,
    name: visible.name,
    uscc: visible.uscc,
    hostEnterpriseId: visible.hostEnterpriseId ?? null,
  };
}

/** The enterprise starts an application (a draft holding the checklist it was judged on). */
export async function createApplication(db: Db, actor: Actor, enterpriseId: string): Promise<string> {
  return inTransaction(db, async (tx) => {
    const enterprise = await enterpriseFor(tx, actor, enterpriseId);
    const [openOne] = await tx
      .select({ id: apps.id })
      .from(apps)
      .where(
        and(
          eq(apps.enterpriseId, enterpriseId),
          inArray(apps.status, [
            'draft',
            'returned',
            'submitted',
            'collected',
            'formal_review',
            'opinions',
            'public_notice',
          ]),
        ),
      );
    if (openOne) throw new AppError('WHITELIST_APPLICATION_OPEN', { extra: { applicationId: openOne.id } });
    const eligibility = await judge(tx, enterprise);
    const [row] = await tx
      .insert(apps)
      .values({
        jurisdictionId: enterprise.jurisdictionId,
        enterpriseId,
        subdistrictId: enterprise.subdistrictId,
        enterpriseName: enterprise.name,
        uscc: enterprise.uscc,
        industryCode: enterprise.industryCode,
        eligibility,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: apps.id });
    // a concurrent create won the one-open-application index
    if (!row) throw new AppError('WHITELIST_APPLICATION_OPEN');
    await appendEvent(tx, {
      kind: applicationEvents.created,
      jurisdictionId: enterprise.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'whitelist_application',
      entityId: row.id,
      after: { enterpriseId, eligible: eligibility.eligible },
    });
    return row.id;
  });
}

/** The enterprise submits (or resubmits after a return): judged again, the new snapshot stored. */
export async function submitApplication(db: Db, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await loadApplication(tx, actor, id, { forUpdate: true });
    if (!row) throw new AppError('WHITELIST_APPLICATION_NOT_FOUND');
    const to = nextStatus(applicationTransitions, row.status, 'submit');
    if (!to) throw new AppError('WHITELIST_TRANSITION');
    if (!can(applicationPolicy, actor, 'submit', row)) throw new AppError('FORBIDDEN');
    const enterprise = await enterpriseFor(tx, actor, row.enterpriseId);
    const eligibility = await judge(tx, enterprise);
    await setApplicationStatus(tx, row, to, { eligibility, submittedAt: new Date(), reason: null });
    await appendEvent(tx, {
      kind: applicationEvents.submitted,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'whitelist_application',
      entityId: id,
      before: { status: row.status },
      after: { enterpriseId: row.enterpriseId, judgedOn: eligibility.judgedOn },
    });
  });
}
