import { and, eq, lt, sql } from 'drizzle-orm';
import {
  suggestLeniency,
  type Harm,
  type LeniencyFacts,
  type LeniencyList,
} from '../../../domain/enforcement.js';
import { chinaDate } from '../../../domain/readiness.js';
import { enforcementInspections, violations, violationTypes } from '../../db/schema/enforcement.js';
import { events } from '../../db/schema/platform.js';
import { unitsWithRole, type Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/client.js';
import { loadHazard } from '../hazards/queries.js';
import { actorOfUser } from '../identity/queries.js';

type ViolationRow = typeof violations.$inferSelect;

/** The enterprise's own hazard report behind a violation: when it was made, and the audit event that proves it. */
export interface SelfReport {
  hazardId: string;
  title: string;
  status: string;
  reportedAt: string;
  byEnterprise: boolean;
  event: { id: string; seq: number; hash: string } | null;
}

/**
 * The facts of arts. 32/33 for one violation, read from the records rather than asked of the officer (except the
 * harm, stated at the inspection): whether it is the enterprise's first violation of the type, whether the enterprise
 * reported the matching hazard before the inspection day (the hazard's `reportedAt` is set from its audit event, whose
 * hash is shown) and was already rectifying it, and whether the violation was confirmed rectified by its deadline.
 */
export async function leniencyOf(db: Db, actor: Actor, v: ViolationRow) {
  const [type] = await db.select().from(violationTypes).where(eq(violationTypes.id, v.violationTypeId));
  const [inspection] = await db
    .select()
    .from(enforcementInspections)
    .where(eq(enforcementInspections.id, v.inspectionId));
  const [{ earlier }] = await db
    .select({ earlier: sql<number>`count(*)::int` })
    .from(violations)
    .where(
      and(
        eq(violations.enterpriseId, v.enterpriseId),
        eq(violations.violationTypeId, v.violationTypeId),
        lt(violations.foundOn, v.foundOn),
      ),
    );
  let selfReport: SelfReport | null = null;
  if (v.selfReportedHazardId) {
    const hazard = await loadHazard(db, actor, v.selfReportedHazardId);
    if (hazard) {
      const reporter = hazard.reportedBy ? await actorOfUser(db, hazard.reportedBy) : undefined;
      const [event] = await db
        .select({ id: events.id, seq: events.seq, hash: events.hash })
        .from(events)
        .where(
          and(
            eq(events.entityType, 'hazard'),
            eq(events.entityId, hazard.id),
            eq(events.kind, 'hazard.reported'),
          ),
        );
      selfReport = {
        hazardId: hazard.id,
        title: hazard.title,
        status: hazard.status,
        reportedAt: hazard.reportedAt.toISOString(),
        byEnterprise: reporter ? unitsWithRole(reporter, 'enterprise_user').includes(v.enterpriseId) : false,
        event: event ?? null,
      };
    }
  }
  const inspectionDayStart = new Date(`${v.foundOn}T00:00:00+08:00`);
  const facts: LeniencyFacts = {
    firstViolation: Number(earlier) === 0,
    selfReportedBefore:
      selfReport !== null && selfReport.byEnterprise && new Date(selfReport.reportedAt) < inspectionDayStart,
    rectificationStarted: selfReport !== null && selfReport.status !== 'open',
    correctedInTime:
      v.status === 'rectified' &&
      v.rectifiedAt !== null &&
      inspection.rectifyBy !== null &&
      chinaDate(v.rectifiedAt) <= inspection.rectifyBy,
    harm: v.harm as Harm,
    list: (type.leniencyList ?? null) as LeniencyList | null,
  };
  return {
    facts,
    selfReport,
    suggestion: suggestLeniency(facts),
    penaltyBasis: type.penaltyBasis,
    penaltyRange: type.penaltyRange,
  };
}
