import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildEngagement } from '../../../test/agency-factories.js';
import { loginAs } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { answerAll, fileFootwearStandard } from '../../../test/readiness-factories.js';
import { buildListedEnterprise, whitelistStaff } from '../../../test/whitelist-factories.js';
import { addMonths } from '../../../domain/confirmations.js';
import { addDays, chinaDate } from '../../../domain/readiness.js';
import { sweepWhitelist } from './sweep.js';

let ctx: TestContext;
let staff: Awaited<ReturnType<typeof whitelistStaff>>;
const today = chinaDate(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  await fileFootwearStandard(ctx);
  staff = await whitelistStaff(ctx);
});
afterAll(() => ctx.close());

const verify = async (url: string) =>
  (await ctx.app.inject({ method: 'GET', url: `/api/public/verify/${url.split('/verify/')[1]}` })).json();

describe('leaving the white list', () => {
  it('opens an exit proposal when an inspection finds a major hazard; the exit shows at once and bans re-entry', async () => {
    const { enterprise, client, entry } = await buildListedEnterprise(ctx, staff);
    const detail = (await staff.bureau.get(`/api/whitelist/entries/${entry.id}`)).json();
    expect((await verify(detail.plaque.verifyUrl)).subjectStatus.label).toContain('在册');

    // an engaged agency's inspection finds a major hazard
    const agency = await buildAgency(ctx);
    await buildEngagement(ctx, { enterpriseId: enterprise.id, agencyId: agency.id });
    const agencyUser = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'agency_user', unit: agency.id }] }),
    );
    const started = (
      await agencyUser.post('/api/inspections', { enterpriseId: enterprise.id, kind: 'agency_first' })
    ).json();
    const bad = started.answers.find((a: { isKey: boolean }) => !a.isKey).itemCode;
    await answerAll(agencyUser, started.id, started.answers, [bad], [bad]);
    expect((await agencyUser.post(`/api/inspections/${started.id}/complete`)).statusCode).toBe(200);

    const proposals = (await staff.bureau.get('/api/whitelist/exits?status=proposed')).json().items;
    const proposal = proposals.find((p: { entryId: string }) => p.entryId === entry.id);
    expect(proposal).toMatchObject({
      reason: 'major_hazard',
      sourceKind: 'hazard.reported',
      actions: ['decide'],
    });

    // the enterprise cannot decide its own exit; a decision needs a note
    expect(
      (await client.post(`/api/whitelist/exits/${proposal.id}/decide`, { decision: 'exit', note: 'x' }))
        .statusCode,
    ).toBe(403);
    const decided = await staff.bureau.post(`/api/whitelist/exits/${proposal.id}/decide`, {
      decision: 'exit',
      note: '经核实，检查发现重大事故隐患，决定移出白名单',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const exit = decided.json();
    expect(exit.status).toBe('decided');
    expect(exit.decision.number).toMatch(/退/);
    const ban = exit.measures.find((m: { kind: string }) => m.kind === 'reentry_ban');
    expect(ban).toMatchObject({ startsOn: today, endsOn: addMonths(today, 24), inForce: true });
    expect(exit.measures.map((m: { kind: string }) => m.kind)).toContain('funding_restriction');

    // at once: out of the public list, the plaque revoked and its page says so
    const listed = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/public/whitelist?q=${encodeURIComponent(enterprise.uscc)}`,
      })
    ).json();
    expect(listed.items).toHaveLength(0);
    const plaque = await verify(detail.plaque.verifyUrl);
    expect(plaque.status).toBe('revoked');
    expect(JSON.stringify(plaque)).toContain('已退出');

    // a new application is refused until the ban ends, and the checklist says why
    const again = await client.post('/api/whitelist/applications', { enterpriseId: enterprise.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('WHITELIST_REENTRY_BAN');
    expect(again.json().detail).toContain(addMonths(today, 24));
    const status = (await client.get(`/api/enterprises/${enterprise.id}/whitelist`)).json();
    expect(status).toMatchObject({ reentryBanUntil: addMonths(today, 24), entry: { status: 'exited' } });
  });

  it('proposes an exit for an accident, lets the bureau dismiss it, and refuses deciding twice', async () => {
    const { enterprise, entry } = await buildListedEnterprise(ctx, staff);
    const recorded = await staff.bureau.post('/api/accidents', {
      enterpriseId: enterprise.id,
      occurredOn: today,
      grade: 'general',
      deaths: 0,
      seriousInjuries: 1,
      source: '事故调查报告',
    });
    expect(recorded.statusCode).toBe(201);
    const proposal = (await staff.bureau.get(`/api/whitelist/entries/${entry.id}`)).json().exits[0];
    expect(proposal).toMatchObject({ reason: 'accident', status: 'proposed' });
    expect(
      (
        await staff.bureau.post(`/api/whitelist/exits/${proposal.id}/decide`, {
          decision: 'dismiss',
          note: '事故与本企业生产无关',
        })
      ).statusCode,
    ).toBe(200);
    const twice = await staff.bureau.post(`/api/whitelist/exits/${proposal.id}/decide`, {
      decision: 'exit',
      note: '再次决定',
    });
    expect(twice.json().code).toBe('WHITELIST_EXIT_TRANSITION');
    expect((await staff.bureau.get(`/api/whitelist/entries/${entry.id}`)).json().status).toBe('active');
  });

  it('takes an enterprise’s request to leave once at a time', async () => {
    const { client, entry } = await buildListedEnterprise(ctx, staff);
    expect((await client.get(`/api/whitelist/entries/${entry.id}`)).json().actions).toContain('withdraw');
    const asked = await client.post(`/api/whitelist/entries/${entry.id}/withdraw`, {
      summary: '企业转产，申请退出',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ reason: 'withdrawal_or_review', sourceKind: 'enterprise_request' });
    expect((await client.get(`/api/whitelist/entries/${entry.id}`)).json().actions).not.toContain('withdraw');
    const again = await client.post(`/api/whitelist/entries/${entry.id}/withdraw`, { summary: '再次申请' });
    expect(again.json().code).toBe('WHITELIST_EXIT_TRANSITION');
  });

  it('suspends and reinstates an entry, shown on the plaque page', async () => {
    const { entry } = await buildListedEnterprise(ctx, staff);
    const suspended = await staff.bureau.post(`/api/whitelist/entries/${entry.id}/suspend`, {
      reason: '事故调查期间',
    });
    expect(suspended.json().status).toBe('suspended');
    expect(JSON.stringify(await verify(suspended.json().plaque.verifyUrl))).toContain('暂停');
    expect(
      (await staff.bureau.post(`/api/whitelist/entries/${entry.id}/suspend`, { reason: '再次' })).json().code,
    ).toBe('WHITELIST_ENTRY_TRANSITION');
    expect(
      (await staff.bureau.post(`/api/whitelist/entries/${entry.id}/reinstate`, { reason: '调查结束' })).json()
        .status,
    ).toBe('active');
  });

  it('opens the annual review before expiry and renews the entry when the bureau passes it', async () => {
    const { client, entry } = await buildListedEnterprise(ctx, staff);
    const before = (await staff.bureau.get(`/api/whitelist/entries/${entry.id}`)).json();
    // a day within the lead period before the end of validity
    const opened = await sweepWhitelist(
      ctx.db,
      new Date(`${addDays(addMonths(today, 12), -10)}T09:00:00+08:00`),
    );
    expect(opened.reviewsOpened).toBeGreaterThanOrEqual(1);
    const review = (await client.get(`/api/whitelist/entries/${entry.id}`)).json().reviews[0];
    expect(review).toMatchObject({ status: 'open', actions: ['submit'] });
    expect((await client.post(`/api/whitelist/reviews/${review.id}/submit`)).statusCode).toBe(200);
    expect(
      (
        await staff.bureau.post(`/api/whitelist/reviews/${review.id}/decide`, {
          decision: 'pass',
          note: '复核通过',
        })
      ).statusCode,
    ).toBe(200);
    const after = (await staff.bureau.get(`/api/whitelist/entries/${entry.id}`)).json();
    expect(after.validTo > before.validTo).toBe(true);
    expect(after.plaque.number).not.toBe(before.plaque.number);
  });
});
