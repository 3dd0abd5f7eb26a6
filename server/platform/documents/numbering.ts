import { sql } from 'drizzle-orm';
import { documentNumberCounters } from '../../db/schema/documents.js';
import { queryRows, type Db } from '../db/client.js';

/**
 * Official document numbers (文号). The pattern is a jurisdiction setting per kind, e.g.
 * `{short}应急合规建〔{year}〕{n}号` → 鹿应急合规建〔2026〕12号; `{n:3}` pads the sequence to three digits.
 */
export function formatDocumentNumber(
  pattern: string,
  values: { short: string; year: number; n: number | string },
): string {
  return pattern.replace(/\{(short|year|n)(?::(\d))?\}/g, (_all, name: string, width: string | undefined) => {
    if (name === 'short') return values.short;
    if (name === 'year') return String(values.year);
    const n = String(values.n);
    return width && typeof values.n === 'number' ? n.padStart(Number(width), '0') : n;
  });
}

/**
 * The next sequence number of a kind in a year, taken inside the issuing transaction. The upsert locks the
 * counter row until commit: concurrent issuers of the same kind queue behind it (no duplicates), and a rolled-back
 * issue rolls the counter back with it (no gaps). Other kinds and years are not blocked.
 */
export async function takeNextNumber(
  tx: Db,
  jurisdictionId: string,
  kind: string,
  year: number,
): Promise<number> {
  return takeNumbers(tx, jurisdictionId, kind, year, 1);
}

/**
 * `count` consecutive sequence numbers at once (bulk issues): returns the first; the range is first..first+count-1.
 * Same lock and rollback behaviour as `takeNextNumber`.
 */
export async function takeNumbers(
  tx: Db,
  jurisdictionId: string,
  kind: string,
  year: number,
  count: number,
): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`takeNumbers: bad count ${count}`);
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`insert into ${documentNumberCounters} (jurisdiction_id, kind, year, last_number)
        values (${jurisdictionId}, ${kind}, ${year}, ${count})
        on conflict (jurisdiction_id, kind, year)
        do update set last_number = ${documentNumberCounters}.last_number + ${count}
        returning last_number::int as n`,
  );
  return Number(row.n) - count + 1;
}
