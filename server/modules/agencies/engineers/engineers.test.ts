import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgency,
  buildEngineer,
  type BuiltAgency,
  type BuiltEngineer,
} from '../../../../test/agency-factories.js';
import { loginAs, type ApiClient } from '../../../../test/client.js';
import { createTestContext, type TestContext } from '../../../../test/context.js';
import { buildUser } from '../../../../test/factories.js';
import { buildEnterprise } from '../../../../test/registry-factories.js';

let ctx: TestContext;
let bureau: ApiClient;
let owner: ApiClient;
let anxin: BuiltAgency;
let agencyStaff: ApiClient;
const engineers: BuiltEngineer[] = [];
const engineerOf = (agency: BuiltAgency, opts: Parameters<typeof buildEngineer>[3] = {}) =>
  buildEngineer(ctx, bureau, agency, opts);

beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
  const enterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  owner = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: enterprise.id }] }),
  );
  anxin = await buildAgency(ctx, { kinds: ['confirmation', 'social_service'], grade: 'B' });
  agencyStaff = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'agency_user', unit: anxin.id }] }),
  );
  engineers.push(await engineerOf(anxin), await engineerOf(anxin));
});
afterAll(() => ctx.close());

describe('engineers', () => {
  it('offers the agency’s own logins to link an engineer to, to the agency and the bureau only', async () => {
    const users = (await agencyStaff.get(`/api/agencies/${anxin.id}/users`)).json();
    expect(users.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining(engineers.map((e) => e.user.id)),
    );
    expect((await bureau.get(`/api/agencies/${anxin.id}/users`)).statusCode).toBe(200);
    expect((await owner.get(`/api/agencies/${anxin.id}/users`)).statusCode).toBe(404);
  });

  it('are kept by their agency and approved by the bureau; changes wait for approval again', async () => {
    const pending = await engineerOf(anxin, { approve: false });
    expect((await agencyStaff.post(`/api/engineers/${pending.id}/approve`, {})).statusCode).toBe(403);
    const dup = await agencyStaff.post(`/api/agencies/${anxin.id}/engineers`, {
      name: '重复',
      certificateNumber: engineers[0].certificateNumber,
      level: 'junior',
      validFrom: '2024-01-01',
      validTo: '2030-01-01',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ENGINEER_CERTIFICATE_TAKEN');
    const badDates = await agencyStaff.post(`/api/agencies/${anxin.id}/engineers`, {
      name: '日期',
      certificateNumber: 'ZAQX1',
      level: 'junior',
      validFrom: '2026-01-01',
      validTo: '2025-01-01',
    });
    expect(badDates.json().code).toBe('ENGINEER_DATES_INVALID');
    const other = await buildAgency(ctx);
    const stranger = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'agency_user', unit: other.id }] }),
    );
    expect(
      (
        await stranger.post(`/api/agencies/${anxin.id}/engineers`, {
          name: 'x',
          certificateNumber: 'ZAQX2',
          level: 'junior',
          validFrom: '2024-01-01',
          validTo: '2030-01-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await stranger.get(`/api/engineers/${pending.id}`)).statusCode).toBe(404);

    const approved = engineers[0];
    const view = (await agencyStaff.get(`/api/engineers/${approved.id}`)).json();
    const edited = await agencyStaff.patch(`/api/engineers/${approved.id}`, {
      ...pick(view),
      speciality: '安全评价（机械）',
    });
    expect(edited.json().status).toBe('pending');
    expect((await bureau.post(`/api/engineers/${approved.id}/approve`, {})).json().status).toBe('approved');
    const queue = (await bureau.get('/api/engineers?status=pending')).json();
    expect(queue.map((e: { id: string }) => e.id)).toContain(pending.id);
  });
});

function pick(v: Record<string, unknown>) {
  return {
    name: v.name,
    certificateNumber: v.certificateNumber,
    level: v.level,
    speciality: v.speciality,
    validFrom: v.validFrom,
    validTo: v.validTo,
    userId: v.userId,
  };
}
