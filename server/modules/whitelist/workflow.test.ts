import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { fileFootwearStandard } from '../../../test/readiness-factories.js';
import { buildEnterprise } from '../../../test/registry-factories.js';
import { buildEligibleEnterprise, endNoticePeriod } from '../../../test/whitelist-factories.js';
import { chinaDate } from '../../../domain/readiness.js';
import { events } from '../../db/schema/platform.js';
import { publicNotices, whitelistApplications } from '../../db/schema/whitelist.js';
import { actorOfUser } from '../identity/queries.js';
import { openNotice } from './commands/notices.js';

let ctx: TestContext;
let bureau: ApiClient;
let reviewer: ApiClient;
let shuangyu: ApiClient;
let fire: ApiClient;
let market: ApiClient;
let fireId: string;
let marketId: string;
let bureauAdminId: string;
const today = chinaDate(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  await fileFootwearStandard(ctx);
  const admin = await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] });
  bureauAdminId = admin.id;
  bureau = await loginAs(ctx, admin);
  reviewer = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_reviewer', unit: 'yjj' }] }));
  shuangyu = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
  );
  fire = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'department_officer', unit: 'xf' }] }));
  market = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'department_officer', unit: 'scjg' }] }),
  );
  fireId = await ctx.unit('xf');
  marketId = await ctx.unit('scjg');
});
afterAll(() => ctx.close());

/** Apply, submit, collect, review and ask the fire brigade: an application waiting for its opinion. */
async function toOpinions(name?: string) {
  const { enterprise, client } = await buildEligibleEnterprise(ctx, { name });
  const created = await client.post('/api/whitelist/applications', { enterpriseId: enterprise.id });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  expect((await client.post(`/api/whitelist/applications/${id}/submit`)).statusCode).toBe(200);
  expect(
    (await shuangyu.post('/api/whitelist/batches', { applicationIds: [id], note: '第一批' })).statusCode,
  ).toBe(201);
  expect((await reviewer.post(`/api/whitelist/applications/${id}/review`)).statusCode).toBe(200);
  const asked = await reviewer.post(`/api/whitelist/applications/${id}/opinions`, {
    departmentIds: [fireId],
  });
  expect(asked.statusCode).toBe(200);
  return { enterprise, client, id };
}

async function bureauActor() {
  const actor = await actorOfUser(ctx.db, bureauAdminId);
  if (!actor) throw new Error('no bureau actor');
  return actor;
}

describe('the entry workflow', () => {
  it('takes an eligible enterprise from application to published entry with a plaque', async () => {
    const { enterprise, client, id } = await toOpinions();
    const detail = (await reviewer.get(`/api/whitelist/applications/${id}`)).json();
    expect(detail.status).toBe('opinions');
    expect(detail.eligibility.eligible).toBe(true);
    expect(detail.opinions).toHaveLength(1);
    expect(detail.opinions[0].deadline > today).toBe(true);

    const batches = (await shuangyu.get('/api/whitelist/batches')).json();
    expect(batches.items[0]).toMatchObject({
      count: 1,
      note: '第一批',
      createdByLabel: expect.stringContaining('('),
    });
    expect((await fire.get('/api/whitelist/batches')).json().total).toBe(0);

    // the department sees it in its inbox and agrees
    const inbox = (await fire.get('/api/whitelist/opinions?status=pending')).json();
    expect(inbox.items.map((o: { applicationId: string }) => o.applicationId)).toContain(id);
    const agreed = await fire.post(`/api/whitelist/applications/${id}/opinion`, { answer: 'agree' });
    expect(agreed.statusCode).toBe(200);
    expect(
      (await fire.post(`/api/whitelist/applications/${id}/opinion`, { answer: 'agree' })).json().code,
    ).toBe('WHITELIST_OPINION_ANSWERED');

    const notice = await bureau.post('/api/whitelist/notices', { applicationIds: [id] });
    expect(notice.statusCode).toBe(201);
    const n = notice.json();
    expect(n).toMatchObject({ startsOn: today, status: 'open', count: 1 });
    expect(n.number).toMatch(/公/);

    // the public sees it and files an objection; publishing waits for it
    const running = (await ctx.app.inject({ method: 'GET', url: '/api/public/notices' })).json();
    expect(running.find((x: { id: string }) => x.id === n.id).applications[0].id).toBe(id);
    const filed = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/notices/${n.id}/objections`,
      payload: {
        applicationId: id,
        name: '李四',
        contact: '13800000000',
        content: '该企业仓库堆放易燃物品，存在隐患',
      },
    });
    expect(filed.statusCode).toBe(201);
    const early = await bureau.post(`/api/whitelist/notices/${n.id}/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('WHITELIST_NOTICE_NOT_ENDED');
    await endNoticePeriod(ctx, n.id);
    expect((await bureau.post(`/api/whitelist/notices/${n.id}/publish`)).json().code).toBe(
      'WHITELIST_OBJECTION_OPEN',
    );

    const objectionId = filed.json().id as string;
    const dismissed = await bureau.post(`/api/whitelist/objections/${objectionId}/handle`, {
      decision: 'dismiss',
      reason: '经核查，物品已按规定存放',
    });
    expect(dismissed.statusCode).toBe(200);
    const published = await bureau.post(`/api/whitelist/notices/${n.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      entries: [{ enterpriseName: enterprise.name }],
    });

    const status = (await client.get(`/api/enterprises/${enterprise.id}/whitelist`)).json();
    expect(status.entry).toMatchObject({ status: 'active', enterpriseName: enterprise.name });
    expect(status.entry.plaque.verifyUrl).toMatch(/\/verify\//);
    expect(status.application.status).toBe('published');
    const listed = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/public/whitelist?q=${encodeURIComponent(enterprise.uscc)}`,
      })
    ).json();
    expect(listed.items).toHaveLength(1);

    // a second application while listed is refused
    expect(
      (await client.post('/api/whitelist/applications', { enterpriseId: enterprise.id })).json().code,
    ).toBe('WHITELIST_ALREADY_LISTED');

    // the history of the application shows every step in order
    const history = (await bureau.get(`/api/whitelist/applications/${id}`))
      .json()
      .history.map((h: { kind: string }) => h.kind);
    expect(history).toEqual([
      'whitelist.application_created',
      'whitelist.application_submitted',
      'whitelist.application_collected',
      'whitelist.review_started',
      'whitelist.opinions_requested',
      'whitelist.opinion_given',
      'whitelist.application_noticed',
      'whitelist.application_published',
    ]);
  });

  it('counts a notice across the 2026 National Day holiday by the official calendar', async () => {
    const { id } = await toOpinions();
    await fire.post(`/api/whitelist/applications/${id}/opinion`, { answer: 'agree' });
    // published on Tuesday 29 September 2026: 30 Sep, 8 Oct, 9 Oct, Saturday 10 Oct (a make-up workday), 12 Oct
    const noticeId = await openNotice(
      ctx.db,
      await bureauActor(),
      { applicationIds: [id] },
      new Date('2026-09-29T09:00:00+08:00'),
    );
    const [notice] = await ctx.db.select().from(publicNotices).where(eq(publicNotices.id, noticeId));
    expect(notice).toMatchObject({ startsOn: '2026-09-29', endsOn: '2026-10-12', endsEstimated: false });
  });

  it('refuses an application for each unmet condition, naming it', async () => {
    const e = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
    const client = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] }),
    );
    const refused = await client.post('/api/whitelist/applications', { enterpriseId: e.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'WHITELIST_NOT_ELIGIBLE' });
    expect(refused.json().failed).toEqual(['commitment', 'selfInspection', 'confirmation']);
    expect(refused.json().detail).toContain('承诺');
    const rows = await ctx.db
      .select()
      .from(whitelistApplications)
      .where(eq(whitelistApplications.enterpriseId, e.id));
    expect(rows).toHaveLength(0);
  });

  it('lets one of two reviewers acting at once win; the other gets a conflict', async () => {
    const { enterprise, client } = await buildEligibleEnterprise(ctx);
    const id = (await client.post('/api/whitelist/applications', { enterpriseId: enterprise.id })).json().id;
    await client.post(`/api/whitelist/applications/${id}/submit`);
    await shuangyu.post('/api/whitelist/batches', { applicationIds: [id] });
    const [a, b] = await Promise.all([
      reviewer.post(`/api/whitelist/applications/${id}/review`),
      bureau.post(`/api/whitelist/applications/${id}/review`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('WHITELIST_TRANSITION');
    const started = await ctx.db.select().from(events).where(eq(events.entityId, id));
    expect(started.filter((e) => e.kind === 'whitelist.review_started')).toHaveLength(1);
  });

  it('refuses an opinion after its deadline, from a department not asked, and notice while one objects', async () => {
    const { id } = await toOpinions();
    // a department that was not asked cannot even see the application
    expect(
      (await market.post(`/api/whitelist/applications/${id}/opinion`, { answer: 'agree' })).statusCode,
    ).toBe(404);
    // an objection needs its reasons, and stops the notice
    expect(
      (await fire.post(`/api/whitelist/applications/${id}/opinion`, { answer: 'object' })).json().code,
    ).toBe('WHITELIST_REASON_REQUIRED');
    await fire.post(`/api/whitelist/applications/${id}/opinion`, {
      answer: 'object',
      reason: '消防验收未通过',
    });
    expect((await bureau.post('/api/whitelist/notices', { applicationIds: [id] })).json().code).toBe(
      'WHITELIST_OPINIONS_OPEN',
    );
    // asked again with a deadline already passed: too late
    await reviewer.post(`/api/whitelist/applications/${id}/opinions`, { departmentIds: [marketId] });
    await ctx.db.execute(
      `update whitelist_opinions set deadline = '2020-01-01' where application_id = '${id}' and status = 'pending'` as never,
    );
    const late = await market.post(`/api/whitelist/applications/${id}/opinion`, { answer: 'agree' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('WHITELIST_OPINION_DEADLINE_PASSED');
  });

  it('limits objections from one address and refuses a duplicate', async () => {
    const { id } = await toOpinions();
    await fire.post(`/api/whitelist/applications/${id}/opinion`, { answer: 'agree' });
    const notice = (await bureau.post('/api/whitelist/notices', { applicationIds: [id] })).json();
    const file = (content: string, contact = '13900000000') =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/public/notices/${notice.id}/objections`,
        remoteAddress: '203.0.113.9',
        payload: { applicationId: id, name: '王五', contact, content },
      });
    expect((await file('第一条异议内容，请核查')).statusCode).toBe(201);
    expect((await file('第一条异议内容，请核查')).json().code).toBe('WHITELIST_OBJECTION_DUPLICATE');
    const codes: number[] = [];
    for (let i = 0; i < 6; i += 1)
      codes.push((await file(`第 ${i} 条不同的异议内容`, `1390000000${i}`)).statusCode);
    expect(codes).toContain(429);
    expect(codes.filter((c) => c === 201)).toHaveLength(4);
    // a bad body is a 400 and writes nothing
    const bad = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/notices/${notice.id}/objections`,
      payload: { applicationId: id, name: '', contact: '1', content: '短' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
