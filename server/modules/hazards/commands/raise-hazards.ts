import { randomUUID } from 'node:crypto';
import { addDays, chinaDate } from '../../../../domain/readiness.js';
import { hazards } from '../../../db/schema/hazards.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { hazardEvents } from '../events.js';

export interface HazardToRaise {
  /** set by a caller that names the hazards in its own event before raising them */
  id?: string;
  itemCode: string | null;
  title: string;
  description: string;
  severity: 'general' | 'major';
  majorReason: 'criterion' | 'assessor' | null;
}

export interface RaiseContext {
  jurisdictionId: string;
  enterpriseId: string;
  subdistrictId: string;
  assessmentId: string | null;
  standardVersionId: string | null;
  ownerName: string | null;
  guidingAgencyId: string | null;
}

/**
 * Raise hazards inside the caller's transaction (an assessment's completion). Each gets the jurisdiction's default
 * deadline for its severity; its reported time is the time of its `hazard.reported` event and never changes.
 */
export async function raiseHazards(
  tx: Db,
  actor: Actor | null,
  ctx: RaiseContext,
  items: readonly HazardToRaise[],
): Promise<string[]> {
  if (items.length === 0) return [];
  const days = await getSettings(tx, ctx.jurisdictionId, [
    'hazards.deadlineDays.general',
    'hazards.deadlineDays.major',
  ]);
  const reportedAt = new Date();
  const today = chinaDate(reportedAt);
  const ids: string[] = [];
  for (const item of items) {
    const id = item.id ?? randomUUID();
    const deadline = addDays(
      today,
      item.severity === 'major' ? days['hazards.deadlineDays.major'] : days['hazards.deadlineDays.general'],
    );
    await tx.insert(hazards).values({
      id,
      jurisdictionId: ctx.jurisdictionId,
      enterpriseId: ctx.enterpriseId,
      subdistrictId: ctx.subdistrictId,
      assessmentId: ctx.assessmentId,
      itemCode: item.itemCode,
      standardVersionId: ctx.standardVersionId,
      title: item.title,
      description: item.description,
      severity: item.severity,
      majorReason: item.majorReason,
      ownerName: ctx.ownerName,
      deadline,
      originalDeadline: deadline,
      guidingAgencyId: ctx.guidingAgencyId,
      reportedAt,
      reportedBy: actor?.userId ?? null,
    });
    await appendEvent(tx, {
      kind: hazardEvents.reported,
      jurisdictionId: ctx.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'hazard',
      entityId: id,
      at: reportedAt,
      after: {
        enterpriseId: ctx.enterpriseId,
        title: item.title,
        severity: item.severity,
        majorReason: item.majorReason,
        deadline,
        assessmentId: ctx.assessmentId,
        itemCode: item.itemCode,
      },
    });
    ids.push(id);
  }
  return ids;
}
