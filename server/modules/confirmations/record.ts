import { and, eq, inArray, sql } from 'drizzle-orm';
import { confirmations, confirmationItems, confirmationSignatures } from '../../db/schema/confirmations.js';
import type { Db } from '../../platform/db/client.js';
import { engineersByIds } from '../agencies/index.js';
import { majorHazardsOnItems } from '../hazards/index.js';

/**
 * An agency's record: confirmations made, false ones, and later findings that contradict them (a major hazard
 * on a confirmed key item within the validity); and each engineer's signatures. Association complaints join
 * when the association register exists.
 */
export async function agencyRecord(db: Db, agencyId: string) {
  const rows = await db.select().from(confirmations).where(eq(confirmations.agencyId, agencyId));
  const effective = rows.filter(
    (r) => r.status === 'confirmed' || r.status === 'revoked' || r.status === 'not_confirmed',
  );
  let contradicting = 0;
  for (const c of rows.filter(
    (r) => (r.status === 'confirmed' || r.status === 'revoked') && r.concludedAt && r.validUntil,
  )) {
    const items = await db
      .select({ code: confirmationItems.itemCode })
      .from(confirmationItems)
      .where(and(eq(confirmationItems.confirmationId, c.id), eq(confirmationItems.result, 'compliant')));
    contradicting += await majorHazardsOnItems(
      db,
      c.enterpriseId,
      items.map((i) => i.code),
      c.concludedAt!,
      new Date(`${c.validUntil}T23:59:59+08:00`),
    );
  }
  const ids = effective.map((r) => r.id);
  const signatures = ids.length
    ? await db
        .select({
          engineerId: confirmationSignatures.engineerId,
          n: sql<number>`count(*)::int`,
          falseOnes: sql<number>`count(*) filter (where ${confirmations.falseConfirmation})::int`,
        })
        .from(confirmationSignatures)
        .innerJoin(confirmations, eq(confirmations.id, confirmationSignatures.confirmationId))
        .where(inArray(confirmationSignatures.confirmationId, ids))
        .groupBy(confirmationSignatures.engineerId)
    : [];
  const names = new Map(
    (
      await engineersByIds(
        db,
        signatures.map((s) => s.engineerId),
      )
    ).map((e) => [e.id, e.name]),
  );
  return {
    agencyId,
    confirmed: rows.filter(
      (r) => r.conclusion === 'confirmed' && (r.status === 'confirmed' || r.status === 'revoked'),
    ).length,
    notConfirmed: rows.filter((r) => r.status === 'not_confirmed').length,
    falseConfirmations: rows.filter((r) => r.falseConfirmation).length,
    contradictingFindings: contradicting,
    engineers: signatures.map((s) => ({
      engineerId: s.engineerId,
      name: names.get(s.engineerId) ?? '',
      signed: s.n,
      falseConfirmations: s.falseOnes,
    })),
  };
}
