import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { completionProblems, hazardSeverity } from '../../../../domain/readiness.js';
import { assessments } from '../../../db/schema/inspections.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { guidingAgencyOf } from '../../agencies/index.js';
import { raiseHazards } from '../../hazards/commands/raise-hazards.js';
import { getEnterprise } from '../../registry/queries.js';
import { inspectionEvents } from '../events.js';
import { answersOf } from '../queries.js';
import { loadForAssessor } from './answer-item.js';

const problemMessages = {
  INSPECTION_ITEM_UNANSWERED: '未作答或待复核',
  INSPECTION_KEY_ITEM_NO_EVIDENCE: '重点审查项判定符合，须上传证据',
  INSPECTION_NA_WITHOUT_REASON: '不适用须说明理由',
} as const;

/**
 * Complete an assessment: every item answered (none left to review), evidence on key items judged compliant.
 * Every non-compliant item becomes a hazard in the same transaction.
 */
export async function completeInspection(db: Db, actor: Actor, id: string): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    const row = await loadForAssessor(tx, actor, id, 'complete');
    const answers = await answersOf(tx, id);
    const keyItemEvidenceRequired = await getSetting(
      tx,
      row.jurisdictionId,
      'inspections.keyItemEvidenceRequired',
    );
    const problems = completionProblems(answers, { keyItemEvidenceRequired });
    if (problems.length > 0) {
      throw new AppError(problems[0].problem, {
        detail: `有 ${problems.length} 个条目不满足完成条件：${problems
          .slice(0, 10)
          .map((p) => p.itemCode)
          .join('、')}${problems.length > 10 ? ' 等' : ''}`,
        fieldErrors: problems.map((p) => ({
          field: `answers/${p.itemCode}`,
          code: p.problem,
          message: problemMessages[p.problem],
        })),
      });
    }
    const now = new Date();
    const updated = await tx
      .update(assessments)
      .set({ status: 'completed', completedAt: now, completedBy: actor.userId, updatedAt: now })
      .where(and(eq(assessments.id, id), eq(assessments.status, 'in_progress')))
      .returning({ id: assessments.id });
    if (updated.length === 0) throw new AppError('CONFLICT_STATE');

    // the completion is logged before the hazards it raises, naming them by the ids they will get
    const toRaise = answers
      .filter((a) => a.result === 'non_compliant')
      .map((a) => ({
        id: randomUUID(),
        itemCode: a.itemCode,
        title: `${a.itemCode} ${a.requirement}`.slice(0, 300),
        description: a.note,
        ...hazardSeverity(a),
      }));
    const count = (r: string) => answers.filter((a) => a.result === r).length;
    await appendEvent(tx, {
      kind: inspectionEvents.completed,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'assessment',
      entityId: id,
      at: now,
      before: { status: 'in_progress' },
      after: {
        enterpriseId: row.enterpriseId,
        compliant: count('compliant'),
        nonCompliant: count('non_compliant'),
        notApplicable: count('not_applicable'),
        hazardIds: toRaise.map((h) => h.id),
      },
    });
    const enterprise = await getEnterprise(tx, actor, row.enterpriseId);
    const guidingAgencyId = await guidingAgencyOf(tx, row.enterpriseId);
    const hazardIds = await raiseHazards(
      tx,
      actor,
      {
        jurisdictionId: row.jurisdictionId,
        enterpriseId: row.enterpriseId,
        subdistrictId: row.subdistrictId,
        assessmentId: row.id,
        standardVersionId: row.standardVersionId,
        ownerName: enterprise?.safetyManagerName ?? enterprise?.contactName ?? null,
        guidingAgencyId,
      },
      toRaise,
    );
    return hazardIds;
  });
}
