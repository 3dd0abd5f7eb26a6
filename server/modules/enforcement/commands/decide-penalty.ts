import { and, eq } from 'drizzle-orm';
import { decisionTransitions, type PenaltyOutcome } from '../../../../domain/enforcement.js';
import { nextStatus } from '../../../../domain/transitions.js';
import { violations } from '../../../db/schema/enforcement.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { authorize } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { enforcementEvents } from '../events.js';
import { leniencyOf } from '../leniency.js';
import { violationPolicy } from '../policy.js';
import { violationScope } from '../queries.js';

export interface DecisionInput {
  outcome: PenaltyOutcome;
  /** the provision applied; required for any outcome but an ordinary penalty */
  article?: string;
  reason: string;
  /** 行政处罚决定书 number, when a penalty is imposed */
  decisionNumber?: string;
}

/**
 * The officer decides the penalty of a violation. The system's suggestion and the facts it rested on are recorded
 * with the decision, so a departure from the suggestion is visible (and must be reasoned). Once only.
 */
export async function decidePenalty(
  db: Db,
  actor: Actor,
  id: string,
  input: DecisionInput,
  now = new Date(),
) {
  if (input.outcome !== 'ordinary' && !input.article?.trim())
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [
        { field: 'body/article', code: 'required', message: '从轻、减轻或不予处罚须写明适用的法律条款' },
      ],
    });
  await inTransaction(db, async (tx) => {
    const [v] = await tx
      .select()
      .from(violations)
      .where(and(eq(violations.id, id), violationScope(actor)))
      .for('update');
    if (!v) throw new AppError('VIOLATION_NOT_FOUND');
    const to = nextStatus(decisionTransitions, v.decisionStatus, 'decide');
    if (!to) throw new AppError('VIOLATION_TRANSITION');
    authorize(violationPolicy, actor, 'decide', v);
    const { facts, suggestion } = await leniencyOf(tx, actor, v);
    const decision = {
      outcome: input.outcome,
      article: input.article?.trim() || null,
      reason: input.reason.trim(),
      decisionNumber: input.decisionNumber?.trim() || null,
      followsSuggestion: input.outcome === suggestion.outcome,
      suggestion,
      facts,
    };
    const moved = await tx
      .update(violations)
      .set({ decisionStatus: to, decision, decidedBy: actor.userId, decidedAt: now })
      .where(and(eq(violations.id, id), eq(violations.decisionStatus, v.decisionStatus)))
      .returning({ id: violations.id });
    if (moved.length === 0) throw new AppError('VIOLATION_TRANSITION');
    await appendEvent(tx, {
      kind: enforcementEvents.penaltyDecided,
      jurisdictionId: v.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'violation',
      entityId: id,
      at: now,
      after: {
        enterpriseId: v.enterpriseId,
        outcome: decision.outcome,
        article: decision.article,
        suggested: suggestion.outcome,
        followsSuggestion: decision.followsSuggestion,
      },
    });
  });
}
