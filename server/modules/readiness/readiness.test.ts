import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { fileFootwearStandard } from '../../../test/readiness-factories.js';
import { buildEnterprise } from '../../../test/registry-factories.js';

let ctx: TestContext;
let shuangyu: ApiClient;
let yangyi: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await fileFootwearStandard(ctx);
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

describe('the readiness summary', () => {
  it('tells the enterprise what to do next, and shows officers the status without steps', async () => {
    const e = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
    const client = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] }),
    );
    const fresh = (await client.get(`/api/enterprises/${e.id}/readiness`)).json();
    expect(fresh.nextSteps.map((s: { key: string }) => s.key)).toEqual(['signCommitment', 'startInspection']);
    expect(fresh.commitment).toMatchObject({ signed: false, upToDate: false });
    await client.post(`/api/enterprises/${e.id}/commitment`, {
      signatoryName: '张三',
      signatoryCapacity: 'legal_representative',
    });
    const started = (await client.post('/api/inspections', { enterpriseId: e.id, kind: 'self' })).json();
    const after = (await client.get(`/api/enterprises/${e.id}/readiness`)).json();
    expect(after.nextSteps).toEqual([
      { key: 'continueInspection', link: `/inspections/${started.id}`, urgent: false },
    ]);
    const officer = (await shuangyu.get(`/api/enterprises/${e.id}/readiness`)).json();
    expect(officer).toMatchObject({
      commitment: { signed: true, upToDate: true },
      selfInspection: { id: started.id, status: 'in_progress' },
      nextSteps: [],
    });
    expect((await yangyi.get(`/api/enterprises/${e.id}/readiness`)).statusCode).toBe(404);
  });
});
