import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildEnterprise, uniqueUscc } from '../../../test/registry-factories.js';
import { usccCheckChar } from '../../../domain/uscc.js';
import { buildAgency, buildEngagement } from '../../../test/agency-factories.js';

let ctx: TestContext;
let bureau: ApiClient;
let shuangyu: ApiClient;
let yangyi: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
  shuangyu = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
  );
  yangyi = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'yangyi' }] }),
  );
});
afterAll(() => ctx.close());

async function body(over: Record<string, unknown> = {}) {
  return {
    uscc: uniqueUscc(),
    name: '温州市鹿城区双屿红蜻蜓鞋业有限公司',
    legalRepresentative: '王五',
    subdistrictId: await ctx.unit('shuangyu'),
    industryCode: '1952',
    scale: 'small',
    employeeCount: 85,
    ...over,
  };
}

describe('registering an enterprise', () => {
  it('lets the bureau register anywhere and writes an event', async () => {
    const res = await bureau.post(
      '/api/enterprises',
      await body({ subdistrictId: await ctx.unit('yangyi') }),
    );
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      subdistrictName: '仰义街道',
      industryName: '皮鞋制造',
      operatingStatus: 'operating',
      abilities: { update: true },
    });
    const events = await bureau.get(`/api/audit/events?entityType=enterprise&entityId=${e.id}`);
    expect(events.json().items.map((i: { kind: string }) => i.kind)).toEqual(['enterprise.created']);
  });

  it('lets a subdistrict officer register only in its own subdistrict', async () => {
    expect((await shuangyu.post('/api/enterprises', await body())).statusCode).toBe(201);
    const other = await shuangyu.post(
      '/api/enterprises',
      await body({ subdistrictId: await ctx.unit('yangyi') }),
    );
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('ENTERPRISE_OUTSIDE_SUBDISTRICT');
  });

  it('refuses an enterprise user or a department officer', async () => {
    const e = await buildEnterprise(ctx);
    const ent = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] }),
    );
    expect((await ent.post('/api/enterprises', await body())).statusCode).toBe(403);
  });

  const good = uniqueUscc();
  const first17 = good.slice(0, 17);
  it.each([
    ['USCC_LENGTH', good.slice(0, 16)],
    ['USCC_CHARSET', `${good.slice(0, 10)}O${good.slice(11)}`],
    ['USCC_AUTHORITY', `B${good.slice(1, 17)}${usccCheckChar(`B${good.slice(1, 17)}`)}`],
    ['USCC_CATEGORY', `95${good.slice(2, 17)}${usccCheckChar(`95${good.slice(2, 17)}`)}`],
    ['USCC_DIVISION', `91X${good.slice(3, 17)}${usccCheckChar(`91X${good.slice(3, 17)}`)}`],
    ['USCC_ORG_CODE_CHECK', `${first17.slice(0, 16)}${first17[16] === '1' ? '2' : '1'}`],
    ['USCC_CHECK_DIGIT', `${first17}${good[17] === '0' ? '1' : '0'}`],
  ])('names the broken USCC rule %s', async (code, uscc) => {
    const finalUscc = code === 'USCC_ORG_CODE_CHECK' ? uscc + usccCheckChar(uscc) : uscc;
    const res = await bureau.post('/api/enterprises', await body({ uscc: finalUscc }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code, errors: [{ field: 'body/uscc', code }] });
  });

  it('refuses a duplicate USCC, an unknown industry and a foreign subdistrict id', async () => {
    const existing = await buildEnterprise(ctx);
    const dup = await bureau.post('/api/enterprises', await body({ uscc: existing.uscc }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ENTERPRISE_USCC_TAKEN');
    const industry = await bureau.post('/api/enterprises', await body({ industryCode: '9999' }));
    expect(industry.json()).toMatchObject({
      code: 'INDUSTRY_UNKNOWN',
      errors: [{ field: 'body/industryCode' }],
    });
    const sub = await bureau.post('/api/enterprises', await body({ subdistrictId: await ctx.unit('yjj') }));
    expect(sub.json().code).toBe('SUBDISTRICT_UNKNOWN');
  });

  it('refuses a host chain that loops and an enterprise hosting itself', async () => {
    const a = await buildEnterprise(ctx);
    const b = await buildEnterprise(ctx, { hostEnterpriseId: a.id });
    const loop = await bureau.patch(`/api/enterprises/${a.id}`, { hostEnterpriseId: b.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().code).toBe('HOST_CHAIN_LOOP');
    const self = await bureau.patch(`/api/enterprises/${a.id}`, { hostEnterpriseId: a.id });
    expect(self.json().code).toBe('HOST_SELF');
    const detail = await bureau.get(`/api/enterprises/${a.id}`);
    expect(detail.json().tenants.map((t: { id: string }) => t.id)).toEqual([b.id]);
  });
});

describe('editing', () => {
  it('records only what changed, and nothing when nothing changed', async () => {
    const created = (await bureau.post('/api/enterprises', await body())).json();
    const res = await bureau.patch(`/api/enterprises/${created.id}`, {
      employeeCount: 120,
      name: created.name,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().employeeCount).toBe(120);
    await bureau.patch(`/api/enterprises/${created.id}`, { employeeCount: 120 });
    const events = (await bureau.get(`/api/audit/events?entityType=enterprise&entityId=${created.id}`)).json()
      .items;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['enterprise.updated', 'enterprise.created']);
    expect(events[0].after.fields).toEqual({ employeeCount: 120 });
    expect(events[0].before.fields).toEqual({ employeeCount: 85 });
  });

  it('clears the employee count with null, and keeps 0 as 0', async () => {
    const created = (await bureau.post('/api/enterprises', await body())).json();
    const cleared = await bureau.patch(`/api/enterprises/${created.id}`, { employeeCount: null });
    expect(cleared.json().employeeCount).toBeNull();
    const zero = await bureau.patch(`/api/enterprises/${created.id}`, { employeeCount: 0 });
    expect(zero.json().employeeCount).toBe(0);
  });

  it('lets the enterprise edit its contacts but nothing else', async () => {
    const e = await buildEnterprise(ctx);
    const ent = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] }),
    );
    expect(
      (
        await ent.patch(`/api/enterprises/${e.id}`, {
          safetyManagerName: '李四',
          safetyManagerPhone: '13800000000',
        })
      ).statusCode,
    ).toBe(200);
    expect((await ent.patch(`/api/enterprises/${e.id}`, { name: '改名' })).statusCode).toBe(403);
  });

  it('does not let a subdistrict officer edit or even see another subdistrict’s enterprise', async () => {
    const e = await buildEnterprise(ctx, { subdistrict: 'yangyi' });
    expect((await shuangyu.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
    expect((await shuangyu.patch(`/api/enterprises/${e.id}`, { employeeCount: 3 })).statusCode).toBe(404);
    expect((await yangyi.get(`/api/enterprises/${e.id}`)).statusCode).toBe(200);
  });
});

describe('listing and search', () => {
  it('scopes the list to the actor and searches partial Chinese names', async () => {
    const inShuangyu = await buildEnterprise(ctx, { name: '温州市鹿城区独一无二皮革制品厂' });
    const inYangyi = await buildEnterprise(ctx, {
      subdistrict: 'yangyi',
      name: '温州市鹿城区独一无二眼镜厂',
      industryCode: '3587',
    });
    const search = (c: ApiClient, q: string) => c.get(`/api/enterprises?q=${encodeURIComponent(q)}`);
    const all = (await search(bureau, '独一无二')).json();
    expect(all.items.map((i: { id: string }) => i.id).sort()).toEqual([inShuangyu.id, inYangyi.id].sort());
    const mine = (await search(shuangyu, '独一无二')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([inShuangyu.id]);
    expect(mine.total).toBe(1);
    const byUscc = (await search(bureau, inYangyi.uscc.slice(0, 12))).json();
    expect(byUscc.items.map((i: { id: string }) => i.id)).toContain(inYangyi.id);
    const ent = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: inYangyi.id }] }),
    );
    expect(
      (await ent.get('/api/enterprises?pageSize=200')).json().items.map((i: { id: string }) => i.id),
    ).toEqual([inYangyi.id]);
  });

  it('filters by industry prefix, subdistrict and status', async () => {
    const glasses = await buildEnterprise(ctx, { subdistrict: 'fengmen', industryCode: '3587' });
    const res = (
      await bureau.get(
        `/api/enterprises?industryCode=358&subdistrictId=${await ctx.unit('fengmen')}&status=operating`,
      )
    ).json();
    expect(res.items.map((i: { id: string }) => i.id)).toEqual([glasses.id]);
  });

  it('gives a user with no binding an empty list, not an error', async () => {
    const nobody = await loginAs(ctx, await buildUser(ctx));
    expect((await nobody.get('/api/enterprises')).json()).toEqual({ total: 0, items: [] });
  });
});

describe('agency users (engaged scope)', () => {
  it('see exactly the enterprises that engage them, and only while the engagement is active', async () => {
    const agency = await buildAgency(ctx);
    const user = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'agency_user', unit: agency.id }] }),
    );
    const engaged = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
    const requested = await buildEnterprise(ctx, { subdistrict: 'yangyi' });
    const ended = await buildEnterprise(ctx, { subdistrict: 'yangyi' });
    const notEngaged = await buildEnterprise(ctx);
    await buildEngagement(ctx, { enterpriseId: engaged.id, agencyId: agency.id });
    await buildEngagement(ctx, { enterpriseId: requested.id, agencyId: agency.id, status: 'requested' });
    await buildEngagement(ctx, { enterpriseId: ended.id, agencyId: agency.id, status: 'ended' });

    const list = (await user.get('/api/enterprises?pageSize=200')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([engaged.id]);
    expect((await user.get(`/api/enterprises/${engaged.id}`)).statusCode).toBe(200);
    for (const e of [requested, ended, notEngaged])
      expect((await user.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
    // reading is not editing
    expect((await user.patch(`/api/enterprises/${engaged.id}`, { contactName: '机构' })).statusCode).toBe(
      404,
    );
  });
});
