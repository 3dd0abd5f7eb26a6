import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { accidents, dishonestyListings, penalties } from '../../db/schema/records.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';

const scopeOf = (
  actor: Actor,
  t: { jurisdictionId: AnyPgColumn; subdistrictId: AnyPgColumn; enterpriseId: AnyPgColumn },
): SQL =>
  scopeWhere(actor, {
    jurisdiction: t.jurisdictionId,
    subdistrict: t.subdistrictId,
    enterprise: t.enterpriseId,
  });

/** An enterprise's adverse records as the actor may see them, newest first. */
export async function adverseRecords(db: Db, actor: Actor, enterpriseId: string) {
  const [a, p, d] = await Promise.all([
    db
      .select()
      .from(accidents)
      .where(and(eq(accidents.enterpriseId, enterpriseId), scopeOf(actor, accidents)))
      .orderBy(desc(accidents.occurredOn)),
    db
      .select()
      .from(penalties)
      .where(and(eq(penalties.enterpriseId, enterpriseId), scopeOf(actor, penalties)))
      .orderBy(desc(penalties.decidedOn)),
    db
      .select()
      .from(dishonestyListings)
      .where(and(eq(dishonestyListings.enterpriseId, enterpriseId), scopeOf(actor, dishonestyListings)))
      .orderBy(desc(dishonestyListings.fromDate)),
  ]);
  return {
    accidents: a.map(
      ({ id, occurredOn, grade, deaths, seriousInjuries, directLoss, description, source, sourceKind }) => ({
        id,
        occurredOn,
        grade,
        deaths,
        seriousInjuries,
        directLoss,
        description,
        source,
        sourceKind,
      }),
    ),
    penalties: p.map(
      ({
        id,
        authority,
        decisionNumber,
        decidedOn,
        violation,
        sanction,
        workSafety,
        source,
        sourceKind,
      }) => ({
        id,
        authority,
        decisionNumber,
        decidedOn,
        violation,
        sanction,
        workSafety,
        source,
        sourceKind,
      }),
    ),
    dishonesty: d.map(({ id, listedBy, fromDate, toDate, reason, source, sourceKind }) => ({
      id,
      listedBy,
      fromDate,
      toDate,
      reason,
      source,
      sourceKind,
    })),
  };
}

/** The facts eligibility reads (unscoped: the rule reads them for the enterprise being judged). */
export async function adverseFacts(db: Db, enterpriseId: string) {
  const [a, p, d] = await Promise.all([
    db.select().from(accidents).where(eq(accidents.enterpriseId, enterpriseId)),
    db.select().from(penalties).where(eq(penalties.enterpriseId, enterpriseId)),
    db.select().from(dishonestyListings).where(eq(dishonestyListings.enterpriseId, enterpriseId)),
  ]);
  return {
    accidents: a.map((x) => ({
      occurredOn: x.occurredOn,
      grade: x.grade,
      deaths: x.deaths,
      seriousInjuries: x.seriousInjuries,
    })),
    penalties: p.map((x) => ({ decidedOn: x.decidedOn, workSafety: x.workSafety })),
    dishonesty: d.map((x) => ({ from: x.fromDate, to: x.toDate })),
  };
}
