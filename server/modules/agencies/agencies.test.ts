import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildAgency } from '../../../test/agency-factories.js';
import { buildEnterprise, uniqueUscc } from '../../../test/registry-factories.js';

let ctx: TestContext;
let bureau: ApiClient;
let reviewer: ApiClient;
let admin: ApiClient;
let enterpriseUser: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
  reviewer = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_reviewer', unit: 'yjj' }] }));
  admin = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'system_admin' }] }));
  const e = await buildEnterprise(ctx);
  enterpriseUser = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] }),
  );
});
afterAll(() => ctx.close());

const body = (over: Record<string, unknown> = {}) => ({
  name: '温州安信安全技术服务有限公司',
  uscc: uniqueUscc(),
  kinds: ['confirmation', 'social_service'],
  grade: 'B',
  gradeValidUntil: '2027-06-30',
  contactName: '陈工',
  contactPhone: '0577-88001234',
  ...over,
});

async function events(id: string) {
  const res = await bureau.get(`/api/audit/events?entityId=${id}`);
  return res.json().items.map((i: { kind: string }) => i.kind);
}

describe('the agency register', () => {
  it('lets the bureau administrator register an agency, with an event', async () => {
    const res = await bureau.post('/api/agencies', body({ uscc: ` ${uniqueUscc().toLowerCase()} ` }));
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      status: 'active',
      grade: 'B',
      kinds: ['confirmation', 'social_service'],
      abilities: { update: true, suspend: true, reinstate: false },
    });
    expect(a.uscc).toMatch(/^[0-9A-Z]{18}$/);
    expect(await events(a.id)).toEqual(['agency.created']);
  });

  it('refuses a duplicate USCC with 409 and writes nothing', async () => {
    const uscc = uniqueUscc();
    expect((await bureau.post('/api/agencies', body({ uscc }))).statusCode).toBe(201);
    const again = await bureau.post('/api/agencies', body({ uscc, name: '另一家公司' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('AGENCY_USCC_TAKEN');
    const list = (await bureau.get(`/api/agencies?q=${uscc}`)).json();
    expect(list.total).toBe(1);
  });

  it.each([
    ['a grade off the scale', { grade: 'AAA' }, 400, 'AGENCY_GRADE_UNKNOWN'],
    ['a bad check digit', { uscc: '91330302MA2AXXXXX1' }, 400, undefined],
    ['no kinds', { kinds: [] }, 400, 'VALIDATION_FAILED'],
    ['an unknown kind', { kinds: ['insurer'] }, 400, 'VALIDATION_FAILED'],
    ['a date that does not exist', { gradeValidUntil: '2027-02-30' }, 400, 'AGENCY_DATE_INVALID'],
    ['an unknown field', { status: 'blacklisted' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_, over, status, code) => {
    const res = await bureau.post('/api/agencies', body(over));
    expect(res.statusCode).toBe(status);
    if (code) expect(res.json().code).toBe(code);
    else expect(res.json().code).toMatch(/^USCC_/);
  });

  it('follows the jurisdiction’s grade scale setting', async () => {
    const set = await admin.put('/api/settings/agencies.gradeScale', {
      value: ['甲', '乙', '丙'],
      reason: '测试',
    });
    expect(set.statusCode).toBe(200);
    expect((await bureau.get('/api/agencies/grade-scale')).json().grades).toEqual(['甲', '乙', '丙']);
    expect((await bureau.post('/api/agencies', body({ grade: '乙' }))).statusCode).toBe(201);
    expect((await bureau.post('/api/agencies', body({ grade: 'B' }))).json().code).toBe(
      'AGENCY_GRADE_UNKNOWN',
    );
    await admin.put('/api/settings/agencies.gradeScale', { value: ['A', 'B', 'C'], reason: '恢复' });
    expect(
      (await admin.put('/api/settings/agencies.gradeScale', { value: [], reason: 'x' })).statusCode,
    ).toBe(400);
  });

  it('refuses create and edit to everyone but the bureau administrator (403)', async () => {
    const a = await buildAgency(ctx);
    for (const who of [reviewer, admin, enterpriseUser]) {
      const res = await who.post('/api/agencies', body());
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect((await who.patch(`/api/agencies/${a.id}`, { grade: 'A' })).statusCode).toBe(403);
      expect((await who.post(`/api/agencies/${a.id}/suspend`, {})).statusCode).toBe(403);
    }
  });

  it('edits only what changed, with an event of the differences', async () => {
    const a = (await bureau.post('/api/agencies', body())).json();
    const res = await bureau.patch(`/api/agencies/${a.id}`, { grade: 'A', contactName: '陈工' });
    expect(res.statusCode).toBe(200);
    expect(res.json().grade).toBe('A');
    const ev = (await bureau.get(`/api/audit/events?entityId=${a.id}`)).json().items;
    expect(ev.map((e: { kind: string }) => e.kind)).toContain('agency.updated');
    const updated = ev.find((e: { kind: string }) => e.kind === 'agency.updated');
    expect(Object.keys(updated.after.fields)).toEqual(['grade']);
    // nothing differs: no event
    await bureau.patch(`/api/agencies/${a.id}`, { grade: 'A' });
    expect((await events(a.id)).filter((k: string) => k === 'agency.updated')).toHaveLength(1);
  });

  it('moves the status through its transition table', async () => {
    const a = (await bureau.post('/api/agencies', body())).json();
    const suspended = await bureau.post(`/api/agencies/${a.id}/suspend`, { reason: '资质复核' });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({
      status: 'suspended',
      abilities: { suspend: false, reinstate: true, blacklist: true },
    });
    expect((await bureau.post(`/api/agencies/${a.id}/suspend`, {})).json().code).toBe(
      'AGENCY_TRANSITION_NOT_ALLOWED',
    );
    expect((await bureau.post(`/api/agencies/${a.id}/reinstate`, {})).json().status).toBe('active');
    expect(
      (await bureau.post(`/api/agencies/${a.id}/blacklist`, { reason: '出具虚假报告' })).json().status,
    ).toBe('blacklisted');
    const back = await bureau.post(`/api/agencies/${a.id}/reinstate`, {});
    expect(back.statusCode).toBe(409);
    expect((await bureau.patch(`/api/agencies/${a.id}`, { grade: 'A' })).statusCode).toBe(403);
    expect(await events(a.id)).toEqual(expect.arrayContaining(['agency.created', 'agency.status_changed']));
  });

  it('lists active agencies to every user, the whole register to the bureau, its own to an agency', async () => {
    const active = await buildAgency(ctx, { name: '列表测试正常机构' });
    const suspended = await buildAgency(ctx, { name: '列表测试暂停机构', status: 'suspended' });
    const agencyUser = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'agency_user', unit: suspended.id }] }),
    );
    const names = async (who: ApiClient, query = '') =>
      (await who.get(`/api/agencies?q=列表测试${query}`))
        .json()
        .items.map((a: { name: string }) => a.name)
        .sort();
    expect(await names(bureau)).toEqual(['列表测试暂停机构', '列表测试正常机构']);
    expect(await names(reviewer)).toEqual(['列表测试暂停机构', '列表测试正常机构']);
    expect(await names(enterpriseUser)).toEqual(['列表测试正常机构']);
    expect(await names(agencyUser)).toEqual(['列表测试暂停机构', '列表测试正常机构']);
    expect(await names(bureau, '&status=suspended')).toEqual(['列表测试暂停机构']);
    expect((await enterpriseUser.get(`/api/agencies/${suspended.id}`)).statusCode).toBe(404);
    expect((await enterpriseUser.get(`/api/agencies/${active.id}`)).json().abilities.update).toBe(false);
    expect((await agencyUser.get(`/api/agencies/${suspended.id}`)).statusCode).toBe(200);
  });

  it('filters by kind and pages', async () => {
    await buildAgency(ctx, { name: '筛选测试确认机构', kinds: ['confirmation'] });
    await buildAgency(ctx, { name: '筛选测试服务机构', kinds: ['social_service'] });
    const confirm = (await bureau.get('/api/agencies?q=筛选测试&kind=confirmation')).json();
    expect(confirm.items.map((a: { name: string }) => a.name)).toEqual(['筛选测试确认机构']);
    const page = (await bureau.get('/api/agencies?q=筛选测试&pageSize=1&page=2')).json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
  });

  it('binds an agency user to an agency through the users API', async () => {
    const a = await buildAgency(ctx, { name: '绑定测试机构' });
    const res = await admin.post('/api/users', {
      username: `agency.${Date.now()}`,
      displayName: '机构人员',
      password: 'Agency-Pass-12345',
      bindings: [{ role: 'agency_user', unitId: a.id }],
    });
    expect(res.statusCode).toBe(201);
    const user = (await admin.get(`/api/users/${res.json().id}`)).json();
    expect(user.bindings[0]).toMatchObject({ role: 'agency_user', unitName: '绑定测试机构' });
    const enterprise = await buildEnterprise(ctx);
    const wrong = await admin.post('/api/users', {
      username: `agency.x${Date.now()}`,
      displayName: '机构人员',
      password: 'Agency-Pass-12345',
      bindings: [{ role: 'agency_user', unitId: enterprise.id }],
    });
    expect(wrong.json().code).toBe('ROLE_UNIT_MISMATCH');
  });

  it('answers 404 for an unknown agency', async () => {
    const res = await bureau.get('/api/agencies/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('AGENCY_NOT_FOUND');
  });
});
