import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { assessmentAnswers, assessments } from '../../../db/schema/inspections.js';
import { eventActor, unitsWithRole, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { activeEngagement } from '../../agencies/index.js';
import { getEnterprise } from '../../registry/queries.js';
import { applicableStandard } from '../../standards/index.js';
import { inspectionEvents } from '../events.js';
import { answersOf, loadAssessment } from '../queries.js';

export interface StartInput {
  enterpriseId: string;
  kind: 'self' | 'agency_first';
  /** a completed assessment of the same enterprise whose answers are carried forward, each to review again */
  copyFromId?: string;
}

/** The agency of the actor that the enterprise engaged for a first inspection, if any. */
async function engagedAgencyFor(db: Db, actor: Actor, enterpriseId: string): Promise<string | undefined> {
  for (const agencyId of unitsWithRole(actor, 'agency_user')) {
    const engagement = await activeEngagement(db, enterpriseId, agencyId);
    if (engagement?.services.includes('first_inspection')) return agencyId;
  }
  return undefined;
}

/**
 * Start a self-inspection (the enterprise) or a first inspection (the engaged agency), pinned to the standard
 * version and applicability tags that apply now: later versions never change it.
 */
export async function startInspection(db: Db, actor: Actor, input: StartInput): Promise<string> {
  const enterprise = await getEnterprise(db, actor, input.enterpriseId);
  if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
  let agencyId: string | null = null;
  if (input.kind === 'self') {
    if (!unitsWithRole(actor, 'enterprise_user').includes(enterprise.id)) throw new AppError('FORBIDDEN');
  } else {
    agencyId = (await engagedAgencyFor(db, actor, enterprise.id)) ?? null;
    if (!agencyId) throw new AppError('INSPECTION_AGENCY_NOT_ENGAGED');
  }
  const standard = await applicableStandard(db, enterprise);
  if (!standard) throw new AppError('INSPECTION_NO_STANDARD');

  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`inspection:${enterprise.id}`}))`);
    const [open] = await tx
      .select({ id: assessments.id })
      .from(assessments)
      .where(
        and(
          eq(assessments.enterpriseId, enterprise.id),
          eq(assessments.kind, input.kind),
          eq(assessments.status, 'in_progress'),
        ),
      );
    if (open) throw new AppError('INSPECTION_IN_PROGRESS', { extra: { inspectionId: open.id } });

    const carried = new Map<string, Awaited<ReturnType<typeof answersOf>>[number]>();
    if (input.copyFromId) {
      const source = await loadAssessment(tx, actor, input.copyFromId);
      if (!source || source.enterpriseId !== enterprise.id || source.status !== 'completed')
        throw new AppError('INSPECTION_NOT_FOUND');
      for (const a of await answersOf(tx, source.id)) carried.set(a.itemCode, a);
    }

    const id = randomUUID();
    await tx.insert(assessments).values({
      id,
      jurisdictionId: enterprise.jurisdictionId,
      enterpriseId: enterprise.id,
      subdistrictId: enterprise.subdistrictId,
      kind: input.kind,
      agencyId,
      engagementId: null,
      standardId: standard.standardId,
      standardVersionId: standard.versionId,
      standardTitle: standard.title,
      versionNumber: standard.versionNumber,
      tags: standard.declaredTags,
      copiedFromId: input.copyFromId ?? null,
      startedBy: actor.userId,
    });
    if (standard.items.length > 0) {
      await tx.insert(assessmentAnswers).values(
        standard.items.map((item) => {
          const before = carried.get(item.code);
          return {
            assessmentId: id,
            itemCode: item.code,
            position: item.position,
            module: item.module,
            requirement: item.requirement,
            checkMethod: item.checkMethod,
            evidenceHint: item.evidence,
            isKey: item.isKey,
            majorHazard: item.majorHazard,
            ...(before?.result
              ? {
                  result: before.result,
                  toReview: true,
                  note: before.note,
                  naReason: before.naReason,
                  evidence: before.evidence,
                  markedMajor: before.markedMajor,
                }
              : {}),
          };
        }),
      );
    }
    await appendEvent(tx, {
      kind: inspectionEvents.started,
      jurisdictionId: enterprise.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'assessment',
      entityId: id,
      after: {
        enterpriseId: enterprise.id,
        kind: input.kind,
        agencyId,
        standardVersionId: standard.versionId,
        versionNumber: standard.versionNumber,
        tags: standard.declaredTags,
        items: standard.items.length,
        copiedFromId: input.copyFromId ?? null,
      },
    });
    return id;
  });
}
