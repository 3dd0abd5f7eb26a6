import { and, eq } from 'drizzle-orm';
import { assessmentAnswers, assessments } from '../../../db/schema/inspections.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { can } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { activeEngagement } from '../../agencies/index.js';
import { linkedHashes } from '../../documents/index.js';
import { inspectionEvents } from '../events.js';
import { assessmentPolicy } from '../policy.js';
import { loadAssessment, type AssessmentRow } from '../queries.js';

export interface AnswerInput {
  result: 'compliant' | 'non_compliant' | 'not_applicable' | null;
  note?: string;
  naReason?: string | null;
  evidence?: string[];
  markedMajor?: boolean;
}

/** Load an assessment for a change by its assessor: in progress, and (for an agency) still engaged. */
export async function loadForAssessor(
  tx: Db,
  actor: Actor,
  id: string,
  action: 'answer' | 'complete',
): Promise<AssessmentRow> {
  const row = await loadAssessment(tx, actor, id, { forUpdate: true });
  if (!row) throw new AppError('INSPECTION_NOT_FOUND');
  if (row.status === 'completed') throw new AppError('INSPECTION_COMPLETED');
  if (!can(assessmentPolicy, actor, action, row)) throw new AppError('FORBIDDEN');
  if (
    row.kind === 'agency_first' &&
    !(row.agencyId && (await activeEngagement(tx, row.enterpriseId, row.agencyId)))
  ) {
    throw new AppError('INSPECTION_AGENCY_NOT_ENGAGED');
  }
  return row;
}

/** Evidence must have been uploaded to this assessment (or to the one it was copied from). */
export async function assertEvidenceAttached(
  tx: Db,
  row: AssessmentRow,
  evidence: readonly string[],
  field: string,
): Promise<void> {
  if (evidence.length === 0) return;
  const found = await linkedHashes(tx, 'assessment', row.id, evidence);
  if (row.copiedFromId)
    for (const h of await linkedHashes(tx, 'assessment', row.copiedFromId, evidence)) found.add(h);
  const missing = evidence.filter((h) => !found.has(h));
  if (missing.length > 0) {
    throw new AppError('EVIDENCE_NOT_ATTACHED', {
      fieldErrors: missing.map((h) => ({
        field,
        code: 'EVIDENCE_NOT_ATTACHED',
        message: `文件 ${h.slice(0, 8)}… 未上传到本次自查`,
      })),
    });
  }
}

/** Save one item's answer; any number of times while the assessment is in progress (part-way from a phone). */
export async function answerItem(
  db: Db,
  actor: Actor,
  id: string,
  itemCode: string,
  input: AnswerInput,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await loadForAssessor(tx, actor, id, 'answer');
    const [answer] = await tx
      .select()
      .from(assessmentAnswers)
      .where(and(eq(assessmentAnswers.assessmentId, id), eq(assessmentAnswers.itemCode, itemCode)));
    if (!answer) throw new AppError('INSPECTION_ITEM_NOT_FOUND');
    const evidence = [...new Set(input.evidence ?? answer.evidence)];
    await assertEvidenceAttached(tx, row, evidence, 'body/evidence');
    const naReason =
      input.result === 'not_applicable' ? (input.naReason?.trim() ?? answer.naReason) || null : null;
    if (input.result === 'not_applicable' && !naReason) {
      throw new AppError('INSPECTION_NA_WITHOUT_REASON', {
        fieldErrors: [
          { field: 'body/naReason', code: 'INSPECTION_NA_WITHOUT_REASON', message: '请说明不适用的理由' },
        ],
      });
    }
    const now = new Date();
    const markedMajor = input.result === 'non_compliant' ? (input.markedMajor ?? answer.markedMajor) : false;
    await tx
      .update(assessmentAnswers)
      .set({
        result: input.result,
        toReview: false,
        note: input.note?.trim() ?? answer.note,
        naReason,
        evidence,
        markedMajor,
        answeredBy: actor.userId,
        answeredAt: now,
      })
      .where(and(eq(assessmentAnswers.assessmentId, id), eq(assessmentAnswers.itemCode, itemCode)));
    await tx.update(assessments).set({ updatedAt: now }).where(eq(assessments.id, id));
    await appendEvent(tx, {
      kind: inspectionEvents.answered,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'assessment',
      entityId: id,
      at: now,
      before: { result: answer.result, toReview: answer.toReview },
      after: {
        enterpriseId: row.enterpriseId,
        itemCode,
        result: input.result,
        evidence: evidence.length,
        markedMajor,
      },
    });
  });
}
