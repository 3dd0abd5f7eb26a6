import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../../domain/readiness.js';
import { adviceLetters, documents, enterprises, whitelistExits } from '../../db/schema/index.js';
import { queryRows } from '../../platform/db/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import {
  countRows,
  enforcementStaff,
  enterpriseWithUser,
  inspect,
  violationTypeId,
} from '../../../test/enforcement-factories.js';
import { buildEnterprise, uniqueUscc } from '../../../test/registry-factories.js';
import { fileFootwearStandard } from '../../../test/readiness-factories.js';
import { buildListedEnterprise, whitelistStaff } from '../../../test/whitelist-factories.js';
import { sendCampaignChunk, sweepAdvice } from './index.js';
import { SEND_CHUNK } from './commands/send-campaign.js';

let ctx: TestContext;
let staff: Awaited<ReturnType<typeof enforcementStaff>>;
const today = chinaDate(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await enforcementStaff(ctx);
  const set = await staff.bureauAdmin.put('/api/settings/advice.frequencyThreshold', {
    value: 3,
    reason: '测试',
  });
  expect(set.statusCode, set.body).toBe(200);
});
afterAll(() => ctx.close());

/** The document sequences of the letters: one range with no gap and no repeat. */
async function expectContiguous(campaignId: string) {
  const [r] = await queryRows<{ n: number; lo: number; hi: number; distinct: number }>(
    ctx.db,
    sql`select count(*)::int as n, min(d.sequence)::int as lo, max(d.sequence)::int as hi,
               count(distinct d.sequence)::int as distinct
        from advice_letters l join documents d on d.id = l.document_id where l.campaign_id = ${campaignId}`,
  );
  expect(r.distinct).toBe(r.n);
  expect(r.hi - r.lo + 1).toBe(r.n);
  return r.n;
}

describe('a frequent violation', () => {
  let campaignId: string;
  const plastic: string[] = [];

  it('proposes one campaign to its industry when it reaches the threshold within the window', async () => {
    const subdistricts = ['danan', 'puxieshi', 'nanjiao', 'wuma'];
    for (const s of subdistricts)
      plastic.push((await buildEnterprise(ctx, { subdistrict: s, industryCode: '1953' })).id);
    // not targets: another industry, and a closed enterprise of the industry
    await buildEnterprise(ctx, { subdistrict: 'danan', industryCode: '1954' });
    const closed = await buildEnterprise(ctx, { subdistrict: 'danan', industryCode: '1953' });
    await ctx.db.update(enterprises).set({ operatingStatus: 'closed' }).where(eq(enterprises.id, closed.id));

    expect((await inspect(ctx, staff.officer, plastic[0], ['AQF-30'], today)).proposedCampaignIds).toEqual(
      [],
    );
    expect((await inspect(ctx, staff.officer, plastic[1], ['AQF-30'], today)).proposedCampaignIds).toEqual(
      [],
    );
    const third = await inspect(ctx, staff.officer, plastic[2], ['AQF-30'], today);
    expect(third.proposedCampaignIds).toHaveLength(1);
    campaignId = third.proposedCampaignIds[0];
    // a fourth occurrence does not propose a second campaign while this one is live
    expect((await inspect(ctx, staff.officer, plastic[3], ['AQF-30'], today)).proposedCampaignIds).toEqual(
      [],
    );

    const campaign = (await staff.bureauAdmin.get(`/api/advice/campaigns/${campaignId}`)).json();
    expect(campaign).toMatchObject({
      status: 'proposed',
      origin: 'frequency',
      scopeType: 'industry',
      scopeValue: '1953',
      triggerCount: 3,
      windowDays: 30,
      abilities: { approve: true, reject: true, close: false },
    });
    expect(campaign.reason).toContain('塑料鞋制造行业');
    expect(campaign.items.length).toBeGreaterThan(0);
    const notes = (await staff.bureauAdmin.get('/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain(`/advice/campaigns/${campaignId}`);
  });

  it('is approved by the bureau only, and its letters go to every enterprise of the scope in business', async () => {
    const reviewer = await staff.bureauReviewer.post(`/api/advice/campaigns/${campaignId}/approve`);
    expect(reviewer.statusCode).toBe(403);
    // another department does not see the bureau's campaign
    expect((await staff.fireStaff.get(`/api/advice/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect((await staff.shuangyu.get('/api/advice/campaigns')).json().total).toBe(0);

    const approved = await staff.bureauAdmin.post(`/api/advice/campaigns/${campaignId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'sending', targetCount: 4, sentCount: 0 });
    expect(approved.json().replyBy > today).toBe(true);
    const again = await staff.bureauAdmin.post(`/api/advice/campaigns/${campaignId}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ADVICE_CAMPAIGN_TRANSITION');

    await ctx.jobs.drain();
    const sent = (await staff.bureauAdmin.get(`/api/advice/campaigns/${campaignId}`)).json();
    expect(sent).toMatchObject({ status: 'sent', sentCount: 4, targetCount: 4 });
    const job = (await staff.bureauAdmin.get(`/api/jobs/${sent.jobId}`)).json();
    expect(job).toMatchObject({ status: 'done', progressDone: 4, progressTotal: 4 });
    expect(await expectContiguous(campaignId)).toBe(4);
    const letters = await ctx.db.select().from(adviceLetters).where(eq(adviceLetters.campaignId, campaignId));
    expect(new Set(letters.map((l) => l.enterpriseId))).toEqual(new Set(plastic));
    // the documents carry no stored PDF hash: they render from the snapshot when read
    const [doc] = await ctx.db.select().from(documents).where(eq(documents.id, letters[0].documentId));
    expect(doc).toMatchObject({ kind: 'advice_letter', pdfSha256: null, subjectType: 'advice_letter' });

    // the industry is now a hot spot: its enterprises are focus enterprises, seen within each reader's scope
    const focus = (await staff.bureauAdmin.get('/api/enforcement/focus?pageSize=50')).json();
    const hot = focus.items.filter((f: { enterpriseId: string }) => plastic.includes(f.enterpriseId));
    expect(hot).toHaveLength(4);
    expect(hot.every((f: { hotSpots: number; score: number }) => f.hotSpots === 1 && f.score >= 1)).toBe(
      true,
    );
    expect((await staff.yangyi.get('/api/enforcement/focus')).json().total).toBe(0);
  });
});

describe('sending a large campaign', () => {
  it('resumes after the last committed chunk: no duplicate, no missing letter, no gap in numbers', async () => {
    const subdistrictId = await ctx.unit('tengqiao');
    const total = SEND_CHUNK * 2 + 37;
    const rows = Array.from({ length: total }, (_, i) => ({
      id: randomUUID(),
      jurisdictionId: ctx.jurisdictionId,
      uscc: uniqueUscc(),
      name: `温州藤桥批量测试企业${i}`,
      legalRepresentative: '王五',
      subdistrictId,
      industryCode: '2927',
      scale: 'micro' as const,
      employeeCount: 8,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await ctx.db.insert(enterprises).values(rows.slice(i, i + 500));
    const proposed = await staff.fireStaff.post('/api/advice/campaigns', {
      violationTypeId: await violationTypeId(ctx, 'AQF-42'),
      scopeType: 'subdistrict',
      scopeValue: subdistrictId,
      reason: '藤桥镇近期多起火灾隐患涉及疏散通道堵塞',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json().id;
    expect(proposed.json()).toMatchObject({
      origin: 'manual',
      departmentName: '区消防救援大队',
      scopeLabel: '藤桥镇',
    });
    const duplicate = await staff.fireStaff.post('/api/advice/campaigns', {
      violationTypeId: await violationTypeId(ctx, 'AQF-42'),
      scopeType: 'subdistrict',
      scopeValue: subdistrictId,
      reason: '重复',
    });
    expect(duplicate.json().code).toBe('ADVICE_CAMPAIGN_LIVE');
    expect((await staff.bureauAdmin.post(`/api/advice/campaigns/${id}/approve`)).statusCode).toBe(200);

    // two chunks commit, then the job (as after a restart) carries on from where they ended
    expect(await sendCampaignChunk(ctx.db, id)).toMatchObject({ sent: SEND_CHUNK, done: false });
    expect(await sendCampaignChunk(ctx.db, id)).toMatchObject({ sent: SEND_CHUNK * 2, done: false });
    await ctx.jobs.drain();
    const campaign = (await staff.fireStaff.get(`/api/advice/campaigns/${id}`)).json();
    expect(campaign).toMatchObject({ status: 'sent', sentCount: total, targetCount: total });
    expect(await expectContiguous(id)).toBe(total);
    const [{ n }] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(distinct enterprise_id)::int as n from advice_letters where campaign_id = ${id}`,
    );
    expect(n).toBe(total);
    // the subdistrict sees the letters of its area, the fire brigade those it sent
    expect((await staff.fireStaff.get(`/api/advice/letters?campaignId=${id}&pageSize=1`)).json().total).toBe(
      total,
    );
    expect((await staff.yangyi.get(`/api/advice/letters?campaignId=${id}`)).json().total).toBe(0);
  });
});

describe('deadlines', () => {
  it('make unanswered letters overdue, close the campaign, and put a listed enterprise up for exit', async () => {
    await fileFootwearStandard(ctx);
    const wl = await whitelistStaff(ctx);
    const listed = await buildListedEnterprise(ctx, wl);
    await inspect(ctx, staff.officer, listed.enterprise.id, ['AQF-28'], today);
    const { client: answering, enterprise: answered } = await enterpriseWithUser(ctx, {
      subdistrict: 'shuangyu',
    });
    await inspect(ctx, staff.officer, answered.id, ['AQF-28'], today);
    const [mine] = await ctx.db
      .select()
      .from(adviceLetters)
      .where(eq(adviceLetters.enterpriseId, answered.id));
    expect(
      (await answering.post(`/api/advice/letters/${mine.id}/reply`, { reply: '已组织全员培训' })).statusCode,
    ).toBe(200);

    const later = new Date(`${addDays(mine.replyBy, 1)}T02:00:00Z`);
    const result = await sweepAdvice(ctx.db, later);
    expect(result.overdue).toBeGreaterThan(0);
    const [late] = await ctx.db
      .select()
      .from(adviceLetters)
      .where(eq(adviceLetters.enterpriseId, listed.enterprise.id));
    expect(late.status).toBe('overdue');
    expect((await ctx.db.select().from(adviceLetters).where(eq(adviceLetters.id, mine.id)))[0].status).toBe(
      'replied',
    );
    const exits = await ctx.db
      .select()
      .from(whitelistExits)
      .where(
        and(eq(whitelistExits.enterpriseId, listed.enterprise.id), eq(whitelistExits.status, 'proposed')),
      );
    expect(exits.map((x) => x.reason)).toContain('refused_rectification');
    // ignoring the letter makes it a focus enterprise, ranked by its weight; the one that answered is not there for it
    const focus = (await staff.bureauAdmin.get('/api/enforcement/focus?pageSize=200')).json();
    const ignoring = focus.items.find(
      (f: { enterpriseId: string }) => f.enterpriseId === listed.enterprise.id,
    );
    expect(ignoring).toMatchObject({ overdueLetters: 1 });
    expect(ignoring.score).toBeGreaterThanOrEqual(3);
    const scores = focus.items.map((f: { score: number }) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(
      focus.items.find((f: { enterpriseId: string }) => f.enterpriseId === answered.id)?.overdueLetters ?? 0,
    ).toBe(0);
    // every campaign whose deadline passed is closed
    expect(await countRows(ctx, "advice_campaigns where status = 'sent'")).toBe(0);
    // a late reply is still taken, flagged late
    const reply = await listed.client.post(`/api/advice/letters/${late.id}/reply`, {
      reply: '已补充培训记录',
    });
    expect(reply.json()).toMatchObject({ status: 'replied', repliedLate: true });
    // the sweep is idempotent
    expect((await sweepAdvice(ctx.db, later)).overdue).toBe(0);
  });

  it('rejects a proposal with reasons; bad proposals are refused with stable codes', async () => {
    const type = await violationTypeId(ctx, 'YXKJ-13');
    const propose = (body: Record<string, unknown>) =>
      staff.fireStaff.post('/api/advice/campaigns', {
        violationTypeId: type,
        scopeType: 'industry',
        scopeValue: '1952',
        reason: '有限空间作业风险提示',
        ...body,
      });
    expect((await propose({ scopeValue: '9999' })).json().code).toBe('ADVICE_SCOPE_UNKNOWN');
    expect((await propose({ scopeType: 'subdistrict', scopeValue: randomUUID() })).statusCode).toBe(422);
    expect((await propose({ reason: '' })).statusCode).toBe(400);
    expect(
      (
        await staff.shuangyu.post('/api/advice/campaigns', {
          violationTypeId: type,
          scopeType: 'industry',
          scopeValue: '1952',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const created = await propose({});
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(
      (await staff.bureauAdmin.post(`/api/advice/campaigns/${id}/reject`, { reason: '' })).statusCode,
    ).toBe(400);
    const rejected = await staff.bureauAdmin.post(`/api/advice/campaigns/${id}/reject`, {
      reason: '已在专项行动中覆盖',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: '已在专项行动中覆盖' });
    // once rejected, the same type and scope may be proposed again
    expect((await propose({})).statusCode).toBe(201);
  });
});
