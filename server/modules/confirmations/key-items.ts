import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../domain/canonical-json.js';

/** The fingerprint of a version's key items: a confirmation lapses when the filed standard's differs. */
export function keyItemsHash(
  items: readonly { code: string; requirement: string; isKey: boolean }[],
): string {
  const key = items
    .filter((i) => i.isKey)
    .map((i) => ({ code: i.code, requirement: i.requirement }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return createHash('sha256').update(canonicalJson(key)).digest('hex');
}
