/**
 * Sending an advice campaign (合规建议书批次) to a whole industry: N operating enterprises (default 20,000,
 * `--letters N`) in an industry class that has none yet, a campaign proposed and approved through the API, then the
 * `advice.campaign.send` job run by the job runner until every letter is issued (chunks of 500 per transaction,
 * each letter a numbered document, a letter row and a notification). Prints letters per second, the time the
 * approval takes to freeze the targets, chunk times, and the longest the event loop was held (what a request waits
 * on PGlite, where queries run in the server's own thread).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { and, eq, sql } from 'drizzle-orm';
import { enterprises, units } from '../server/db/schema/index.js';
import { demoUscc } from '../server/demo/names.js';
import { queryRows } from '../server/platform/db/client.js';
import { benchApp, percentile, withPeakRss } from './harness.js';

export async function benchCampaignSend(letters: number) {
  const env = await benchApp();
  try {
    const { db } = env.database;
    const unit = async (code: string) =>
      (
        await db
          .select()
          .from(units)
          .where(and(eq(units.jurisdictionId, env.jurisdictionId), eq(units.code, code)))
      )[0];
    const bureau = await unit('yjj');
    const subdistrict = await unit('shuangyu');
    // a class (4 digits) with no enterprise yet, so the campaign writes to exactly the bench's (DATABASE_URL may
    // point at a database used before)
    const [free] = await queryRows<{ code: string }>(
      db,
      sql`select i.code from industries i
           where length(i.code) = 4
             and not exists (select 1 from enterprises e where e.industry_code like i.code || '%')
           order by i.code desc limit 1`,
    );
    if (!free) throw new Error('no industry class without enterprises');
    const [{ n: existing }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from enterprises`,
    );
    const seedStart = performance.now();
    await db.transaction(async (tx) => {
      for (let i = 0; i < letters; i += 1000) {
        await tx.insert(enterprises).values(
          Array.from({ length: Math.min(1000, letters - i) }, (_, k) => {
            const n = i + k;
            return {
              jurisdictionId: env.jurisdictionId,
              uscc: demoUscc(7_000_000 + Number(existing) + n),
              name: `温州建议书基准测试有限公司${n + 1}`,
              legalRepresentative: '陈六',
              registeredAddress: `温州市鹿城区双屿街道某路 ${n + 1} 号`,
              subdistrictId: subdistrict.id,
              industryCode: free.code,
              scale: 'small' as const,
              operatingStatus: 'operating' as const,
            };
          }),
        );
      }
    });
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const session = await env.login('bureau_admin', bureau.id);
    const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await env.app.inject({
        method,
        url,
        headers: { cookie: session.cookie, ...(method === 'POST' ? { 'x-csrf-token': session.csrf } : {}) },
        payload: payload as object | undefined,
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Record<string, unknown>;
    };
    const [type] = (await call('GET', '/api/violation-types')) as unknown as { id: string }[];
    const campaign = await call('POST', '/api/advice/campaigns', {
      violationTypeId: type.id,
      scopeType: 'industry',
      scopeValue: free.code,
      reason: '基准测试：同类违法行为多发',
    });
    const approveStart = performance.now();
    const approved = await call('POST', `/api/advice/campaigns/${String(campaign.id)}/approve`);
    const approveSeconds = (performance.now() - approveStart) / 1000;

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const { result: sendMs, peakRssMb } = await withPeakRss(async () => {
      const t = performance.now();
      await env.jobs.drain();
      return performance.now() - t;
    });
    loop.disable();
    const sent = await call('GET', `/api/advice/campaigns/${String(campaign.id)}`);
    if (sent.status !== 'sent' || sent.sentCount !== letters) {
      throw new Error(`campaign not sent: ${JSON.stringify(sent)}`);
    }
    // each chunk's event is stamped when the chunk starts: the gaps are the chunk times
    const starts = await queryRows<{ at: string | Date }>(
      db,
      sql`select at from events where kind = 'advice.letters_sent' and entity_id = ${String(campaign.id)}
           order by seq`,
    );
    const chunkMs = starts
      .slice(1)
      .map((s, i) => new Date(s.at).getTime() - new Date(starts[i].at).getTime());
    // close it, so that a later run on the same PostgreSQL database may propose again
    await call('POST', `/api/advice/campaigns/${String(campaign.id)}/close`);
    return {
      bench: 'advice campaign send',
      engine: env.database.engine,
      letters,
      industry: free.code,
      seedEnterprisesSeconds: +seedSeconds.toFixed(1),
      approveSeconds: +approveSeconds.toFixed(2),
      targetCount: approved.targetCount,
      sendSeconds: +(sendMs / 1000).toFixed(1),
      lettersPerSecond: Math.round(letters / (sendMs / 1000)),
      chunks: starts.length,
      chunkP50Ms: chunkMs.length > 0 ? Math.round(percentile(chunkMs, 50)) : null,
      chunkP95Ms: chunkMs.length > 0 ? Math.round(percentile(chunkMs, 95)) : null,
      eventLoopMaxBlockMs: Math.round(loop.max / 1e6),
      peakRssMb,
    };
  } finally {
    await env.close();
  }
}
