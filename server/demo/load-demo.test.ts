import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test/client.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { loadDemo } from './load-demo.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sc-demo-'));
process.env.DATA_DIR = dataDir; // the demo's evidence photos go to a temp dir

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo data', () => {
  it('loads a register with one login per role, and loading again changes nothing', async () => {
    const first = await loadDemo(ctx.db, { enterprises: 300 });
    expect(first.alreadyLoaded).toBe(false);
    // one login per role, and 安信's two engineers with their own
    expect(new Set(first.logins.map((l) => l.username)).size).toBe(first.logins.length);
    expect(new Set(first.logins.map((l) => l.role)).size).toBe(10);
    expect(first.logins.filter((l) => l.role === 'agency_user').map((l) => l.username)).toEqual([
      'demo.agency',
      'demo.engineer1',
      'demo.engineer2',
    ]);
    const countRows = async () =>
      (
        (await ctx.db.execute(
          sql`select (select count(*) from events)::int as events, (select count(*) from hazards)::int as hazards, (select count(*) from files)::int as files`,
        )) as unknown as { rows: unknown[] }
      ).rows;
    const before = await countRows();
    const again = await loadDemo(ctx.db, { enterprises: 300 });
    expect(again.alreadyLoaded).toBe(true);
    expect(await countRows()).toEqual(before);

    const login = (username: string) => loginAs(ctx, { username, password: first.logins[0].password });
    const bureau = await login('demo.bureau');
    const all = (await bureau.get('/api/enterprises?pageSize=1')).json();
    expect(all.total).toBe(300);

    const shuangyu = await login('demo.shuangyu');
    const mine = (await shuangyu.get('/api/enterprises?pageSize=200')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(300);
    expect(new Set(mine.items.map((e: { subdistrictName: string }) => e.subdistrictName))).toEqual(
      new Set(['双屿街道']),
    );

    const enterprise = await login('demo.enterprise');
    const own = (await enterprise.get('/api/enterprises')).json();
    expect(own.total).toBe(1);
    expect(own.items[0].industryCode).toBe('1952');

    const agency = await login('demo.agency');
    const served = (await agency.get('/api/enterprises')).json();
    // the demo enterprise, and the listed one whose later inspection found a major hazard (demo-exit.ts)
    expect(served.items.map((e: { id: string }) => e.id)).toContain(own.items[0].id);
    expect(served.total).toBe(2);
    const engagements = (await enterprise.get('/api/engagements')).json();
    expect(engagements.items).toMatchObject([{ agencyName: '浙江瓯越安全咨询有限公司', status: 'active' }]);
    expect((await bureau.get('/api/agencies')).json().total).toBe(2);

    const standards = (await bureau.get('/api/standards')).json();
    expect(
      standards
        .map((s: { templateKey: string; versions: { status: string }[] }) => [
          s.templateKey,
          s.versions[0].status,
        ])
        .sort(),
    ).toEqual([
      ['footwear', 'filed'],
      ['micro-park', 'filed'],
    ]);
    const applicable = (
      await enterprise.get(`/api/enterprises/${own.items[0].id}/applicable-standard`)
    ).json();
    expect(applicable.title).toContain('鞋革');
    expect(applicable.declaredTags).toContain('solvent_adhesive');
    expect(applicable.items.some((i: { tags: string[] }) => i.tags.includes('solvent_adhesive'))).toBe(true);
    expect(
      applicable.items.every(
        (i: { tags: string[] }) =>
          i.tags.length === 0 || i.tags.some((t) => applicable.declaredTags.includes(t)),
      ),
    ).toBe(true);

    // getting ready in 双屿: the demo enterprise is left for a person to walk through
    const readiness = (await enterprise.get(`/api/enterprises/${own.items[0].id}/readiness`)).json();
    expect(readiness.commitment.signed).toBe(false);
    expect(readiness.nextSteps.map((s: { key: string }) => s.key)).toEqual([
      'signCommitment',
      'startInspection',
    ]);
    expect((await enterprise.get('/api/inspections')).json().total).toBe(0);

    expect(first.gettingReady).toBe(8);
    const inspections = (await shuangyu.get('/api/inspections?status=completed&pageSize=100')).json();
    // eight self-inspections, and 瓯越's inspection of the listed enterprise (demo-exit.ts)
    expect(inspections.total).toBe(9);
    const hazards = (await shuangyu.get('/api/hazards?pageSize=100')).json();
    type H = { status: string; severity: string; overdue: boolean; enterpriseId: string };
    const items = hazards.items as H[];
    expect(items.every((h) => h.enterpriseId !== own.items[0].id)).toBe(true);
    expect(items.filter((h) => h.severity === 'major')).toHaveLength(2);
    expect(items.filter((h) => h.overdue)).toHaveLength(1);
    expect(items.filter((h) => h.status === 'awaiting_verification')).toHaveLength(1);
    expect(items.filter((h) => h.status === 'rectifying')).toHaveLength(1);
    expect(items.filter((h) => h.status === 'closed')).toHaveLength(2);
    expect(items.filter((h) => h.status === 'open').length).toBeGreaterThanOrEqual(5);
    const pending = (await shuangyu.get('/api/extension-requests?status=pending')).json();
    expect(pending.total).toBe(1);
    expect(pending.items[0].abilities).toMatchObject({ decide: true });
    const signed = (await shuangyu.get(`/api/enterprises/${items[0].enterpriseId}/commitment`)).json();
    expect(signed.upToDate).toBe(true);

    // third-party confirmation: 安信's engineers, approved, confirmed the 双屿 enterprise with a clean inspection
    const engineer1 = await login('demo.engineer1');
    const engineers = (await engineer1.get('/api/engineers')).json();
    expect(engineers).toHaveLength(2);
    expect(
      engineers.every(
        (e: { status: string; agencyName: string; userId: string | null }) =>
          e.status === 'approved' && e.agencyName === '温州安信安全技术服务有限公司' && e.userId,
      ),
    ).toBe(true);
    expect(engineers.filter((e: { isMe: boolean }) => e.isMe)).toHaveLength(1);
    // the clean enterprise, and the four others of the white-list demo (demo-whitelist.ts)
    const confirmations = (await bureau.get('/api/confirmations?pageSize=100')).json();
    expect(confirmations.total).toBe(5);
    // the clean one is the enterprise listed on the white list (its hazard came later, from 瓯越's inspection)
    const listedEntry = (await bureau.get('/api/whitelist/entries')).json().items[0];
    const clean = confirmations.items.find(
      (c: { enterpriseId: string }) => c.enterpriseId === listedEntry.enterpriseId,
    );
    const report = (await bureau.get(`/api/confirmations/${clean.id}`)).json();
    expect(report).toMatchObject({
      status: 'confirmed',
      state: 'in_force',
      agencyName: '温州安信安全技术服务有限公司',
    });
    expect(report.signatures).toHaveLength(2);
    expect(report.documentNumber).toMatch(/^鹿应急合规确〔\d{4}〕\d+号$/);
    // its only hazard is the one 瓯越 found after the entry
    expect(items.filter((h) => h.enterpriseId === report.enterpriseId).map((h) => h.severity)).toEqual([
      'major',
    ]);
    expect((await bureau.get(`/api/documents/${report.documentId}/pdf`)).headers['content-type']).toBe(
      'application/pdf',
    );
    expect((await (await login('demo.engineer2')).get(`/api/confirmations/${report.id}`)).json().status).toBe(
      'confirmed',
    );

    // the footwear association and its self-discipline standard: 12 key items of the filed footwear standard
    const association = await login('demo.association');
    expect((await association.get('/api/associations')).json()).toMatchObject([
      { name: '温州市鹿城区鞋业协会', industryScope: ['19'] },
    ]);
    const adopted = (await shuangyu.get('/api/self-discipline-standards')).json();
    expect(adopted).toMatchObject([
      {
        associationName: '温州市鹿城区鞋业协会',
        itemCount: 12,
        status: 'active',
        abilities: { withdraw: false },
      },
    ]);
    const selfDiscipline = (await association.get(`/api/self-discipline-standards/${adopted[0].id}`)).json();
    expect(selfDiscipline.abilities.withdraw).toBe(true);
    expect(selfDiscipline.standardTitle).toContain('鞋革');
    expect(selfDiscipline.items).toHaveLength(12);
    expect(selfDiscipline.items.every((i: { isKey: boolean }) => i.isKey)).toBe(true);

    // the white list (demo-whitelist.ts): listed through a notice over National Day with a dismissed objection,
    // one on a running notice, one waiting for 双屿, one for the fire brigade
    const notices = (await bureau.get('/api/whitelist/notices')).json();
    expect(notices.total).toBe(2);
    const holiday = notices.items.find((n: { startsOn: string }) => n.startsOn === '2026-09-29');
    expect(holiday).toMatchObject({ endsOn: '2026-10-12', status: 'published', endsEstimated: false });
    const holidayDetail = (await bureau.get(`/api/whitelist/notices/${holiday.id}`)).json();
    expect(holidayDetail.objections).toMatchObject([{ status: 'dismissed' }]);
    const listed = (await ctx.app.inject({ method: 'GET', url: '/api/public/whitelist' })).json();
    expect(listed.items).toMatchObject([{ validFrom: '2026-10-13', status: 'active' }]);
    const running = (await ctx.app.inject({ method: 'GET', url: '/api/public/notices' })).json();
    expect(running).toHaveLength(1);
    expect(running[0].applications).toHaveLength(1);
    const statuses = (await bureau.get('/api/whitelist/applications'))
      .json()
      .items.map((a: { status: string }) => a.status);
    expect(statuses.sort()).toEqual(['opinions', 'public_notice', 'published', 'submitted']);
    const fire = await login('demo.fire');
    expect((await fire.get('/api/whitelist/opinions?status=pending')).json().total).toBe(1);
    // the eligible one has not applied: its checklist passes
    const eligibleLogin = first.logins.find((l) => l.unit.includes('尚未申请'))!;
    const eligibleUser = await login(eligibleLogin.username);
    const eligibleId = (await eligibleUser.get('/api/enterprises')).json().items[0].id;
    expect((await eligibleUser.get(`/api/enterprises/${eligibleId}/eligibility`)).json().eligible).toBe(true);
    // 瓯越's inspection after the entry found a major hazard: the exit proposal it opened waits for the bureau
    const proposals = (await bureau.get('/api/whitelist/exits?status=proposed')).json();
    expect(proposals.items).toMatchObject([{ reason: 'major_hazard', sourceKind: 'hazard.reported' }]);
    expect(first.logins.filter((l) => /^demo\.sy\d\d$/.test(l.username))).toHaveLength(5);

    // enforcement (demo-enforcement.ts): the fire brigade's campaign in 仰义 was sent; five blocked exits in 皮鞋制造
    // proposed an industry campaign that waits for the bureau; the demo enterprise has a letter to answer
    const campaigns = (await bureau.get('/api/advice/campaigns')).json();
    expect(
      campaigns.items.map((c: { status: string; origin: string }) => `${c.status}/${c.origin}`).sort(),
    ).toEqual(['proposed/frequency', 'sent/manual']);
    const sent = campaigns.items.find((c: { status: string }) => c.status === 'sent');
    expect(sent.sentCount).toBe(sent.targetCount);
    expect(sent.targetCount).toBeGreaterThan(0);
    const inbox = (await (await login('demo.enterprise')).get('/api/advice/letters')).json();
    expect(inbox.items.some((l: { abilities: { reply: boolean } }) => l.abilities.reply)).toBe(true);

    const parks = (await bureau.get('/api/parks')).json();
    expect(parks).toHaveLength(10);
    expect(
      parks.every(
        (p: { tenantCount: number; operatorName: string | null }) => p.tenantCount > 0 && p.operatorName,
      ),
    ).toBe(true);
  }, 240_000); // the demo takes its enterprises through readiness, four confirmations and the white list
});
