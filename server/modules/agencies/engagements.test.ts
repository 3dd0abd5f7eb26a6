import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildAgency, buildEngagement, type BuiltAgency } from '../../../test/agency-factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { activeEngagement } from './index.js';

let ctx: TestContext;
let bureau: ApiClient;
let agency: BuiltAgency;
let agencyUser: ApiClient;
let otherAgencyUser: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
  agency = await buildAgency(ctx, { name: '浙江瓯越安全咨询有限公司' });
  agencyUser = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'agency_user', unit: agency.id }] }),
  );
  const other = await buildAgency(ctx, { name: '另一家服务机构' });
  otherAgencyUser = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'agency_user', unit: other.id }] }),
  );
});
afterAll(() => ctx.close());

async function enterpriseWithUser(
  subdistrict = 'shuangyu',
): Promise<{ e: BuiltEnterprise; user: ApiClient }> {
  const e = await buildEnterprise(ctx, { subdistrict });
  return {
    e,
    user: await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] })),
  };
}

const engage = (who: ApiClient, agencyId: string, over: Record<string, unknown> = {}) =>
  who.post('/api/engagements', {
    agencyId,
    services: ['first_inspection', 'rectification_guidance'],
    note: '请协助首次检查',
    ...over,
  });

describe('service engagements', () => {
  it('walks requested → active → ended, with events, and the agency sees the enterprise only while active', async () => {
    const { e, user } = await enterpriseWithUser();
    const req = await engage(user, agency.id);
    expect(req.statusCode).toBe(201);
    const g = req.json();
    expect(g).toMatchObject({
      status: 'requested',
      enterpriseId: e.id,
      enterpriseName: e.name,
      agencyName: '浙江瓯越安全咨询有限公司',
      subdistrictId: e.subdistrictId,
      abilities: { withdraw: true, accept: false, end: false },
    });
    // requested: not yet visible to the agency
    expect((await agencyUser.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
    expect((await agencyUser.get(`/api/engagements/${g.id}`)).json().abilities).toMatchObject({
      accept: true,
      decline: true,
      end: false,
    });

    const accepted = await agencyUser.post(`/api/engagements/${g.id}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'active', abilities: { end: true, accept: false } });
    expect(accepted.json().acceptedAt).toBeTruthy();
    expect((await agencyUser.get(`/api/enterprises/${e.id}`)).statusCode).toBe(200);
    const list = (await agencyUser.get('/api/enterprises?pageSize=200')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(e.id);
    expect(await activeEngagement(ctx.db, e.id, agency.id)).toMatchObject({ id: g.id, status: 'active' });
    // another agency sees nothing
    expect((await otherAgencyUser.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);

    const noReason = await user.post(`/api/engagements/${g.id}/end`, {});
    expect(noReason.statusCode).toBe(400);
    const ended = await user.post(`/api/engagements/${g.id}/end`, { reason: '首次检查已完成' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endReason: '首次检查已完成' });
    expect((await agencyUser.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
    expect(await activeEngagement(ctx.db, e.id, agency.id)).toBeUndefined();

    const kinds = (await bureau.get(`/api/audit/events?entityId=${g.id}`))
      .json()
      .items.map((i: { kind: string }) => i.kind)
      .sort();
    expect(kinds).toEqual(['engagement.accepted', 'engagement.ended', 'engagement.requested']);
  });

  it('refuses a second open engagement of the same agency (409), allows one after the first ended', async () => {
    const { user } = await enterpriseWithUser();
    const first = (await engage(user, agency.id)).json();
    const dup = await engage(user, agency.id);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ENGAGEMENT_ALREADY_OPEN');
    expect((await user.post(`/api/engagements/${first.id}/withdraw`, {})).json().status).toBe('ended');
    expect((await engage(user, agency.id)).statusCode).toBe(201);
  });

  it('refuses a suspended, a confirmation-only or an unknown agency', async () => {
    const { user } = await enterpriseWithUser();
    const suspended = await buildAgency(ctx, { status: 'suspended' });
    const confirmOnly = await buildAgency(ctx, { kinds: ['confirmation'] });
    const s = await engage(user, suspended.id);
    expect([s.statusCode, s.json().code]).toEqual([409, 'ENGAGEMENT_AGENCY_UNAVAILABLE']);
    const c = await engage(user, confirmOnly.id);
    expect([c.statusCode, c.json().code]).toEqual([400, 'ENGAGEMENT_AGENCY_NOT_SOCIAL_SERVICE']);
    const u = await engage(user, '00000000-0000-4000-8000-000000000000');
    expect([u.statusCode, u.json().code]).toEqual([404, 'AGENCY_NOT_FOUND']);
  });

  it('refuses bad input', async () => {
    const { user } = await enterpriseWithUser();
    for (const over of [
      { services: [] },
      { services: ['insurance'] },
      { services: ['first_inspection', 'first_inspection'] },
      { agencyId: 'x' },
      { extra: 1 },
    ]) {
      const res = await engage(user, agency.id, over);
      expect(res.statusCode).toBe(400);
    }
  });

  it('lets only enterprise users engage, and only for their own enterprise', async () => {
    const res = await engage(bureau, agency.id);
    expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
    expect((await engage(agencyUser, agency.id)).statusCode).toBe(403);
    const { user } = await enterpriseWithUser();
    const other = await buildEnterprise(ctx);
    expect((await engage(user, agency.id, { enterpriseId: other.id })).statusCode).toBe(403);
  });

  it('keeps each side to its own moves', async () => {
    const { e, user } = await enterpriseWithUser();
    const g = (await engage(user, agency.id)).json();
    // the enterprise cannot accept; another agency cannot see it; the agency cannot withdraw
    expect((await user.post(`/api/engagements/${g.id}/accept`, {})).statusCode).toBe(403);
    const foreign = await otherAgencyUser.post(`/api/engagements/${g.id}/accept`, {});
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'ENGAGEMENT_NOT_FOUND']);
    expect((await otherAgencyUser.get(`/api/engagements/${g.id}`)).statusCode).toBe(404);
    expect((await agencyUser.post(`/api/engagements/${g.id}/withdraw`, {})).statusCode).toBe(403);
    // the bureau sees it but takes no side
    expect((await bureau.get(`/api/engagements/${g.id}`)).json().abilities).toMatchObject({
      accept: false,
      withdraw: false,
      end: false,
    });
    expect((await bureau.post(`/api/engagements/${g.id}/accept`, {})).statusCode).toBe(403);
    // a move the status does not allow
    expect((await user.post(`/api/engagements/${g.id}/end`, { reason: 'x' })).json().code).toBe(
      'ENGAGEMENT_TRANSITION_NOT_ALLOWED',
    );
    const declined = await agencyUser.post(`/api/engagements/${g.id}/decline`, { reason: '人手不足' });
    expect(declined.json()).toMatchObject({ status: 'declined', endReason: '人手不足' });
    expect((await agencyUser.post(`/api/engagements/${g.id}/accept`, {})).statusCode).toBe(409);
    expect((await agencyUser.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
  });

  it('scopes the list: each party its own, a subdistrict its area, the bureau all', async () => {
    const a = await buildAgency(ctx, { name: '列表范围测试机构' });
    const aUser = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'agency_user', unit: a.id }] }));
    const sy = await enterpriseWithUser('shuangyu');
    const yy = await enterpriseWithUser('yangyi');
    const g1 = (await engage(sy.user, a.id)).json();
    const g2 = (await engage(yy.user, a.id)).json();
    const ids = async (who: ApiClient, q = '') =>
      (await who.get(`/api/engagements?agencyId=${a.id}&pageSize=200${q}`))
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort();
    expect(await ids(aUser)).toEqual([g1.id, g2.id].sort());
    expect(await ids(sy.user)).toEqual([g1.id]);
    expect(await ids(bureau)).toEqual([g1.id, g2.id].sort());
    const officer = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'yangyi' }] }),
    );
    expect(await ids(officer)).toEqual([g2.id]);
    expect(await ids(otherAgencyUser)).toEqual([]);
    expect(await ids(bureau, '&status=active')).toEqual([]);
    expect(await ids(bureau, `&enterpriseId=${sy.e.id}`)).toEqual([g1.id]);
  });

  it('ends the open engagements of a blacklisted agency', async () => {
    const a = await buildAgency(ctx);
    const { e } = await enterpriseWithUser();
    const g = await buildEngagement(ctx, { enterpriseId: e.id, agencyId: a.id });
    const aUser = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'agency_user', unit: a.id }] }));
    expect((await aUser.get(`/api/enterprises/${e.id}`)).statusCode).toBe(200);
    expect(
      (await bureau.post(`/api/agencies/${a.id}/blacklist`, { reason: '出具虚假报告' })).statusCode,
    ).toBe(200);
    expect((await bureau.get(`/api/engagements/${g.id}`)).json().status).toBe('ended');
    expect((await aUser.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
  });
});
