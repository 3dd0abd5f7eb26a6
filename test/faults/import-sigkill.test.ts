/**
 * Fault: the server is killed (SIGKILL: no shutdown hook runs) while it imports a large register spreadsheet.
 * After a restart on the same data the import is either whole or absent — never some of its rows — the audit
 * chain verifies, and the job is picked up again and finishes the import exactly once.
 *
 * Runs on the suite's engine: a PGlite data directory (`npm test`) or a fresh PostgreSQL database copied from the
 * run's template (`npm run test:pg`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { enterpriseImports, enterprises, events, jobs, jurisdictions } from '../../server/db/schema/index.js';
import { registerColumns } from '../../server/modules/registry/import/columns.js';
import { verifyChain } from '../../server/platform/audit/verify.js';
import { openPglite, openPostgres, queryRows, type Database } from '../../server/platform/db/client.js';
import { loginAs } from '../client.js';
import { createTestContext, openTestDatabase } from '../context.js';
import { databaseUrl, testEngine } from '../engine.js';
import { buildUser } from '../factories.js';
import { buildSheet, uniqueUscc } from '../registry-factories.js';
import { login, startServer, waitFor, type HttpClient, type ServerProcess } from './server-process.js';

const rowCount = 3000;
const adminPassword = 'Fault-Test-Admin-2026';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let tmp: string;
/** DATA_DIR and DATABASE_URL of the server under test */
let serverEnv: Record<string, string>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sc-fault-import-'));
  if (testEngine === 'postgres') {
    const database = await openTestDatabase();
    const [{ name }] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
    await database.close();
    serverEnv = { DATA_DIR: tmp, DATABASE_URL: databaseUrl(name) };
  } else {
    // the run's template, written into a data directory the server opens (one process at a time)
    const copy = await openPglite({
      dataDir: path.join(tmp, 'pgdata'),
      loadDataDir: new Blob([readFileSync(inject('template'))]),
    });
    await copy.close();
    serverEnv = { DATA_DIR: tmp, DATABASE_URL: '' };
  }
  serverEnv.ADMIN_PASSWORD = adminPassword;
});

afterAll(async () => {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** The server's database, opened by the test while the server is down. */
function openServerDatabase(): Promise<Database> {
  return serverEnv.DATABASE_URL
    ? openPostgres(serverEnv.DATABASE_URL, 1)
    : openPglite({ dataDir: path.join(tmp, 'pgdata') });
}

function sheetRow(uscc: string, n: number): (string | number | null)[] {
  const fields: Record<string, string | number | null> = {
    统一社会信用代码: uscc,
    企业名称: `温州故障测试鞋业有限公司${n}`,
    法定代表人: '陈六',
    注册地址: `温州市鹿城区双屿街道鞋都大道 ${n} 号`,
    所属街镇: '双屿街道',
    行业代码: '1952 皮鞋制造',
    企业规模: '小型',
    从业人数: 60,
    联系人: '陈六',
    联系电话: '0577-88888888',
    经营状态: '在营',
  };
  return registerColumns.map((c) => fields[c.header] ?? null);
}

interface JobView {
  status: string;
  attempts: number;
  progressDone: number;
  progressTotal: number | null;
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * How the test finds the import inside its write transaction, where a kill matters most.
 *
 * PostgreSQL, deterministic: before the upload the test inserts the file's last row itself in a transaction it
 * keeps open, so the import's insert of that row waits on the unique index with the rows before it written but not
 * committed; the test sees the server's backend waiting on the lock. `release` rolls the test's row back once the
 * server is dead and waits until the dead server's backend is gone.
 *
 * PGlite has one connection inside the server process: nothing outside can hold a lock, and while the write
 * transaction runs every request that reads the database waits for it. Once the job runs, a job-status request that
 * stays unanswered for `stallMs` (longer than the reading and validating steps take) means the write has begun;
 * an answer that says `progressDone = rowCount` (every row validated, only the write left) means the same.
 */
interface WriteCatcher {
  untilWriting(admin: HttpClient, jobId: string): Promise<'writing' | 'done' | 'failed'>;
  release(): Promise<void>;
}

async function catchTheWrite(lastUscc: string): Promise<WriteCatcher> {
  if (serverEnv.DATABASE_URL) {
    const holder = new pg.Client({ connectionString: serverEnv.DATABASE_URL });
    await holder.connect();
    await holder.query('begin');
    await holder.query(
      `insert into enterprises (jurisdiction_id, uscc, name, legal_representative, subdistrict_id, industry_code, scale)
       select j.id, $1, '占位企业', '占位', u.id, '1952', 'small'
         from jurisdictions j join units u on u.jurisdiction_id = j.id and u.code = 'shuangyu'
        where j.code = '330302'`,
      [lastUscc],
    );
    const others = async (where: string) =>
      (
        await holder.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and backend_type = 'client backend'
              and pid <> pg_backend_pid() ${where}`,
        )
      ).rows[0].n;
    return {
      untilWriting: () =>
        waitFor('the import to wait on the held row', async () =>
          (await others(`and wait_event_type = 'Lock'`)) > 0 ? ('writing' as const) : undefined,
        ),
      async release() {
        await holder.query('rollback');
        // the dead server's backend finishes its insert, finds the client gone and rolls back
        await waitFor("the killed server's connections to end", async () =>
          (await others('')) === 0 ? true : undefined,
        );
        await holder.end();
      },
    };
  }
  const stallMs = 600;
  return {
    async untilWriting(admin, jobId) {
      let running = false;
      const limit = Date.now() + 120_000;
      while (Date.now() < limit) {
        const pending = admin.get(`/api/jobs/${jobId}`);
        const res = await Promise.race([pending, delay(stallMs).then(() => undefined)]);
        if (!res) {
          if (running) return 'writing';
          await pending;
          continue;
        }
        const job = res.json<JobView>();
        if (job.status === 'done' || job.status === 'failed') return job.status;
        if (job.status === 'running') running = true;
        if (running && job.progressDone >= rowCount) return 'writing';
        await delay(10);
      }
      throw new Error('gave up waiting for the import to start its write');
    },
    release: () => Promise.resolve(),
  };
}

it('leaves a killed import whole or absent, and finishes it exactly once after a restart', async () => {
  const usccs = Array.from({ length: rowCount }, () => uniqueUscc());
  const file = await buildSheet(
    registerColumns.map((c) => c.header),
    usccs.map((u, i) => sheetRow(u, i + 1)),
  );

  const catcher = await catchTheWrite(usccs.at(-1)!);
  server = await startServer(serverEnv);
  let admin: HttpClient = await login(server.baseUrl, 'admin', adminPassword);
  const started = await admin.post('/api/enterprise-imports?fileName=fault.xlsx', file, xlsx);
  expect(started.status, started.body).toBe(202);
  const { importId, jobId } = started.json<{ importId: string; jobId: string }>();

  // Kill the server inside the import's write transaction, the moment that matters most.
  const phase = await catcher.untilWriting(admin, jobId);
  expect(phase, 'the import finished before the test could kill it').toBe('writing');
  await server.stop('SIGKILL');
  expect(server.child.signalCode).toBe('SIGKILL');
  await catcher.release();

  // While the server is down, look at the database itself: the import is all or nothing.
  const database = await openServerDatabase();
  try {
    const { db } = database;
    const [{ imported }] = await queryRows<{ imported: number }>(
      db,
      sql`select count(*)::int as imported from ${enterprises} where ${inArray(enterprises.uscc, usccs)}`,
    );
    const [imp] = await db.select().from(enterpriseImports).where(eq(enterpriseImports.id, importId));
    const [{ createdEvents }] = await queryRows<{ createdEvents: number }>(
      db,
      sql`select count(*)::int as "createdEvents" from ${events}
           where ${events.kind} = 'enterprise.created' and ${events.after} -> 'source' ->> 'importId' = ${importId}`,
    );
    console.log(`killed during the write: ${imported} of ${rowCount} rows committed, import ${imp.status}`);
    expect([0, rowCount]).toContain(imported);
    expect(createdEvents, 'one enterprise.created event per committed row').toBe(imported);
    expect(imported === 0 ? ['queued', 'running'] : ['done']).toContain(imp.status);
    const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, '330302'));
    const chain = await verifyChain(db, j.id);
    expect(chain, JSON.stringify(chain)).toMatchObject({ ok: true });

    // The job is still leased to the dead process (`running`, lease of five minutes). Let the lease run out, as
    // the clock would while the server is down, instead of waiting for it.
    await db
      .update(jobs)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(and(eq(jobs.id, jobId), eq(jobs.status, 'running')));
  } finally {
    await database.close();
  }

  server = await startServer(serverEnv);
  admin = await login(server.baseUrl, 'admin', adminPassword);
  const job = await waitFor('the job to finish after the restart', async () => {
    const j = (await admin.get(`/api/jobs/${jobId}`)).json<JobView>();
    return j.status === 'done' || j.status === 'failed' ? j : undefined;
  });
  expect(job, server.output()).toMatchObject({ status: 'done', attempts: 2 });
  const imp = (await admin.get(`/api/enterprise-imports/${importId}`)).json();
  expect(imp).toMatchObject({
    status: 'done',
    totalRows: rowCount,
    createdCount: rowCount,
    errorRowCount: 0,
  });

  const created = (await admin.get(`/api/audit/events?kind=enterprise.created&pageSize=1`)).json();
  expect(created.total, 'every row created once').toBe(rowCount);
  const finished = (
    await admin.get(`/api/audit/events?entityId=${importId}&kind=enterprise_import.finished`)
  ).json();
  expect(finished.total, 'the import finished once').toBe(1);
  const register = (await admin.get('/api/enterprises?pageSize=1')).json();
  expect(register.total).toBe(rowCount);
  const verified = await admin.post('/api/audit/verify');
  expect(verified.json(), verified.body).toMatchObject({ ok: true });
});

it('does not import again when the process died after the write committed but before the job was marked done', async () => {
  const ctx = await createTestContext();
  try {
    const bureau = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }),
    );
    const usccs = Array.from({ length: 3 }, () => uniqueUscc());
    const file = await buildSheet(
      registerColumns.map((c) => c.header),
      usccs.map((u, i) => sheetRow(u, i + 1)),
    );
    const res = await bureau.request('POST', '/api/enterprise-imports', file, { 'content-type': xlsx });
    const { importId, jobId } = res.json<{ importId: string; jobId: string }>();
    await ctx.jobs.drain();
    const before = (await bureau.get(`/api/enterprise-imports/${importId}`)).json();
    expect(before).toMatchObject({ status: 'done', createdCount: 3 });

    // what the crash leaves: the import committed, its job still leased to the dead process
    await ctx.db
      .update(jobs)
      .set({ status: 'running', lockedUntil: sql`now() - interval '1 second'`, finishedAt: null })
      .where(eq(jobs.id, jobId));
    await ctx.jobs.drain();

    expect((await bureau.get(`/api/jobs/${jobId}`)).json()).toMatchObject({ status: 'done', attempts: 2 });
    expect((await bureau.get(`/api/enterprise-imports/${importId}`)).json()).toEqual(before);
    const finished = (
      await bureau.get(`/api/audit/events?entityId=${importId}&kind=enterprise_import.finished`)
    ).json();
    expect(finished.total).toBe(1);
  } finally {
    await ctx.close();
  }
});
