import { and, eq, inArray } from 'drizzle-orm';
import { addMonths } from '../../../../domain/confirmations.js';
import { chinaDate } from '../../../../domain/readiness.js';
import { nextStatus } from '../../../../domain/transitions.js';
import {
  entryTransitions,
  exitReasonLabels,
  exitReasons,
  exitTransitions,
  measureLabels,
  measuresForExit,
  type ExitReason,
} from '../../../../domain/whitelist.js';
import { measures, whitelistEntries, whitelistExits } from '../../../db/schema/whitelist.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { can } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { issueDocument } from '../../documents/commands/issue-document.js';
import { revokeDocument } from '../../documents/commands/revoke-document.js';
import { notify } from '../../notifications/index.js';
import { units } from '../../../db/schema/reference.js';
import { entryEvents } from '../events.js';
import { entryPolicy, exitPolicy } from '../policy.js';
import { exitScope, loadEntry, type EntryRow } from '../entry-queries.js';
import { exitDecisionTemplate } from '../templates/exit-decision.js';

export interface ProposalInput {
  reason: ExitReason;
  summary: string;
  evidence?: string[];
  /** what opened it: an event kind (system) or 'manual' / 'enterprise_request' */
  sourceKind: string;
  source?: { entityType: string; entityId: string };
}

/**
 * Open an exit proposal on an entry, inside the caller's transaction. An event opens at most one proposal per entry
 * (a repeated event is ignored); the bureau is told.
 */
export async function openExitProposal(
  tx: Db,
  actor: Actor | null,
  entry: EntryRow,
  input: ProposalInput,
  at = new Date(),
): Promise<string | null> {
  if (!exitReasons.includes(input.reason)) throw new AppError('WHITELIST_EXIT_REASON_INVALID');
  const summary = input.summary.trim();
  if (!summary) throw new AppError('WHITELIST_REASON_REQUIRED');
  const [row] = await tx
    .insert(whitelistExits)
    .values({
      jurisdictionId: entry.jurisdictionId,
      entryId: entry.id,
      enterpriseId: entry.enterpriseId,
      subdistrictId: entry.subdistrictId,
      reason: input.reason,
      sourceKind: input.sourceKind,
      sourceEntityType: input.source?.entityType ?? null,
      sourceEntityId: input.source?.entityId ?? null,
      summary,
      evidence: input.evidence ?? [],
      proposedBy: actor?.userId ?? null,
      proposedAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: whitelistExits.id });
  if (!row) return null;
  await appendEvent(tx, {
    kind: entryEvents.exitProposed,
    jurisdictionId: entry.jurisdictionId,
    actor: eventActor(actor),
    entityType: 'whitelist_exit',
    entityId: row.id,
    at,
    after: {
      enterpriseId: entry.enterpriseId,
      entryId: entry.id,
      reason: input.reason,
      sourceKind: input.sourceKind,
      summary,
    },
  });
  const [bureau] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.jurisdictionId, entry.jurisdictionId), eq(units.isBureau, true)));
  if (bureau) {
    await notify(tx, {
      jurisdictionId: entry.jurisdictionId,
      unitKind: 'department',
      unitId: bureau.id,
      kind: 'whitelist.exit_proposed',
      title: `退出事项待决定：${entry.enterpriseName}`,
      body: `${exitReasonLabels[input.reason]}。${summary}`.slice(0, 2000),
      link: `/whitelist/exits/${row.id}`,
      entityType: 'whitelist_exit',
      entityId: row.id,
      at,
    });
  }
  return row.id;
}

/** The bureau proposes an exit by hand; the enterprise asks to leave (voluntary withdrawal). */
export async function proposeExit(
  db: Db,
  actor: Actor,
  entryId: string,
  input: { reason: ExitReason; summary: string; evidence?: string[] },
  as: 'bureau' | 'enterprise',
): Promise<string> {
  return inTransaction(db, async (tx) => {
    const entry = await loadEntry(tx, actor, entryId, { forUpdate: true });
    if (!entry) throw new AppError('WHITELIST_ENTRY_NOT_FOUND');
    if (entry.status === 'exited') throw new AppError('WHITELIST_ENTRY_TRANSITION');
    if (!can(entryPolicy, actor, as === 'bureau' ? 'propose_exit' : 'withdraw', entry))
      throw new AppError('FORBIDDEN');
    const id = await openExitProposal(tx, actor, entry, {
      ...input,
      reason: as === 'enterprise' ? 'withdrawal_or_review' : input.reason,
      sourceKind: as === 'enterprise' ? 'enterprise_request' : 'manual',
      // the enterprise's request is one open proposal at a time
      ...(as === 'enterprise' ? { source: { entityType: 'whitelist_entry', entityId: entry.id } } : {}),
    });
    if (!id) throw new AppError('WHITELIST_EXIT_TRANSITION');
    return id;
  });
}

/**
 * The bureau decides a proposal. `exit`: the entry leaves the list at once, its plaque is revoked (the verification
 * page says so), the 退出决定书 is issued, the measures start and the enterprise is told. `dismiss`: nothing changes
 * but the record. Other open proposals of an exited entry are dismissed with it.
 */
export async function decideExit(
  db: Db,
  actor: Actor,
  id: string,
  input: { decision: 'exit' | 'dismiss'; note: string },
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [proposal] = await tx
      .select()
      .from(whitelistExits)
      .where(and(eq(whitelistExits.id, id), exitScope(actor)))
      .for('update');
    if (!proposal) throw new AppError('WHITELIST_EXIT_NOT_FOUND');
    const to = nextStatus(exitTransitions, proposal.status, input.decision === 'exit' ? 'decide' : 'dismiss');
    if (!to) throw new AppError('WHITELIST_EXIT_TRANSITION');
    if (!can(exitPolicy, actor, 'decide', proposal)) throw new AppError('FORBIDDEN');
    const note = input.note.trim();
    if (!note) throw new AppError('WHITELIST_REASON_REQUIRED');
    const [entry] = await tx
      .select()
      .from(whitelistEntries)
      .where(eq(whitelistEntries.id, proposal.entryId))
      .for('update');
    if (input.decision === 'dismiss') {
      await tx
        .update(whitelistExits)
        .set({ status: 'dismissed', decisionNote: note, decidedBy: actor.userId, decidedAt: now })
        .where(eq(whitelistExits.id, id));
      await appendEvent(tx, {
        kind: entryEvents.exitDismissed,
        jurisdictionId: proposal.jurisdictionId,
        actor: eventActor(actor),
        entityType: 'whitelist_exit',
        entityId: id,
        at: now,
        before: { status: proposal.status },
        after: { enterpriseId: proposal.enterpriseId, entryId: proposal.entryId, note },
      });
      return;
    }
    if (!nextStatus(entryTransitions, entry.status, 'exit')) throw new AppError('WHITELIST_ENTRY_TRANSITION');
    const today = chinaDate(now);
    const s = await getSettings(tx, proposal.jurisdictionId, ['exit.reentryBanYears', 'exit.measureMonths']);
    const planned = measuresForExit(
      proposal.reason as ExitReason,
      today,
      { reentryBanYears: s['exit.reentryBanYears'], measureMonths: s['exit.measureMonths'] },
      addMonths,
    );
    const reasonLabel = exitReasonLabels[proposal.reason as ExitReason];
    const doc = await issueDocument(tx, actor, {
      template: exitDecisionTemplate,
      holder: { type: 'enterprise', id: entry.enterpriseId, name: entry.enterpriseName },
      subject: { type: 'whitelist_exit', id },
      data: {
        enterpriseName: entry.enterpriseName,
        uscc: entry.uscc,
        whitelistNumber: entry.number,
        reasonLabel,
        summary: proposal.summary,
        decidedOn: today,
        measures: planned.map((m) => ({
          label: measureLabels[m.kind],
          startsOn: m.startsOn,
          endsOn: m.endsOn,
        })),
      },
      subdistrictId: entry.subdistrictId,
      issuedAt: now,
    });
    await tx
      .update(whitelistExits)
      .set({
        status: 'decided',
        decisionNote: note,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionDocumentId: doc.id,
        decisionNumber: doc.number,
        decisionVerifyUrl: doc.verifyUrl,
      })
      .where(eq(whitelistExits.id, id));
    await tx
      .update(whitelistExits)
      .set({
        status: 'dismissed',
        decisionNote: `已因 ${doc.number} 退出`,
        decidedBy: actor.userId,
        decidedAt: now,
      })
      .where(and(eq(whitelistExits.entryId, entry.id), inArray(whitelistExits.status, ['proposed'])));
    await tx
      .update(whitelistEntries)
      .set({ status: 'exited', exitedOn: today, updatedAt: now })
      .where(and(eq(whitelistEntries.id, entry.id), eq(whitelistEntries.status, entry.status)));
    await revokeDocument(tx, actor, entry.plaqueDocumentId, `退出白名单（${doc.number}）`);
    await tx.insert(measures).values(
      planned.map((m) => ({
        jurisdictionId: proposal.jurisdictionId,
        enterpriseId: entry.enterpriseId,
        exitId: id,
        kind: m.kind,
        startsOn: m.startsOn,
        endsOn: m.endsOn,
        note: reasonLabel,
        createdAt: now,
      })),
    );
    await appendEvent(tx, {
      kind: entryEvents.exitDecided,
      jurisdictionId: proposal.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'whitelist_exit',
      entityId: id,
      at: now,
      before: { status: proposal.status, entryStatus: entry.status },
      after: {
        enterpriseId: entry.enterpriseId,
        entryId: entry.id,
        reason: proposal.reason,
        documentNumber: doc.number,
        measures: planned.map((m) => ({ ...m })),
      },
    });
    await notify(tx, {
      jurisdictionId: proposal.jurisdictionId,
      unitKind: 'enterprise',
      unitId: entry.enterpriseId,
      kind: 'whitelist.exited',
      title: `已被移出安全生产合规白名单（${doc.number}）`,
      body: `${reasonLabel}。${note}`,
      link: `/whitelist/entries/${entry.id}`,
      entityType: 'whitelist_entry',
      entityId: entry.id,
      at: now,
    });
  });
}
