import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { fileFootwearStandard } from '../../../test/readiness-factories.js';
import { confirmInTable, signAndSelfInspect } from '../../../test/whitelist-factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { uploadEvidence } from '../../../test/upload.js';
import { chinaDate } from '../../../domain/readiness.js';

let ctx: TestContext;
let bureau: ApiClient;
const today = chinaDate(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  await fileFootwearStandard(ctx);
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
});
afterAll(() => ctx.close());

type Condition = { key: string; pass: boolean; reason: string };
const failing = async (client: ApiClient, e: BuiltEnterprise) =>
  ((await client.get(`/api/enterprises/${e.id}/eligibility`)).json().conditions as Condition[])
    .filter((c) => !c.pass)
    .map((c) => c.key);

const getReady = (e: BuiltEnterprise) => signAndSelfInspect(ctx, e);
const confirmed = (e: BuiltEnterprise) => confirmInTable(ctx, e);

describe('the eligibility checklist', () => {
  it('explains every unmet condition and passes once the enterprise is ready, confirmed and clean', async () => {
    const e = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
    const client = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] }),
    );
    const fresh = (await client.get(`/api/enterprises/${e.id}/eligibility`)).json();
    expect(fresh).toMatchObject({ judgedOn: today, eligible: false });
    expect(fresh.conditions.find((c: Condition) => c.key === 'commitment').reason).toBe('尚未签署承诺书');
    expect(await failing(client, e)).toEqual(['commitment', 'selfInspection', 'confirmation']);

    const ready = await getReady(e);
    expect(await failing(ready, e)).toEqual(['confirmation']);
    await confirmed(e);
    const pass = (await ready.get(`/api/enterprises/${e.id}/eligibility`)).json();
    expect(pass.eligible).toBe(true);

    // an accident with a serious injury last month: the condition fails with its reason
    await bureau.post('/api/accidents', {
      enterpriseId: e.id,
      occurredOn: today,
      grade: 'general',
      deaths: 0,
      seriousInjuries: 1,
      source: '事故报告',
    });
    expect(await failing(ready, e)).toEqual(['accidents']);
  });

  it('holds a 厂中厂 tenant back while its host has an open major hazard', async () => {
    const host = await buildEnterprise(ctx, {
      subdistrict: 'shuangyu',
      name: '温州市鹿城区某某鞋业有限公司',
    });
    const tenant = await buildEnterprise(ctx, { subdistrict: 'shuangyu', hostEnterpriseId: host.id });
    const hostClient = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: host.id }] }),
    );
    const started = (
      await hostClient.post('/api/inspections', { enterpriseId: host.id, kind: 'self' })
    ).json();
    const photo = await uploadEvidence(hostClient, 'assessment', started.id);
    const answers = started.answers as { itemCode: string; isKey: boolean }[];
    const bad = answers.find((a) => !a.isKey)!.itemCode;
    for (const a of answers) {
      await hostClient.put(`/api/inspections/${started.id}/answers/${a.itemCode}`, {
        result: a.itemCode === bad ? 'non_compliant' : 'compliant',
        markedMajor: a.itemCode === bad,
        evidence: a.isKey ? [photo] : [],
      });
    }
    await hostClient.post(`/api/inspections/${started.id}/complete`);
    const conditions = (await bureau.get(`/api/enterprises/${tenant.id}/eligibility`)).json()
      .conditions as Condition[];
    expect(conditions.find((c) => c.key === 'host')).toMatchObject({
      pass: false,
      reason: expect.stringContaining('某某鞋业'),
    });
  });

  it('is scoped like the enterprise', async () => {
    const e = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
    const yangyi = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'yangyi' }] }),
    );
    expect((await yangyi.get(`/api/enterprises/${e.id}/eligibility`)).statusCode).toBe(404);
  });
});
