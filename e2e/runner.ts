/**
 * The browser journeys, end to end on a real server (npm run test:e2e → e2e/run.mjs → this file):
 *
 * 1. a fresh data directory in the temp folder, the demo loaded into it (300 enterprises);
 * 2. seed.ts issues a document and prepares users and an import sheet on the same database;
 * 3. `node scripts/start.mjs` (builds the web UI when stale) on a free port, until /api/health answers;
 * 4. every journey in its own Chromium profile, screenshots under e2e/artifacts/<journey>/;
 * 5. the server is stopped, the temp folder removed, and the last line says `N passed, M failed`.
 *
 * Exit code 1 when a journey failed or the server could not be brought up. Skipped journeys (a page that does
 * not exist yet) are listed with their reason and do not fail the run.
 * `npm run test:e2e -- admin verify` runs the journeys whose names contain one of the words.
 * KEEP_E2E_DATA=1 keeps the temp folder (data dir and server log) for a look afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runJourney, type DemoLogin, type Env, type Journey, type Outcome, type Seed } from './harness.js';
import { journeys as adminJourneys } from './journeys/admin.js';
import { journeys as confirmationJourneys } from './journeys/confirmation.js';
import { journeys as enforcementJourneys } from './journeys/enforcement.e2e.js';
import { journeys as loginJourneys } from './journeys/login.js';
import { journeys as publicJourneys } from './journeys/public.js';
import { journeys as readinessJourneys } from './journeys/readiness-enterprise.js';
import { journeys as registryJourneys } from './journeys/registry.js';
import { journeys as roleJourneys } from './journeys/roles.js';
import { journeys as whitelistEntryJourneys } from './journeys/whitelist-entry.e2e.js';
import { journeys as whitelistJourneys } from './journeys/whitelist.e2e.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifactsDir = path.join(root, 'e2e/artifacts');
const allJourneys: Journey[] = [
  ...adminJourneys,
  ...loginJourneys,
  ...roleJourneys,
  ...publicJourneys,
  ...registryJourneys,
  ...readinessJourneys,
  ...confirmationJourneys,
  // moves demo.sy07 and demo.sy01 onto a notice; before `whitelist`, which changes the demo's listed enterprise
  ...whitelistEntryJourneys,
  ...whitelistJourneys,
  // approves the demo's 皮鞋制造 campaign (a letter to every footwear enterprise) and answers the demo enterprise's
  // letter; needs nothing from the journeys above and changes nothing they read, so it may run anywhere
  ...enforcementJourneys,
];

/** Bounds of the set-up (not assertions): a first start builds the web UI, which takes a while on two cores. */
const serverStartLimitMs = 300_000;
const serverStopLimitMs = 30_000;

function log(line: string) {
  console.log(`[e2e] ${line}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Run a node script to completion, its output appended to `sink`; rejects on a non-zero exit. */
function runNode(args: string[], env: NodeJS.ProcessEnv, sink: WriteStream, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(sink, { end: false });
    child.stderr.pipe(sink, { end: false });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${label} exited with ${code}; see ${sink.path as string}`)),
    );
  });
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitForHealth(baseUrl: string, server: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + serverStartLimitMs;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `the server exited (${server.exitCode ?? server.signalCode}) before answering; see ${logPath}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(
        `no answer from ${baseUrl}/api/health after ${serverStartLimitMs / 1000} s; see ${logPath}`,
      );
    await delay(250);
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => {
    // start.mjs passes a second signal on as SIGKILL
    server.kill('SIGTERM');
  }, serverStopLimitMs);
  await exited;
  clearTimeout(timer);
}

function printOutcome(journey: Journey, outcome: Outcome) {
  const label = `${journey.name} (${journey.viewport})`;
  if (outcome.status === 'passed') console.log(`  ✓ ${label}: ${outcome.steps} steps`);
  else if (outcome.status === 'skipped') console.log(`  - ${label}: SKIPPED: ${outcome.reason}`);
  else {
    console.log(`  ✗ ${label}: FAILED${outcome.step ? ` at step "${outcome.step}"` : ''}`);
    console.log(outcome.error.replace(/^/gm, '      '));
  }
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const selected =
    filters.length > 0 ? allJourneys.filter((j) => filters.some((f) => j.name.includes(f))) : allJourneys;
  if (selected.length === 0) {
    console.log(
      `no journey matches ${filters.join(' ')}; journeys: ${allJourneys.map((j) => j.name).join(', ')}`,
    );
    console.log('0 passed, 0 failed');
    return 1;
  }

  mkdirSync(artifactsDir, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sc-e2e-'));
  const dataDir = path.join(tmp, 'data');
  const serverLogPath = path.join(artifactsDir, 'server.log');
  const serverLog = createWriteStream(serverLogPath);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    ADMIN_PASSWORD: `E2e-Admin-${randomBytes(6).toString('hex')}`,
    PUBLIC_BASE_URL: baseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: '',
  };
  let server: ChildProcess | undefined;
  let passed = 0;
  let failed = 0;
  try {
    log(`data directory ${dataDir}; server log ${path.relative(root, serverLogPath)}`);
    log('loading the demo (300 enterprises)…');
    await runNode(
      ['--import', 'tsx', 'scripts/demo.ts', '--enterprises', '300'],
      env,
      serverLog,
      'the demo loader',
    );
    const logins = JSON.parse(readFileSync(path.join(dataDir, 'demo-logins.json'), 'utf8')) as DemoLogin[];
    log('seeding a document, a lockout user and an import sheet…');
    const seedPath = path.join(tmp, 'seed.json');
    await runNode(['--import', 'tsx', 'e2e/seed.ts', seedPath], env, serverLog, 'the seed step');
    const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as Seed;

    log(`starting the server on ${baseUrl} (builds the web UI first when it is stale)…`);
    server = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.pipe(serverLog, { end: false });
    server.stderr!.pipe(serverLog, { end: false });
    await waitForHealth(baseUrl, server, serverLogPath);
    log('server up; running the journeys');

    const journeyEnv: Env = { baseUrl, artifactsDir, logins, seed };
    const skipped: string[] = [];
    for (const journey of selected) {
      const outcome = await runJourney(journey, journeyEnv);
      printOutcome(journey, outcome);
      if (outcome.status === 'passed') passed += 1;
      else if (outcome.status === 'failed') failed += 1;
      else skipped.push(journey.name);
    }
    log(`screenshots under ${path.relative(root, artifactsDir)}/<journey>/`);
    if (skipped.length > 0) log(`${skipped.length} skipped: ${skipped.join(', ')}`);
  } catch (err) {
    failed += 1;
    console.error(`[e2e] set-up failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    if (server) await stopServer(server);
    serverLog.end();
    if (process.env.KEEP_E2E_DATA === '1') log(`kept ${tmp}`);
    else if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
