import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { adverseFacts } from './queries.js';

let ctx: TestContext;
let enterprise: BuiltEnterprise;
let bureau: ApiClient;
let fire: ApiClient;
let owner: ApiClient;
let yangyi: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  enterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
  fire = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'department_officer', unit: 'xf' }] }));
  owner = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: enterprise.id }] }),
  );
  yangyi = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'yangyi' }] }),
  );
});
afterAll(() => ctx.close());

describe('adverse records', () => {
  it('are entered by the bureau and departments with their source, and read by the enterprise and its subdistrict', async () => {
    const accident = await bureau.post('/api/accidents', {
      enterpriseId: enterprise.id,
      occurredOn: '2026-03-12',
      grade: 'general',
      deaths: 0,
      seriousInjuries: 1,
      directLoss: 180000,
      description: '冲床作业时右手受伤',
      source: '事故调查报告 鹿应急调〔2026〕2号',
    });
    expect(accident.statusCode, accident.body).toBe(201);
    const penalty = await fire.post('/api/penalties', {
      enterpriseId: enterprise.id,
      authority: '区消防救援大队',
      decisionNumber: '鹿消行罚决字〔2026〕0031号',
      decidedOn: '2026-05-20',
      violation: '占用、堵塞疏散通道',
      sanction: '罚款人民币五千元',
      workSafety: true,
      source: '行政处罚决定书',
    });
    expect(penalty.statusCode, penalty.body).toBe(201);
    expect(
      (
        await bureau.post('/api/dishonesty-listings', {
          enterpriseId: enterprise.id,
          listedBy: '温州市应急管理局',
          fromDate: '2026-06-01',
          reason: '瞒报事故',
          source: '失信名单公告',
        })
      ).statusCode,
    ).toBe(201);

    const mine = (await owner.get(`/api/enterprises/${enterprise.id}/adverse-records`)).json();
    expect(mine.accidents[0]).toMatchObject({
      seriousInjuries: 1,
      source: '事故调查报告 鹿应急调〔2026〕2号',
      sourceKind: 'entered',
    });
    expect(mine.penalties[0]).toMatchObject({ authority: '区消防救援大队', workSafety: true });
    expect(mine.dishonesty[0]).toMatchObject({ toDate: null });
    expect((await yangyi.get(`/api/enterprises/${enterprise.id}/adverse-records`)).json()).toEqual({
      accidents: [],
      penalties: [],
      dishonesty: [],
    });
    expect(await adverseFacts(ctx.db, enterprise.id)).toMatchObject({
      accidents: [{ occurredOn: '2026-03-12', seriousInjuries: 1 }],
      penalties: [{ workSafety: true }],
    });
  });

  it('refuses other roles, unknown enterprises, future dates and a listing that ends before it starts', async () => {
    const body = {
      enterpriseId: enterprise.id,
      occurredOn: '2026-03-12',
      grade: 'general',
      deaths: 0,
      seriousInjuries: 0,
      source: 'x',
    };
    expect((await owner.post('/api/accidents', body)).statusCode).toBe(403);
    expect(
      (
        await fire.post('/api/dishonesty-listings', {
          enterpriseId: enterprise.id,
          listedBy: 'x',
          fromDate: '2026-01-01',
          reason: 'x',
          source: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await bureau.post('/api/accidents', { ...body, enterpriseId: '00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
    const future = await bureau.post('/api/accidents', { ...body, occurredOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().code).toBe('RECORD_DATE_IN_FUTURE');
    const negative = await bureau.post('/api/accidents', { ...body, deaths: -1 });
    expect(negative.json().code).toBe('VALIDATION_FAILED');
    const reversed = await bureau.post('/api/dishonesty-listings', {
      enterpriseId: enterprise.id,
      listedBy: 'x',
      fromDate: '2026-06-01',
      toDate: '2026-01-01',
      reason: 'x',
      source: 'x',
    });
    expect(reversed.statusCode).toBe(400);
  });
});
