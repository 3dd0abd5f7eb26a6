import { and, eq } from 'drizzle-orm';
import { addMonths } from '../../../../domain/confirmations.js';
import { addDays } from '../../../../domain/readiness.js';
import { nextStatus } from '../../../../domain/transitions.js';
import { entryTransitions, reviewTransitions } from '../../../../domain/whitelist.js';
import { annualReviews, whitelistEntries } from '../../../db/schema/whitelist.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { can } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { supersedeDocument } from '../../documents/commands/supersede-document.js';
import { plaqueTemplate } from '../../documents/index.js';
import { enterpriseFacts } from '../../registry/queries.js';
import { eligibilityOf } from '../eligibility-facts.js';
import { entryScope, loadEntry } from '../entry-queries.js';
import { entryEvents } from '../events.js';
import { entryPolicy, reviewPolicy } from '../policy.js';
import { openExitProposal } from './exits.js';
import { plaqueJurisdictionName } from './notices.js';
import { chinaDayEnd } from '../../../platform/documents/format.js';

/** Suspend while an accident or a major finding is investigated; reinstate when it is cleared. Bureau administrators. */
export async function suspendOrReinstate(
  db: Db,
  actor: Actor,
  id: string,
  action: 'suspend' | 'reinstate',
  reason: string,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const entry = await loadEntry(tx, actor, id, { forUpdate: true });
    if (!entry) throw new AppError('WHITELIST_ENTRY_NOT_FOUND');
    const to = nextStatus(entryTransitions, entry.status, action);
    if (!to) throw new AppError('WHITELIST_ENTRY_TRANSITION');
    if (!can(entryPolicy, actor, action, entry)) throw new AppError('FORBIDDEN');
    const note = reason.trim();
    if (!note) throw new AppError('WHITELIST_REASON_REQUIRED');
    const moved = await tx
      .update(whitelistEntries)
      .set({ status: to, suspendedReason: action === 'suspend' ? note : null, updatedAt: new Date() })
      .where(and(eq(whitelistEntries.id, id), eq(whitelistEntries.status, entry.status)))
      .returning({ id: whitelistEntries.id });
    if (moved.length === 0) throw new AppError('WHITELIST_ENTRY_TRANSITION');
    await appendEvent(tx, {
      kind: action === 'suspend' ? entryEvents.suspended : entryEvents.reinstated,
      jurisdictionId: entry.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'whitelist_entry',
      entityId: id,
      before: { status: entry.status },
      after: { enterpriseId: entry.enterpriseId, reason: note },
    });
  });
}

async function loadReview(tx: Db, actor: Actor, id: string) {
  const [row] = await tx
    .select({ review: annualReviews, entry: whitelistEntries })
    .from(annualReviews)
    .innerJoin(whitelistEntries, eq(whitelistEntries.id, annualReviews.entryId))
    .where(and(eq(annualReviews.id, id), entryScope(actor)))
    .for('update');
  if (!row) throw new AppError('WHITELIST_REVIEW_NOT_FOUND');
  return row;
}

/** The enterprise re-confirms for the annual review: its checklist is judged again and stored. */
export async function submitReview(db: Db, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { review, entry } = await loadReview(tx, actor, id);
    const to = nextStatus(reviewTransitions, review.status, 'submit');
    if (!to) throw new AppError('WHITELIST_REVIEW_TRANSITION');
    if (!can(reviewPolicy, actor, 'submit', review)) throw new AppError('FORBIDDEN');
    const facts = await enterpriseFacts(tx, entry.enterpriseId);
    if (!facts) throw new AppError('ENTERPRISE_NOT_FOUND');
    const result = await eligibilityOf(tx, facts);
    const eligibility = {
      judgedOn: result.judgedOn,
      eligible: result.eligible,
      conditions: result.conditions,
    };
    await tx
      .update(annualReviews)
      .set({ status: to, eligibility, submittedAt: new Date() })
      .where(eq(annualReviews.id, id));
    await appendEvent(tx, {
      kind: entryEvents.reviewSubmitted,
      jurisdictionId: review.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'annual_review',
      entityId: id,
      before: { status: review.status },
      after: { enterpriseId: review.enterpriseId, eligible: eligibility.eligible },
    });
  });
}

/**
 * The bureau decides a submitted review. Pass: validity runs on for another `whitelist.validityMonths` from the day
 * after the current end, and the plaque is re-issued (the old one superseded). Fail: an exit proposal opens.
 */
export async function decideReview(
  db: Db,
  actor: Actor,
  id: string,
  input: { decision: 'pass' | 'fail'; note: string },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { review, entry } = await loadReview(tx, actor, id);
    const to = nextStatus(reviewTransitions, review.status, input.decision);
    if (!to) throw new AppError('WHITELIST_REVIEW_TRANSITION');
    if (!can(reviewPolicy, actor, 'decide', review)) throw new AppError('FORBIDDEN');
    const note = input.note.trim();
    if (!note) throw new AppError('WHITELIST_REASON_REQUIRED');
    const now = new Date();
    await tx
      .update(annualReviews)
      .set({ status: to, note, decidedBy: actor.userId, decidedAt: now })
      .where(eq(annualReviews.id, id));
    await appendEvent(tx, {
      kind: entryEvents.reviewDecided,
      jurisdictionId: review.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'annual_review',
      entityId: id,
      before: { status: review.status },
      after: { enterpriseId: review.enterpriseId, decision: input.decision, note },
    });
    if (input.decision === 'fail') {
      await openExitProposal(tx, actor, entry, {
        reason: 'withdrawal_or_review',
        summary: `年度复核未通过：${note}`,
        sourceKind: 'whitelist.annual_review_decided',
        source: { entityType: 'annual_review', entityId: id },
      });
      return;
    }
    if (entry.status === 'exited') throw new AppError('WHITELIST_ENTRY_TRANSITION');
    const months = await getSetting(tx, entry.jurisdictionId, 'whitelist.validityMonths');
    const validTo = addDays(addMonths(addDays(entry.validTo, 1), months), -1);
    const plaque = await supersedeDocument(tx, actor, entry.plaqueDocumentId, {
      template: plaqueTemplate,
      data: {
        jurisdictionName: await plaqueJurisdictionName(tx, entry.jurisdictionId),
        enterpriseName: entry.enterpriseName,
        whitelistNumber: entry.number,
        validFrom: entry.validFrom,
        validTo,
      },
      validUntil: chinaDayEnd(validTo),
    });
    await tx
      .update(whitelistEntries)
      .set({
        validTo,
        plaqueDocumentId: plaque.id,
        plaqueNumber: plaque.number,
        plaqueVerifyUrl: plaque.verifyUrl,
        updatedAt: now,
      })
      .where(eq(whitelistEntries.id, entry.id));
    await appendEvent(tx, {
      kind: entryEvents.renewed,
      jurisdictionId: entry.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'whitelist_entry',
      entityId: entry.id,
      before: { validTo: entry.validTo },
      after: { enterpriseId: entry.enterpriseId, validTo, plaqueNumber: plaque.number },
    });
  });
}
