import { and, asc, eq, gt } from 'drizzle-orm';
import { auditHeads, events } from '../../db/schema/index.js';
import type { Db } from '../db/client.js';
import { GENESIS_HASH, hashEvent } from './append.js';

export interface ChainReport {
  jurisdictionId: string;
  checked: number;
  ok: boolean;
  headSeq: number;
  headHash: string;
  firstBroken?: { seq: number; id: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'head_mismatch' };
}

const pageSize = 2000;

/** Walk one jurisdiction's chain from the genesis and name the first event whose link does not hold. */
export async function verifyChain(db: Db, jurisdictionId: string): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const page = await db
      .select()
      .from(events)
      .where(and(eq(events.jurisdictionId, jurisdictionId), gt(events.seq, lastSeq)))
      .orderBy(asc(events.seq))
      .limit(pageSize);
    for (const row of page) {
      const broken = (reason: NonNullable<ChainReport['firstBroken']>['reason']): ChainReport => ({
        jurisdictionId,
        checked,
        ok: false,
        headSeq: row.seq,
        headHash: row.hash,
        firstBroken: { seq: row.seq, id: row.id, reason },
      });
      if (row.seq !== expectedSeq) return broken('seq_gap');
      if (row.prevHash !== prevHash) return broken('prev_hash_mismatch');
      const { hash, ...content } = row;
      if (hashEvent({ ...content, before: content.before ?? null, after: content.after ?? null }) !== hash) {
        return broken('hash_mismatch');
      }
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
      lastSeq = row.seq;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.jurisdictionId, jurisdictionId));
  if (head && (head.seq !== lastSeq || head.hash !== prevHash)) {
    return {
      jurisdictionId,
      checked,
      ok: false,
      headSeq: lastSeq,
      headHash: prevHash,
      firstBroken: { seq: head.seq, id: '', reason: 'head_mismatch' },
    };
  }
  return { jurisdictionId, checked, ok: true, headSeq: lastSeq, headHash: prevHash };
}
