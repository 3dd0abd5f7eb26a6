/**
 * Fault: the server is killed (SIGKILL: no shutdown hook runs) in the middle of sending a 20,000-letter advice
 * campaign (合规建议书批次). After a restart on the same data the job resumes where the last committed chunk ended
 * and the campaign is sent exactly once: one letter per target, no duplicate, no missing letter, and the letters'
 * document numbers form one range with no gap.
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
import {
  adviceCampaigns,
  adviceCampaignTargets,
  documentNumberCounters,
  enterprises,
  jobs,
  jurisdictions,
  units,
} from '../../server/db/schema/index.js';
import { createUser } from '../../server/modules/identity/commands/create-user.js';
import { setupModules } from '../../server/modules/index.js';
import { verifyChain } from '../../server/platform/audit/verify.js';
import { chinaYear } from '../../server/platform/documents/format.js';
import {
  openPglite,
  openPostgres,
  queryRows,
  type Database,
  type Db,
} from '../../server/platform/db/client.js';
import { openTestDatabase } from '../context.js';
import { databaseUrl, testEngine } from '../engine.js';
import { uniqueUscc } from '../registry-factories.js';
import { login, startServer, waitFor, type HttpClient, type ServerProcess } from './server-process.js';

const targetCount = 20_000;
/** letters per sending transaction (SEND_CHUNK in send-campaign.ts) */
const chunk = 500;
/** kill once at least this many letters are committed: well inside the campaign, with chunks on both sides */
const killAfter = 5_000;
/** an industry class of its own (塑料鞋制造): the template has no enterprise in it */
const industryCode = '1953';
const bureauUsername = 'fault.campaign.bureau';
const bureauPassword = 'Fault-Test-Bureau-2026';
/** sending 20,000 letters after the restart takes a while on PGlite; no timing assertion, only a far limit */
const sendLimitMs = 10 * 60_000;

let tmp: string;
/** DATA_DIR and DATABASE_URL of the server under test */
let serverEnv: Record<string, string>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  setupModules();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sc-fault-campaign-'));
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
});

afterAll(async () => {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** The server's database, opened by the test while the server is down (PGlite: one process at a time). */
function openServerDatabase(): Promise<Database> {
  return serverEnv.DATABASE_URL
    ? openPostgres(serverEnv.DATABASE_URL, 1)
    : openPglite({ dataDir: path.join(tmp, 'pgdata') });
}

async function withServerDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openServerDatabase();
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

/** The register the campaign writes to (20,000 operating enterprises of one industry) and a bureau administrator. */
async function seedRegister(db: Db) {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, '330302'));
  const [bureau] = await db
    .select()
    .from(units)
    .where(and(eq(units.jurisdictionId, j.id), eq(units.code, 'yjj')));
  const [subdistrict] = await db
    .select()
    .from(units)
    .where(and(eq(units.jurisdictionId, j.id), eq(units.code, 'shuangyu')));
  const [{ already }] = await queryRows<{ already: number }>(
    db,
    sql`select count(*)::int as already from ${enterprises} where ${enterprises.industryCode} like ${`${industryCode}%`}`,
  );
  expect(already, `the template has no enterprise of industry ${industryCode}`).toBe(0);
  // one transaction: PGlite flushes at each commit
  await db.transaction(async (tx) => {
    for (let i = 0; i < targetCount; i += 1000) {
      await tx.insert(enterprises).values(
        Array.from({ length: Math.min(1000, targetCount - i) }, (_, k) => {
          const n = i + k + 1;
          return {
            jurisdictionId: j.id,
            uscc: uniqueUscc(),
            name: `温州故障测试塑料鞋业有限公司${n}`,
            legalRepresentative: '陈六',
            registeredAddress: `温州市鹿城区双屿街道鞋都大道 ${n} 号`,
            subdistrictId: subdistrict.id,
            industryCode,
            scale: 'small' as const,
            employeeCount: 40,
            operatingStatus: 'operating' as const,
          };
        }),
      );
    }
  });
  await createUser(db, null, {
    jurisdictionId: j.id,
    username: bureauUsername,
    displayName: '故障测试局管理员',
    password: bureauPassword,
    mustChangePassword: false,
    bindings: [{ role: 'bureau_admin', unitId: bureau.id }],
  });
  return { jurisdictionId: j.id };
}

interface CampaignView {
  id: string;
  status: string;
  targetCount: number;
  sentCount: number;
  jobId: string | null;
}

interface JobView {
  status: string;
  attempts: number;
  progressDone: number;
  progressTotal: number | null;
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * How the test finds the sending job inside a chunk's write transaction with `killAfter` letters committed.
 *
 * PostgreSQL, deterministic: before the server starts, the test inserts the advice_letter document numbered
 * `killAfter + 1` of this year itself, in a transaction it keeps open. The chunk after `killAfter` letters takes the
 * numbers from there, appends its event and then waits on the documents' unique number index, with its counter
 * update and event written but not committed; the test sees the server's backend waiting on the lock. `release`
 * rolls the test's row back once the server is dead and waits until the dead server's backends are gone.
 *
 * PGlite has one connection inside the server process: nothing outside can hold a lock. Its queries run in the
 * server's thread without waiting on I/O, so while a chunk's transaction runs the server reads no request at all;
 * the job yields to the event loop between chunks, where waiting requests are answered. Once `killAfter` letters are
 * committed, a campaign request that stays unanswered for `stallMs` (a chunk takes longer) means the next chunk is
 * being written.
 */
interface ChunkCatcher {
  untilWriting(bureau: HttpClient, campaignId: string): Promise<'writing' | 'between chunks' | 'sent'>;
  release(): Promise<void>;
}

async function catchAChunk(): Promise<ChunkCatcher> {
  if (serverEnv.DATABASE_URL) {
    const holder = new pg.Client({ connectionString: serverEnv.DATABASE_URL });
    await holder.connect();
    const others = async (where: string) =>
      (
        await holder.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and backend_type = 'client backend'
              and pid <> pg_backend_pid() ${where}`,
        )
      ).rows[0].n;
    // the document the chunk after `killAfter` letters numbers first, issued by the test and left uncommitted
    await holder.query('begin');
    await holder.query(
      `insert into documents (id, jurisdiction_id, kind, number, year, sequence, holder_type, holder_name, data,
                              template_version, issuer_name, verification_code, verify_url, issued_at,
                              issuing_event_id)
       select gen_random_uuid(), j.id, 'advice_letter', '占位', $1, $2, 'unit', '占位', '{}'::jsonb, 1, '占位',
              gen_random_uuid()::text, 'http://placeholder.invalid/', now(), gen_random_uuid()
         from jurisdictions j where j.code = '330302'`,
      [chinaYear(new Date()), killAfter + 1],
    );
    return {
      untilWriting: () =>
        waitFor(
          'the sending job to wait on the held number',
          async () => ((await others(`and wait_event_type = 'Lock'`)) > 0 ? ('writing' as const) : undefined),
          { limitMs: sendLimitMs },
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
  const stallMs = 300;
  return {
    async untilWriting(bureau, campaignId) {
      let lastSent = 0;
      const limit = Date.now() + sendLimitMs;
      while (Date.now() < limit) {
        const pending = bureau.get(`/api/advice/campaigns/${campaignId}`);
        const res = await Promise.race([pending, delay(stallMs).then(() => undefined)]);
        if (!res) {
          if (lastSent >= killAfter) {
            // the answer will never come: the server dies with the request open
            pending.catch(() => undefined);
            return 'writing';
          }
          lastSent = (await pending).json<CampaignView>().sentCount;
          continue;
        }
        const c = res.json<CampaignView>();
        if (c.status === 'sent') return 'sent';
        lastSent = c.sentCount;
        // chunks too quick to catch a stall: kill now, when the next one has most likely begun
        if (lastSent >= killAfter + 4 * chunk) return 'between chunks';
        await delay(10);
      }
      throw new Error('gave up waiting for the campaign to reach the kill point');
    },
    release: () => Promise.resolve(),
  };
}

/** What a look at the database shows about the campaign (server down). */
async function inspect(db: Db, campaignId: string, jurisdictionId: string) {
  const [campaign] = await db.select().from(adviceCampaigns).where(eq(adviceCampaigns.id, campaignId));
  const [letters] = await queryRows<{ letters: number; enterprises: number; numbers: number }>(
    db,
    sql`select count(*)::int as letters, count(distinct enterprise_id)::int as enterprises,
               count(distinct number)::int as numbers
          from advice_letters where campaign_id = ${campaignId}`,
  );
  const years = await queryRows<{ year: number; n: number; distinct: number; min: number; max: number }>(
    db,
    sql`select year::int as year, count(*)::int as n, count(distinct sequence)::int as "distinct",
               min(sequence)::int as min, max(sequence)::int as max
          from documents where jurisdiction_id = ${jurisdictionId} and kind = 'advice_letter'
         group by year order by year`,
  );
  const counters = await db
    .select()
    .from(documentNumberCounters)
    .where(
      and(
        eq(documentNumberCounters.jurisdictionId, jurisdictionId),
        eq(documentNumberCounters.kind, 'advice_letter'),
      ),
    );
  const [sentEvents] = await queryRows<{ events: number; letters: number }>(
    db,
    sql`select count(*)::int as events, coalesce(sum((after ->> 'count')::int), 0)::int as letters
          from events where kind = 'advice.letters_sent' and entity_id = ${campaignId}`,
  );
  const [batchEvents] = await queryRows<{ events: number; documents: number }>(
    db,
    sql`select count(*)::int as events, coalesce(sum((after ->> 'count')::int), 0)::int as documents
          from events where kind = 'document.batch_issued' and jurisdiction_id = ${jurisdictionId}
           and after ->> 'kind' = 'advice_letter'`,
  );
  const [{ notices }] = await queryRows<{ notices: number }>(
    db,
    sql`select count(*)::int as notices from notifications where kind = 'advice.letter_received'`,
  );
  const chain = await verifyChain(db, jurisdictionId);
  return {
    campaign,
    letters: Number(letters.letters),
    distinctEnterprises: Number(letters.enterprises),
    distinctNumbers: Number(letters.numbers),
    years: years.map((y) => ({
      year: Number(y.year),
      n: Number(y.n),
      distinct: Number(y.distinct),
      min: Number(y.min),
      max: Number(y.max),
    })),
    counters: counters.map((c) => ({ year: c.year, lastNumber: Number(c.lastNumber) })),
    sentEvents: { events: Number(sentEvents.events), letters: Number(sentEvents.letters) },
    batchEvents: { events: Number(batchEvents.events), documents: Number(batchEvents.documents) },
    notices: Number(notices),
    chain,
  };
}

/** The numbers of each year run 1..max with no gap and no duplicate, and the counter stands at max. */
function expectGapFree(seen: Awaited<ReturnType<typeof inspect>>, total: number) {
  const detail = JSON.stringify({ years: seen.years, counters: seen.counters });
  expect(
    seen.years.reduce((s, y) => s + y.n, 0),
    `advice_letter documents: ${detail}`,
  ).toBe(total);
  for (const y of seen.years) {
    expect(y.distinct, `a sequence issued twice in ${y.year}: ${detail}`).toBe(y.n);
    expect(y.min, `the numbers of ${y.year} start at 1: ${detail}`).toBe(1);
    expect(y.max - y.min + 1, `a gap in the numbers of ${y.year}: ${detail}`).toBe(y.n);
    const counter = seen.counters.find((c) => c.year === y.year);
    expect(counter?.lastNumber, `the counter of ${y.year} stands at the last number: ${detail}`).toBe(y.max);
  }
  for (const c of seen.counters) {
    const y = seen.years.find((x) => x.year === c.year);
    expect(c.lastNumber, `the counter of ${c.year} gave out numbers that no document has: ${detail}`).toBe(
      y?.max ?? 0,
    );
  }
}

it(
  'resumes a campaign killed mid-send with every target written to once and gap-free numbers',
  async () => {
    // where the time goes, printed at the end (no assertion on it)
    const phases: [string, number][] = [];
    let last = performance.now();
    const mark = (what: string) => {
      const now = performance.now();
      phases.push([what, (now - last) / 1000]);
      last = now;
    };
    const { jurisdictionId } = await withServerDatabase(seedRegister);
    mark(`write ${targetCount} enterprises`);

    const catcher = await catchAChunk();
    server = await startServer(serverEnv);
    mark('start the server');
    let bureau = await login(server.baseUrl, bureauUsername, bureauPassword);
    // the active types of the seeded catalog
    const [type] = (await bureau.get('/api/violation-types')).json<{ id: string }[]>();
    expect(type, 'a seeded violation type').toBeDefined();
    const proposed = await bureau.post('/api/advice/campaigns', {
      violationTypeId: type!.id,
      scopeType: 'industry',
      scopeValue: industryCode,
      reason: '故障测试：塑料鞋制造行业同类违法行为多发',
    });
    expect(proposed.status, proposed.body).toBe(201);
    const campaignId = proposed.json<CampaignView>().id;

    const approved = await bureau.post(`/api/advice/campaigns/${campaignId}/approve`);
    mark('propose, approve (freeze the targets)');
    expect(approved.status, approved.body).toBe(200);
    const { jobId, targetCount: frozen } = approved.json<CampaignView>();
    expect(frozen).toBe(targetCount);
    expect(jobId).toBeTruthy();

    // Kill the server inside a chunk's write transaction, with some chunks committed and most still to send.
    const phase = await catcher.untilWriting(bureau, campaignId);
    expect(phase, 'the campaign was sent before the test could kill it').not.toBe('sent');
    await server.stop('SIGKILL');
    expect(server.child.signalCode).toBe('SIGKILL');
    await catcher.release();
    mark(`send until the kill point, SIGKILL (${phase})`);
    let sentBeforeKill = 0;

    // While the server is down: whole chunks only, and numbers taken only by committed letters.
    await withServerDatabase(async (db) => {
      const seen = await inspect(db, campaignId, jurisdictionId);
      const sent = seen.campaign.sentCount;
      sentBeforeKill = sent;
      console.log(
        `killed ${phase}: ${sent} of ${targetCount} letters committed in ${seen.sentEvents.events} chunks, ` +
          `campaign ${seen.campaign.status}`,
      );
      expect(seen.campaign.status).toBe('sending');
      expect(sent, 'killed in the middle of the campaign').toBeGreaterThan(0);
      expect(sent).toBeLessThan(targetCount);
      expect(sent % chunk, 'sent_count moves by whole chunks').toBe(0);
      expect(seen.letters, 'one letter per counted target').toBe(sent);
      expect(seen.distinctEnterprises).toBe(sent);
      expect(seen.sentEvents, 'one advice.letters_sent event per committed chunk').toEqual({
        events: sent / chunk,
        letters: sent,
      });
      expect(seen.batchEvents.documents).toBe(sent);
      expect(seen.notices, 'one notification per committed letter').toBe(sent);
      expectGapFree(seen, sent);
      expect(seen.chain, JSON.stringify(seen.chain)).toMatchObject({ ok: true });

      // The job is still leased to the dead process (`running`, its lease renewed by the heartbeat). Let the lease
      // run out, as the clock would while the server is down, instead of waiting for it.
      const moved = await db
        .update(jobs)
        .set({ lockedUntil: sql`now() - interval '1 second'` })
        .where(and(eq(jobs.id, jobId!), eq(jobs.status, 'running')))
        .returning({ id: jobs.id });
      expect(moved, 'the job is left running by the dead process').toHaveLength(1);
    });
    mark('check the database while down');

    server = await startServer(serverEnv);
    mark('restart the server');
    bureau = await login(server.baseUrl, bureauUsername, bureauPassword);
    const finished = await waitFor(
      'the campaign to be sent after the restart',
      async () => {
        const c = (await bureau.get(`/api/advice/campaigns/${campaignId}`)).json<CampaignView>();
        return c.status === 'sending' ? undefined : c;
      },
      { limitMs: sendLimitMs, everyMs: 500 },
    );
    mark(`send the other ${targetCount - sentBeforeKill} letters`);
    expect(finished, server.output().slice(-4000)).toMatchObject({
      status: 'sent',
      targetCount,
      sentCount: targetCount,
    });
    const job = await waitFor('the job to be marked done', async () => {
      const j = (await bureau.get(`/api/jobs/${jobId}`)).json<JobView>();
      return j.status === 'running' ? undefined : j;
    });
    expect(job, server.output().slice(-4000)).toMatchObject({
      status: 'done',
      attempts: 2,
      progressDone: targetCount,
    });
    await server.stop();

    // With the server stopped, the database itself: every target has exactly one letter, numbers are gap-free.
    await withServerDatabase(async (db) => {
      const seen = await inspect(db, campaignId, jurisdictionId);
      expect(seen.campaign).toMatchObject({ status: 'sent', targetCount, sentCount: targetCount });
      expect(seen.letters, 'letters of the campaign').toBe(targetCount);
      expect(seen.distinctEnterprises, 'distinct enterprises written to').toBe(targetCount);
      expect(seen.distinctNumbers, 'distinct letter numbers').toBe(targetCount);
      const [targets] = await queryRows<{ targets: number; without: number; twice: number; stray: number }>(
        db,
        sql`select count(*)::int as targets,
                   count(*) filter (where l.n is null)::int as without,
                   count(*) filter (where l.n > 1)::int as twice,
                   (select count(*)::int from advice_letters x
                     where x.campaign_id = ${campaignId}
                       and not exists (select 1 from advice_campaign_targets y
                                        where y.campaign_id = x.campaign_id and y.enterprise_id = x.enterprise_id))
                     as stray
              from ${adviceCampaignTargets} t
              left join (select enterprise_id, count(*)::int as n from advice_letters
                          where campaign_id = ${campaignId} group by enterprise_id) l
                on l.enterprise_id = t.enterprise_id
             where t.campaign_id = ${campaignId}`,
      );
      expect(
        Object.fromEntries(Object.entries(targets).map(([k, v]) => [k, Number(v)])),
        'every frozen target has exactly one letter, and no letter went elsewhere',
      ).toEqual({ targets: targetCount, without: 0, twice: 0, stray: 0 });
      const [positions] = await queryRows<{ n: number; min: number; max: number }>(
        db,
        sql`select count(*)::int as n, min(position)::int as min, max(position)::int as max
              from ${adviceCampaignTargets} where campaign_id = ${campaignId}`,
      );
      expect({ n: Number(positions.n), min: Number(positions.min), max: Number(positions.max) }).toEqual({
        n: targetCount,
        min: 1,
        max: targetCount,
      });
      const [docs] = await queryRows<{ missing: number; mismatched: number }>(
        db,
        sql`select count(*) filter (where d.id is null)::int as missing,
                   count(*) filter (where d.id is not null and (d.number <> l.number or d.kind <> 'advice_letter'
                                    or d.holder_id is distinct from l.enterprise_id::text))::int as mismatched
              from advice_letters l left join documents d on d.id = l.document_id
             where l.campaign_id = ${campaignId}`,
      );
      expect(
        { missing: Number(docs.missing), mismatched: Number(docs.mismatched) },
        "every letter's document exists, with the letter's number and enterprise",
      ).toEqual({ missing: 0, mismatched: 0 });
      expectGapFree(seen, targetCount);
      expect(seen.sentEvents, 'one advice.letters_sent event per chunk, 20,000 letters in all').toEqual({
        events: targetCount / chunk,
        letters: targetCount,
      });
      expect(seen.batchEvents, 'one document.batch_issued event per chunk').toEqual({
        events: targetCount / chunk,
        documents: targetCount,
      });
      expect(seen.notices, 'one notification per letter').toBe(targetCount);
      const [{ sentOnce }] = await queryRows<{ sentOnce: number }>(
        db,
        sql`select count(*)::int as "sentOnce" from events
             where kind = 'advice.campaign_sent' and entity_id = ${campaignId}`,
      );
      expect(Number(sentOnce), 'the campaign finished once').toBe(1);
      const chunks = await queryRows<{ from: number; to: number }>(
        db,
        sql`select (after ->> 'from')::int as "from", (after ->> 'to')::int as "to"
              from events where kind = 'advice.letters_sent' and entity_id = ${campaignId} order by seq`,
      );
      expect(
        chunks.map((c) => [Number(c.from), Number(c.to)]),
        'the chunks cover targets 1..20,000 in order, each once',
      ).toEqual(Array.from({ length: targetCount / chunk }, (_, i) => [i * chunk + 1, (i + 1) * chunk]));
      expect(seen.chain, JSON.stringify(seen.chain)).toMatchObject({ ok: true });
      const [ent] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(enterprises)
        .where(inArray(enterprises.industryCode, [industryCode]));
      expect(Number(ent.n)).toBe(targetCount);
    });
    mark('check the database after the restart');
    console.log(
      `${testEngine}: ${phases.map(([w, sec]) => `${w} ${sec.toFixed(1)} s`).join('; ')}; ` +
        `total ${phases.reduce((t, [, sec]) => t + sec, 0).toFixed(1)} s`,
    );
  },
  30 * 60_000,
);
