import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildEngagement } from '../../../test/agency-factories.js';
import { loginAs } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { answerAll, fileFootwearStandard, type AnswerLike } from '../../../test/readiness-factories.js';
import { buildEnterprise } from '../../../test/registry-factories.js';
import { uploadEvidence } from '../../../test/upload.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await fileFootwearStandard(ctx);
});
afterAll(() => ctx.close());

type Answer = AnswerLike;

describe('first inspection by an engaged agency', () => {
  it('lets the engaged agency run it and verify the hazards it guides, and refuses an agency not engaged', async () => {
    const e = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
    const engaged = await buildAgency(ctx);
    const stranger = await buildAgency(ctx);
    await buildEngagement(ctx, { enterpriseId: e.id, agencyId: engaged.id });
    const agency = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'agency_user', unit: engaged.id }] }),
    );
    const other = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'agency_user', unit: stranger.id }] }),
    );

    expect(
      (await other.post('/api/inspections', { enterpriseId: e.id, kind: 'agency_first' })).statusCode,
    ).toBe(404);
    expect((await agency.post('/api/inspections', { enterpriseId: e.id, kind: 'self' })).statusCode).toBe(
      403,
    );
    const started = await agency.post('/api/inspections', { enterpriseId: e.id, kind: 'agency_first' });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({ kind: 'agency_first', agencyId: engaged.id });
    expect((await other.get(`/api/inspections/${started.json().id}`)).statusCode).toBe(404);
    await answerAll(agency, started.json().id, started.json().answers, [
      started.json().answers.find((a: Answer) => !a.isKey).itemCode,
    ]);
    const [hazardId] = (await agency.post(`/api/inspections/${started.json().id}/complete`)).json().hazardIds;

    const hazard = (await agency.get(`/api/hazards/${hazardId}`)).json();
    expect(hazard.guidingAgencyId).toBe(engaged.id);
    expect((await other.get(`/api/hazards/${hazardId}`)).statusCode).toBe(404);
    const ent = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] }),
    );
    const after = await uploadEvidence(ent, 'hazard', hazardId);
    await ent.post(`/api/hazards/${hazardId}/submit`, { afterEvidence: [after] });
    const verified = await agency.post(`/api/hazards/${hazardId}/verify`, { note: '指导机构复核合格' });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().status).toBe('closed');
  });
});
