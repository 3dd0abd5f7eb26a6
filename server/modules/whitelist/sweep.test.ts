import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { fileFootwearStandard } from '../../../test/readiness-factories.js';
import {
  buildEligibleEnterprise,
  buildListedEnterprise,
  whitelistStaff,
} from '../../../test/whitelist-factories.js';
import { addMonths } from '../../../domain/confirmations.js';
import { addDays, chinaDate } from '../../../domain/readiness.js';
import { whitelistOpinions } from '../../db/schema/whitelist.js';
import { sweepWhitelist } from './sweep.js';

let ctx: TestContext;
let staff: Awaited<ReturnType<typeof whitelistStaff>>;
const today = chinaDate(new Date());
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);

beforeAll(async () => {
  ctx = await createTestContext();
  await fileFootwearStandard(ctx);
  staff = await whitelistStaff(ctx);
});
afterAll(() => ctx.close());

async function askedFire() {
  const { enterprise, client } = await buildEligibleEnterprise(ctx);
  const id = (await client.post('/api/whitelist/applications', { enterpriseId: enterprise.id })).json()
    .id as string;
  await client.post(`/api/whitelist/applications/${id}/submit`);
  await staff.subdistrict.post('/api/whitelist/batches', { applicationIds: [id] });
  await staff.bureau.post(`/api/whitelist/applications/${id}/review`);
  await staff.bureau.post(`/api/whitelist/applications/${id}/opinions`, { departmentIds: [staff.fireId] });
  return id;
}

describe('the white-list sweep', () => {
  it('counts silence past the deadline as agreement by default, once', async () => {
    const id = await askedFire();
    const [opinion] = await ctx.db
      .select()
      .from(whitelistOpinions)
      .where(eq(whitelistOpinions.applicationId, id));
    // the deadline day itself is still in time
    await sweepWhitelist(ctx.db, at(opinion.deadline));
    expect((await staff.bureau.get(`/api/whitelist/applications/${id}`)).json().opinions[0].status).toBe(
      'pending',
    );
    const after = at(addDays(opinion.deadline, 1));
    expect((await sweepWhitelist(ctx.db, after)).lapsed).toBeGreaterThanOrEqual(1);
    expect((await sweepWhitelist(ctx.db, after)).lapsed).toBe(0);
    const detail = (await staff.bureau.get(`/api/whitelist/applications/${id}`)).json();
    expect(detail.opinions[0].status).toBe('silent_agreed');
    expect(detail.history.map((h: { kind: string }) => h.kind)).toContain('whitelist.opinion_lapsed');
    // cleared: it may go on public notice
    expect((await staff.bureau.post('/api/whitelist/notices', { applicationIds: [id] })).statusCode).toBe(
      201,
    );
  });

  it('escalates silence when the jurisdiction says so, and the application cannot go on notice', async () => {
    const set = await staff.bureau.put('/api/settings/whitelist.opinionSilence', {
      value: 'escalate',
      reason: '逾期未反馈须局领导处理',
    });
    expect(set.statusCode, set.body).toBe(200);
    const id = await askedFire();
    const [opinion] = await ctx.db
      .select()
      .from(whitelistOpinions)
      .where(eq(whitelistOpinions.applicationId, id));
    await sweepWhitelist(ctx.db, at(addDays(opinion.deadline, 1)));
    expect((await staff.bureau.get(`/api/whitelist/applications/${id}`)).json().opinions[0].status).toBe(
      'escalated',
    );
    expect((await staff.bureau.post('/api/whitelist/notices', { applicationIds: [id] })).json().code).toBe(
      'WHITELIST_OPINIONS_OPEN',
    );
  });

  it('marks a review not submitted by the end of validity missed and opens an exit proposal', async () => {
    const { entry } = await buildListedEnterprise(ctx, staff);
    const validTo = addDays(addMonths(today, 12), -1);
    await sweepWhitelist(ctx.db, at(addDays(validTo, -5)));
    const done = await sweepWhitelist(ctx.db, at(addDays(validTo, 1)));
    expect(done.reviewsMissed).toBeGreaterThanOrEqual(1);
    const detail = (await staff.bureau.get(`/api/whitelist/entries/${entry.id}`)).json();
    expect(detail.reviews[0].status).toBe('missed');
    expect(detail.exits[0]).toMatchObject({
      reason: 'withdrawal_or_review',
      sourceKind: 'whitelist.annual_review_missed',
    });
  });
});
