import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../../domain/readiness.js';
import { hazards } from '../../db/schema/index.js';
import type { ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import {
  countRows,
  enforcementStaff,
  enterpriseWithUser,
  violationTypeId,
} from '../../../test/enforcement-factories.js';
import { answerAll, fileFootwearStandard } from '../../../test/readiness-factories.js';
import type { BuiltEnterprise } from '../../../test/registry-factories.js';

let ctx: TestContext;
let staff: Awaited<ReturnType<typeof enforcementStaff>>;
const today = chinaDate(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  await fileFootwearStandard(ctx);
  staff = await enforcementStaff(ctx);
});
afterAll(() => ctx.close());

/** The enterprise inspects itself and reports one hazard, three days before the officer comes. */
async function selfReportedHazard(e: { enterprise: BuiltEnterprise; client: ApiClient }) {
  const { client, enterprise } = e;
  await client.post(`/api/enterprises/${enterprise.id}/commitment`, {
    signatoryName: '张三',
    signatoryCapacity: 'legal_representative',
  });
  const started = (
    await client.post('/api/inspections', { enterpriseId: enterprise.id, kind: 'self' })
  ).json();
  const answers = started.answers as { itemCode: string; isKey: boolean }[];
  await answerAll(client, started.id, answers, [answers.find((a) => !a.isKey)!.itemCode]);
  expect((await client.post(`/api/inspections/${started.id}/complete`)).statusCode).toBe(200);
  const [hazard] = await ctx.db.select().from(hazards).where(eq(hazards.enterpriseId, enterprise.id));
  // arrange: the report was made three days ago (its audit event keeps the real time of the test run)
  await ctx.db
    .update(hazards)
    .set({ reportedAt: sql`${hazards.reportedAt} - interval '3 days'` })
    .where(eq(hazards.id, hazard.id));
  return hazard.id;
}

async function inspectOne(
  officer: ApiClient,
  enterpriseId: string,
  code: string,
  extra: { harm?: string; selfReportedHazardId?: string } = {},
) {
  const res = await officer.post('/api/enforcement/inspections', {
    enterpriseId,
    inspectedOn: today,
    rectifyBy: today,
    violations: [{ violationTypeId: await violationTypeId(ctx, code), description: '现场发现', ...extra }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const detail = (await officer.get(`/api/enforcement/inspections/${res.json().id}`)).json();
  return detail.violations[0] as { id: string; abilities: { decide: boolean } };
}

describe('leniency decision support', () => {
  it('suggests a lighter penalty (art. 32) for a hazard the enterprise reported and was fixing before the inspection', async () => {
    const shop = await enterpriseWithUser(ctx);
    const hazardId = await selfReportedHazard(shop);
    expect(
      (await shop.client.post(`/api/hazards/${hazardId}/start`, { plan: '清理通道、增设指示标志' }))
        .statusCode,
    ).toBe(200);
    const violation = await inspectOne(staff.officer, shop.enterprise.id, 'AQF-42', {
      harm: 'none',
      selfReportedHazardId: hazardId,
    });
    expect(violation.abilities.decide).toBe(true);
    const leniency = (await staff.officer.get(`/api/enforcement/violations/${violation.id}/leniency`)).json();
    expect(leniency.facts).toMatchObject({
      firstViolation: true,
      selfReportedBefore: true,
      rectificationStarted: true,
      correctedInTime: false,
      harm: 'none',
      list: 'lighter',
    });
    expect(leniency.selfReport).toMatchObject({ hazardId, byEnterprise: true });
    expect(leniency.selfReport.event.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(leniency.suggestion).toMatchObject({ outcome: 'lighter', mandatory: true });
    expect(leniency.suggestion.article).toContain('第三十二条');
    expect(leniency.penaltyRange).toContain('五万元以下');

    // the officer decides (here against the suggestion, with reasons); both are recorded, once
    const missingArticle = await staff.officer.post(`/api/enforcement/violations/${violation.id}/decision`, {
      outcome: 'mitigated',
      reason: '主动整改',
    });
    expect(missingArticle.statusCode).toBe(400);
    expect(
      (
        await staff.fireOfficer.post(`/api/enforcement/violations/${violation.id}/decision`, {
          outcome: 'ordinary',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const decided = await staff.officer.post(`/api/enforcement/violations/${violation.id}/decision`, {
      outcome: 'ordinary',
      reason: '隐患已报告但整改拖延两个月，不予从轻',
      decisionNumber: '鹿应急罚〔2026〕15号',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = (await staff.officer.get(`/api/enforcement/violations/${violation.id}/leniency`)).json();
    expect(after.decision).toMatchObject({
      outcome: 'ordinary',
      followsSuggestion: false,
      suggestion: { outcome: 'lighter' },
      decisionNumber: '鹿应急罚〔2026〕15号',
    });
    const events = await countRows(ctx, "events where kind = 'enforcement.penalty_decided'");
    const twice = await staff.officer.post(`/api/enforcement/violations/${violation.id}/decision`, {
      outcome: 'ordinary',
      reason: '再次',
    });
    expect(twice.json().code).toBe('VIOLATION_TRANSITION');
    expect(await countRows(ctx, "events where kind = 'enforcement.penalty_decided'")).toBe(events);
  });

  it('suggests no penalty (art. 33) for a listed minor violation corrected in time without harm', async () => {
    const shop = await enterpriseWithUser(ctx);
    const violation = await inspectOne(staff.officer, shop.enterprise.id, 'AQF-28', { harm: 'none' });
    expect(
      (await staff.officer.post(`/api/enforcement/violations/${violation.id}/rectify`, { note: '已补训' }))
        .statusCode,
    ).toBe(200);
    const leniency = (await staff.officer.get(`/api/enforcement/violations/${violation.id}/leniency`)).json();
    expect(leniency.facts).toMatchObject({
      correctedInTime: true,
      list: 'no_penalty',
      selfReportedBefore: false,
    });
    expect(leniency.suggestion).toMatchObject({ outcome: 'no_penalty', mandatory: true, educate: true });
    const ok = await staff.officer.post(`/api/enforcement/violations/${violation.id}/decision`, {
      outcome: 'no_penalty',
      article: leniency.suggestion.article,
      reason: '首次违法、已当场改正、未造成危害，依法不予处罚并进行教育',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // the enterprise sees the decision on its inspection
    const mine = (await shop.client.get(`/api/enforcement/violations/${violation.id}/leniency`)).json();
    expect(mine.decision).toMatchObject({ outcome: 'no_penalty', followsSuggestion: true });
  });

  it('refuses a hazard of another enterprise as the self-report, writing nothing', async () => {
    const a = await enterpriseWithUser(ctx);
    const b = await enterpriseWithUser(ctx);
    const hazardOfB = await selfReportedHazard(b);
    const before = await countRows(ctx, 'violations');
    const res = await staff.officer.post('/api/enforcement/inspections', {
      enterpriseId: a.enterprise.id,
      inspectedOn: today,
      rectifyBy: today,
      violations: [
        {
          violationTypeId: await violationTypeId(ctx, 'AQF-42'),
          description: '通道堵塞',
          selfReportedHazardId: hazardOfB,
        },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'VIOLATION_HAZARD_MISMATCH',
      errors: [{ field: 'body/violations/0/selfReportedHazardId' }],
    });
    expect(await countRows(ctx, 'violations')).toBe(before);
  });
});
