/**
 * Fault: PostgreSQL goes away under load and comes back. Requests during the outage answer a clean
 * `503 SERVICE_UNAVAILABLE` problem (never a 500, a hang or a crash) and, once the database is back, succeed again
 * without restarting the app: the pool drops its broken connections and opens new ones.
 *
 * PostgreSQL only (`npm run test:pg`): the test runs its own server (`initdb` in a temporary directory, a free
 * port; see private-postgres.ts) so stopping it disturbs nobody. The app is the real server as a child process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../engine.js';
import {
  privatePostgresUnavailable,
  startPrivatePostgres,
  type PrivatePostgres,
} from './private-postgres.js';
import { login, startServer, waitFor, type HttpClient, type ServerProcess } from './server-process.js';

const adminPassword = 'Fault-Test-Admin-2026';
/** a request that takes longer than this hangs (the pool gives up connecting after 10 s) */
const hangMs = 30_000;
const workers = 4;

const skipReason =
  testEngine !== 'postgres' ? 'PostgreSQL only (npm run test:pg)' : await privatePostgresUnavailable();
if (skipReason) console.log(`pg-restart.test.ts skipped: ${skipReason}`);

interface Answer {
  at: number;
  url: string;
  status: number | 'hang' | 'network';
  code?: string;
  title?: string;
  contentType?: string;
}

let tmp: string | undefined;
let pg: PrivatePostgres;
let server: ServerProcess;
let admin: HttpClient;

describe.skipIf(skipReason)('PostgreSQL restart under load', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'sc-fault-pg-'));
    pg = await startPrivatePostgres();
    server = await startServer({ DATABASE_URL: pg.url(), ADMIN_PASSWORD: adminPassword, DATA_DIR: tmp });
    admin = await login(server.baseUrl, 'admin', adminPassword);
  });

  afterAll(async () => {
    await server?.stop();
    await pg?.destroy();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** GETs that read the database (the session, a scoped list, the health check), fired until `stop()`. */
  function load() {
    const answers: Answer[] = [];
    let running = true;
    const urls = ['/api/enterprises?pageSize=5', '/api/me', '/api/health', '/api/jobs'];
    const worker = async (n: number) => {
      for (let i = n; running; i++) {
        const url = urls[i % urls.length];
        const res = await admin.get(url, hangMs).catch((err: unknown) => err as Error);
        if (res instanceof Error) {
          answers.push({ at: Date.now(), url, status: res.name === 'TimeoutError' ? 'hang' : 'network' });
          // the server is gone or hanging: the test fails on these answers; do not spin meanwhile
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        const problem = res.contentType.startsWith('application/problem+json')
          ? res.json<{ code: string; title: string }>()
          : undefined;
        answers.push({
          at: Date.now(),
          url,
          status: res.status,
          code: problem?.code,
          title: problem?.title,
          contentType: res.contentType,
        });
      }
    };
    const done = Promise.all(Array.from({ length: workers }, (_, n) => worker(n)));
    return {
      answers,
      async stop() {
        running = false;
        await done;
      },
    };
  }

  /** How many answers of each status and code, for messages. */
  function summarise(answers: Answer[]): Record<string, number> {
    const summary: Record<string, number> = {};
    for (const a of answers) {
      const key = `${a.status} ${a.code ?? ''}`.trim();
      summary[key] = (summary[key] ?? 0) + 1;
    }
    return summary;
  }

  /** Every answer is a success or the clean outage problem. */
  function expectClean(answers: Answer[]) {
    const unclean = answers.filter(
      (a) =>
        a.status !== 200 &&
        !(
          a.status === 503 &&
          a.code === 'SERVICE_UNAVAILABLE' &&
          a.contentType?.startsWith('application/problem+json') &&
          /[\u4e00-\u9fff]/.test(a.title ?? '')
        ),
    );
    expect(
      unclean,
      `answers: ${JSON.stringify(summarise(answers))}\n${server.output().slice(-3000)}`,
    ).toEqual([]);
  }

  for (const mode of ['fast', 'immediate'] as const) {
    it(`answers 503 while PostgreSQL is down (${mode} shutdown) and recovers without an app restart`, async () => {
      const traffic = load();
      const until = (what: string, probe: () => boolean) =>
        waitFor(what, async () => (probe() ? true : undefined), { limitMs: 60_000 }).catch((err: Error) => {
          throw new Error(`${err.message}; answers so far: ${JSON.stringify(summarise(traffic.answers))}`);
        });
      try {
        await until(
          'answers before the outage',
          () => traffic.answers.filter((a) => a.status === 200).length >= 20,
        );

        await pg.stop(mode);
        const down = Date.now();
        // requests sent after the database went away must all be refused cleanly
        await until(
          'answers during the outage',
          () => traffic.answers.filter((a) => a.at > down).length >= 40,
        );
        const login503 = await fetch(`${server.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: adminPassword }),
        });
        expect(login503.status).toBe(503);
        expect(login503.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(server.child.exitCode, 'the app is still running').toBeNull();
        const refused = traffic.answers.filter((a) => a.at > down && a.status === 503).length;
        expect(refused, 'requests during the outage are refused with 503').toBeGreaterThanOrEqual(30);

        await pg.start();
        const up = Date.now();
        await until('answers after the restart', () => {
          const tail = traffic.answers.filter((a) => a.at > up).slice(-20);
          return tail.length === 20 && tail.every((a) => a.status === 200);
        });
      } finally {
        await traffic.stop();
        await pg.ensureRunning();
      }
      console.log(`${mode} shutdown: ${JSON.stringify(summarise(traffic.answers))}`);
      expectClean(traffic.answers);

      // writes work again: a login is a transaction (session, login log, audit event)
      admin = await login(server.baseUrl, 'admin', adminPassword);
      expect((await admin.get('/api/me')).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
    }, 300_000);
  }
});
