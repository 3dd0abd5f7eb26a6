import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { answerAll, fileFootwearStandard } from '../../../test/readiness-factories.js';
import { buildListedEnterprise, whitelistStaff } from '../../../test/whitelist-factories.js';
import { chinaDate } from '../../../domain/readiness.js';
import { confirmations } from '../../db/schema/confirmations.js';
import { whitelistExits } from '../../db/schema/whitelist.js';

let ctx: TestContext;
let staff: Awaited<ReturnType<typeof whitelistStaff>>;
const today = chinaDate(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  await fileFootwearStandard(ctx);
  staff = await whitelistStaff(ctx);
});
afterAll(() => ctx.close());

const proposalsOf = async (entryId: string) =>
  (await staff.bureau.get(`/api/whitelist/entries/${entryId}`)).json().exits as {
    reason: string;
    sourceKind: string;
    summary: string;
  }[];

describe('events that open exit proposals', () => {
  it('a work-safety penalty and a dishonesty listing: serious penalty, one proposal per event', async () => {
    const { enterprise, entry } = await buildListedEnterprise(ctx, staff);
    const penalty = {
      enterpriseId: enterprise.id,
      authority: '区应急管理局',
      decisionNumber: '鹿应急罚〔2026〕9号',
      decidedOn: today,
      violation: '未按规定开展安全培训',
      sanction: '责令停产停业整顿',
      workSafety: true,
      source: '行政处罚决定书',
    };
    expect((await staff.bureau.post('/api/penalties', penalty)).statusCode).toBe(201);
    // a penalty outside work safety opens nothing
    expect(
      (await staff.bureau.post('/api/penalties', { ...penalty, decisionNumber: 'x2', workSafety: false }))
        .statusCode,
    ).toBe(201);
    await staff.bureau.post('/api/dishonesty-listings', {
      enterpriseId: enterprise.id,
      listedBy: '温州市应急管理局',
      fromDate: today,
      reason: '瞒报事故',
      source: '失信名单公告',
    });
    const found = await proposalsOf(entry.id);
    expect(found.map((p) => p.sourceKind).sort()).toEqual(['dishonesty.listed', 'penalty.recorded']);
    expect(found.every((p) => p.reason === 'serious_penalty')).toBe(true);
    expect(found.find((p) => p.sourceKind === 'penalty.recorded')!.summary).toContain('责令停产停业整顿');
  });

  it('a confirmation revoked as false: false compliance', async () => {
    const { enterprise, entry } = await buildListedEnterprise(ctx, staff);
    const [confirmation] = await ctx.db
      .select()
      .from(confirmations)
      .where(and(eq(confirmations.enterpriseId, enterprise.id), eq(confirmations.status, 'confirmed')));
    const revoked = await staff.bureau.post(`/api/confirmations/${confirmation.id}/revoke`, {
      reason: '现场照片系伪造',
      penalty: 'downgrade',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await proposalsOf(entry.id)).toMatchObject([
      { reason: 'false_compliance', sourceKind: 'confirmation.revoked' },
    ]);
  });

  it('deregistration: an exit proposal; a major hazard the enterprise reports itself: none', async () => {
    const { enterprise, client, entry } = await buildListedEnterprise(ctx, staff);
    const started = (
      await client.post('/api/inspections', { enterpriseId: enterprise.id, kind: 'self' })
    ).json();
    const bad = started.answers.find((a: { isKey: boolean }) => !a.isKey).itemCode;
    await answerAll(client, started.id, started.answers, [bad], [bad]);
    expect((await client.post(`/api/inspections/${started.id}/complete`)).statusCode).toBe(200);
    expect(await proposalsOf(entry.id)).toEqual([]);

    const closed = await staff.bureau.patch(`/api/enterprises/${enterprise.id}`, {
      operatingStatus: 'deregistered',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await proposalsOf(entry.id)).toMatchObject([
      { reason: 'withdrawal_or_review', sourceKind: 'enterprise.updated', summary: '企业已注销' },
    ]);
    // nothing is proposed for an enterprise that is not listed
    const rows = await ctx.db
      .select()
      .from(whitelistExits)
      .where(eq(whitelistExits.enterpriseId, enterprise.id));
    expect(rows).toHaveLength(1);
  });
});
