import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../data/documents/commitment-text.md',
);

/**
 * The default commitment text (data/documents/commitment-text.md). The issuing module passes the text it had the
 * enterprise sign as template data; a versioned text setting replaces this default in a later issue.
 */
export function defaultCommitmentText(): string {
  return readFileSync(file, 'utf8').trim();
}
