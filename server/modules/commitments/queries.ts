import { and, desc, eq, type SQL } from 'drizzle-orm';
import { commitments } from '../../db/schema/commitments.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';

export type CommitmentRow = typeof commitments.$inferSelect;

export function commitmentScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    jurisdiction: commitments.jurisdictionId,
    subdistrict: commitments.subdistrictId,
    enterprise: commitments.enterpriseId,
  });
}

export function presentCommitment(row: CommitmentRow) {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    textVersion: row.textVersion,
    textHash: row.textHash,
    signatoryName: row.signatoryName,
    signatoryCapacity: row.signatoryCapacity,
    authorisationFile: row.authorisationFile,
    signedAt: row.signedAt.toISOString(),
    documentId: row.documentId,
    documentNumber: row.documentNumber,
  };
}

/** Signatures of one enterprise, newest first (scoped). */
export async function commitmentsOf(db: Db, actor: Actor, enterpriseId: string): Promise<CommitmentRow[]> {
  return db
    .select()
    .from(commitments)
    .where(and(eq(commitments.enterpriseId, enterpriseId), commitmentScope(actor)))
    .orderBy(desc(commitments.signedAt));
}

/**
 * Whether the enterprise's newest signature is of the text now in force. Other modules (entry conditions, the
 * enterprise's to-do list) ask this; it is not scoped because the caller has already checked the enterprise.
 */
export async function latestCommitment(db: Db, enterpriseId: string): Promise<CommitmentRow | undefined> {
  const [row] = await db
    .select()
    .from(commitments)
    .where(eq(commitments.enterpriseId, enterpriseId))
    .orderBy(desc(commitments.signedAt))
    .limit(1);
  return row;
}
