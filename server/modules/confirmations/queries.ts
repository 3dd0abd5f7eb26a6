import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../../domain/readiness.js';
import { confirmationItems, confirmations, confirmationSignatures } from '../../db/schema/confirmations.js';
import type { Actor } from '../../platform/access/actor.js';
import { abilities } from '../../platform/access/policy.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { engineersByIds, getAgency } from '../agencies/index.js';
import { enterpriseFacts, enterpriseNames } from '../registry/queries.js';
import { applicableStandard } from '../standards/index.js';
import { keyItemsHash } from './key-items.js';
import { confirmationPolicy } from './policy.js';

export type ConfirmationRow = typeof confirmations.$inferSelect;

/** An agency sees the confirmations it was asked for; the rest as usual. */
export function confirmationScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: confirmations.jurisdictionId,
    subdistrict: confirmations.subdistrictId,
    enterprise: confirmations.enterpriseId,
    agency: (agencyId) => eq(confirmations.agencyId, agencyId),
  });
}

export async function loadConfirmation(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(confirmations)
    .where(and(eq(confirmations.id, id), confirmationScope(actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/**
 * Whether a confirmation is in force today: confirmed, not revoked, within its validity, and the key items of the
 * standard that applies to the enterprise now are the ones it checked. Entry conditions ask this.
 */
export async function validConfirmation(
  db: Db,
  enterpriseId: string,
  today = chinaDate(new Date()),
): Promise<ConfirmationRow | undefined> {
  const rows = await db
    .select()
    .from(confirmations)
    .where(
      and(
        eq(confirmations.enterpriseId, enterpriseId),
        eq(confirmations.status, 'confirmed'),
        sql`${confirmations.validUntil} >= ${today}`,
      ),
    )
    .orderBy(desc(confirmations.concludedAt));
  if (rows.length === 0) return undefined;
  const current = await currentKeyItemsHash(db, enterpriseId);
  return rows.find((r) => r.keyItemsHash === current);
}

async function currentKeyItemsHash(db: Db, enterpriseId: string): Promise<string | null> {
  const enterprise = await enterpriseFacts(db, enterpriseId);
  if (!enterprise) return null;
  const standard = await applicableStandard(db, enterprise);
  return standard ? keyItemsHash(standard.items) : null;
}

export type ConfirmationState = 'in_force' | 'expired' | 'lapsed' | null;

export async function confirmationDetail(db: Db, actor: Actor, id: string) {
  const row = await loadConfirmation(db, actor, id);
  if (!row) return undefined;
  const items = await db
    .select()
    .from(confirmationItems)
    .where(eq(confirmationItems.confirmationId, id))
    .orderBy(asc(confirmationItems.position));
  const signatures = await db
    .select()
    .from(confirmationSignatures)
    .where(eq(confirmationSignatures.confirmationId, id))
    .orderBy(asc(confirmationSignatures.signedAt));
  const engineers = new Map(
    (
      await engineersByIds(
        db,
        signatures.map((s) => s.engineerId),
      )
    ).map((e) => [e.id, e]),
  );
  const agency = await getAgency(db, row.agencyId);
  const names = await enterpriseNames(db, [row.enterpriseId]);
  let state: ConfirmationState = null;
  if (row.status === 'confirmed') {
    const today = chinaDate(new Date());
    if ((row.validUntil ?? '') < today) state = 'expired';
    else
      state = (await currentKeyItemsHash(db, row.enterpriseId)) === row.keyItemsHash ? 'in_force' : 'lapsed';
  }
  return {
    ...presentConfirmation(row, names.get(row.enterpriseId) ?? '', agency?.name ?? '', actor),
    state,
    items: items.map((i) => ({
      itemCode: i.itemCode,
      module: i.module,
      requirement: i.requirement,
      result: i.result,
      note: i.note,
      evidence: i.evidence,
      answeredAt: i.answeredAt?.toISOString() ?? null,
    })),
    signatures: signatures.map((s) => {
      const e = engineers.get(s.engineerId);
      return {
        engineerId: s.engineerId,
        name: e?.name ?? '',
        certificateNumber: e?.certificateNumber ?? '',
        signedOn: s.signedOn,
        signedAt: s.signedAt.toISOString(),
      };
    }),
  };
}

export function presentConfirmation(
  row: ConfirmationRow,
  enterpriseName: string,
  agencyName: string,
  actor: Actor,
) {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName,
    agencyId: row.agencyId,
    agencyName,
    status: row.status,
    standardTitle: row.standardTitle,
    versionNumber: row.versionNumber,
    siteVisitDate: row.siteVisitDate,
    conclusion: row.conclusion,
    conclusionNote: row.conclusionNote,
    requestedAt: row.requestedAt.toISOString(),
    concludedAt: row.concludedAt?.toISOString() ?? null,
    validUntil: row.validUntil,
    documentId: row.documentId,
    documentNumber: row.documentNumber,
    falseConfirmation: row.falseConfirmation,
    revokedReason: row.revokedReason,
    abilities: abilities(confirmationPolicy, actor, row),
  };
}

export async function listConfirmations(
  db: Db,
  actor: Actor,
  f: {
    enterpriseId?: string;
    agencyId?: string;
    status?: ConfirmationRow['status'];
    page: number;
    pageSize: number;
  },
) {
  const where = and(
    confirmationScope(actor),
    f.enterpriseId ? eq(confirmations.enterpriseId, f.enterpriseId) : undefined,
    f.agencyId ? eq(confirmations.agencyId, f.agencyId) : undefined,
    f.status ? eq(confirmations.status, f.status) : undefined,
  );
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(confirmations)
    .where(where);
  const rows = await db
    .select()
    .from(confirmations)
    .where(where)
    .orderBy(desc(confirmations.requestedAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const names = await enterpriseNames(
    db,
    rows.map((r) => r.enterpriseId),
  );
  const agencyNames = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.agencyId)))
    agencyNames.set(id, (await getAgency(db, id))?.name ?? '');
  return {
    total,
    items: rows.map((r) =>
      presentConfirmation(r, names.get(r.enterpriseId) ?? '', agencyNames.get(r.agencyId) ?? '', actor),
    ),
  };
}
