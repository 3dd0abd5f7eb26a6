/**
 * npm run bench [-- --rows 50000] — district-scale benchmarks; each prints its figures as one JSON line.
 * DATABASE_URL runs them on PostgreSQL instead of PGlite. `--only import|search|campaign` runs one;
 * `--letters 20000` sets the advice campaign's size.
 */
import { benchCampaignSend } from './campaign-send.js';
import { benchRegistryImport } from './registry-import.js';
import { benchRegistrySearch } from './registry-search.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const benches: [string, () => Promise<unknown>][] = [
  ['import', () => benchRegistryImport(flag('rows', 50_000))],
  ['search', () => benchRegistrySearch(flag('enterprises', 20_000))],
  ['campaign', () => benchCampaignSend(flag('letters', 20_000))],
];
for (const [name, run] of benches) {
  if (only && only !== name) continue;
  console.log(JSON.stringify(await run()));
}
process.exit(0);
