import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgency,
  buildEngagement,
  buildEngineer,
  type BuiltAgency,
  type BuiltEngineer,
} from '../../../test/agency-factories.js';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { fileFootwearStandard } from '../../../test/readiness-factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { addMonths } from '../../../domain/confirmations.js';
import { addDays, chinaDate } from '../../../domain/readiness.js';
import { agencies } from '../../db/schema/agencies.js';
import { documents } from '../../db/schema/documents.js';

let ctx: TestContext;
let versionId: string;
let enterprise: BuiltEnterprise;
let owner: ApiClient;
let bureau: ApiClient;
let anxin: BuiltAgency;
let agencyStaff: ApiClient;
const engineers: BuiltEngineer[] = [];
const today = () => chinaDate(new Date());

const engineerOf = (agency: BuiltAgency, opts: Parameters<typeof buildEngineer>[3] = {}) =>
  buildEngineer(ctx, bureau, agency, opts);

beforeAll(async () => {
  ctx = await createTestContext();
  ({ versionId } = await fileFootwearStandard(ctx));
  enterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  owner = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: enterprise.id }] }),
  );
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
  anxin = await buildAgency(ctx, { kinds: ['confirmation', 'social_service'], grade: 'B' });
  agencyStaff = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'agency_user', unit: anxin.id }] }),
  );
  engineers.push(await engineerOf(anxin), await engineerOf(anxin));
});
afterAll(() => ctx.close());

describe('choosing an agency', () => {
  it('refuses an agency below the minimum grade, blacklisted, not of the confirmation kind, or not independent', async () => {
    const low = await buildAgency(ctx, { kinds: ['confirmation'], grade: 'C' });
    const res = await owner.post('/api/confirmations', { enterpriseId: enterprise.id, agencyId: low.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFIRMATION_AGENCY_GRADE_TOO_LOW');
    const black = await buildAgency(ctx, { kinds: ['confirmation'], grade: 'A', status: 'blacklisted' });
    expect(
      (await owner.post('/api/confirmations', { enterpriseId: enterprise.id, agencyId: black.id })).json()
        .code,
    ).toBe('CONFIRMATION_AGENCY_NOT_ACTIVE');
    const service = await buildAgency(ctx, { kinds: ['social_service'], grade: 'A' });
    expect(
      (await owner.post('/api/confirmations', { enterpriseId: enterprise.id, agencyId: service.id })).json()
        .code,
    ).toBe('CONFIRMATION_AGENCY_WRONG_KIND');

    const guiding = await buildAgency(ctx, { kinds: ['confirmation', 'social_service'], grade: 'A' });
    await buildEngagement(ctx, {
      enterpriseId: enterprise.id,
      agencyId: guiding.id,
      services: ['rectification_guidance'],
    });
    const notIndependent = await owner.post('/api/confirmations', {
      enterpriseId: enterprise.id,
      agencyId: guiding.id,
    });
    expect(notIndependent.statusCode).toBe(409);
    expect(notIndependent.json().code).toBe('CONFIRMATION_NOT_INDEPENDENT');

    // the rule is a setting: off, the guiding agency may confirm
    const admin = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'system_admin' }] }));
    expect(
      (await admin.put('/api/settings/confirmation.independence', { value: false, reason: '测试' }))
        .statusCode,
    ).toBe(200);
    const allowed = await owner.post('/api/confirmations', {
      enterpriseId: enterprise.id,
      agencyId: guiding.id,
    });
    expect(allowed.statusCode, allowed.body).toBe(201);
    await owner.post(`/api/confirmations/${allowed.json().id}/withdraw`, {});
    await admin.put('/api/settings/confirmation.independence', { value: true, reason: '恢复' });
  });
});

describe('a confirmation', () => {
  let id: string;

  it('pins the key items, is accepted and checked by the agency, and concluded only when every key item is checked', async () => {
    const res = await owner.post('/api/confirmations', {
      enterpriseId: enterprise.id,
      agencyId: anxin.id,
      note: '申请第三方确认',
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const keyCount = (await bureau.get(`/api/standard-versions/${versionId}`))
      .json()
      .items.filter((i: { isKey: boolean; tags: string[] }) => i.isKey && i.tags.length === 0).length;
    expect(res.json().items).toHaveLength(keyCount);
    expect(res.json().status).toBe('requested');
    expect(
      (await owner.post('/api/confirmations', { enterpriseId: enterprise.id, agencyId: anxin.id })).json()
        .code,
    ).toBe('CONFIRMATION_OPEN_EXISTS');
    expect((await owner.post(`/api/confirmations/${id}/accept`, {})).statusCode).toBe(403);
    expect((await agencyStaff.post(`/api/confirmations/${id}/accept`, {})).json().status).toBe('checking');

    const unanswered = await agencyStaff.post(`/api/confirmations/${id}/conclude`, {
      conclusion: 'confirmed',
      siteVisitDate: today(),
    });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json().code).toBe('CONFIRMATION_ITEM_UNANSWERED');
    const items = res.json().items as { itemCode: string }[];
    for (const [i, item] of items.entries()) {
      const put = await agencyStaff.put(`/api/confirmations/${id}/items/${item.itemCode}`, {
        result: i === 0 ? 'non_compliant' : 'compliant',
        note: '现场核查',
      });
      expect(put.statusCode, put.body).toBe(200);
    }
    const withFailure = await agencyStaff.post(`/api/confirmations/${id}/conclude`, {
      conclusion: 'confirmed',
      siteVisitDate: today(),
    });
    expect(withFailure.json().code).toBe('CONFIRMATION_CONFIRMED_WITH_FAILURES');
    await agencyStaff.put(`/api/confirmations/${id}/items/${items[0].itemCode}`, {
      result: 'compliant',
      note: '已整改',
    });
    const future = await agencyStaff.post(`/api/confirmations/${id}/conclude`, {
      conclusion: 'confirmed',
      siteVisitDate: addDays(today(), 3),
    });
    expect(future.json().code).toBe('CONFIRMATION_SITE_VISIT_REQUIRED');
    const concluded = await agencyStaff.post(`/api/confirmations/${id}/conclude`, {
      conclusion: 'confirmed',
      siteVisitDate: today(),
      note: '重点审查项均符合',
    });
    expect(concluded.json()).toMatchObject({ status: 'signing', conclusion: 'confirmed' });
  });

  it('takes effect with two distinct engineers of the agency whose certificates are valid, and issues a verifiable report', async () => {
    const [first, second] = engineers;
    const notMe = await first.client.post(`/api/confirmations/${id}/sign`, { engineerId: second.id });
    expect(notMe.json().code).toBe('ENGINEER_NOT_YOU');
    const signed = await first.client.post(`/api/confirmations/${id}/sign`, { engineerId: first.id });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      status: 'signing',
      signatures: [{ engineerId: first.id }],
      myEngineers: [{ id: first.id }],
    });
    const twice = await first.client.post(`/api/confirmations/${id}/sign`, { engineerId: first.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ENGINEER_ALREADY_SIGNED');

    const expired = await engineerOf(anxin, { validTo: addDays(today(), -1) });
    expect(
      (await expired.client.post(`/api/confirmations/${id}/sign`, { engineerId: expired.id })).json().code,
    ).toBe('ENGINEER_CERTIFICATE_INVALID');
    const unapproved = await engineerOf(anxin, { approve: false });
    expect(
      (await unapproved.client.post(`/api/confirmations/${id}/sign`, { engineerId: unapproved.id })).json()
        .code,
    ).toBe('ENGINEER_NOT_APPROVED');
    const elsewhere = await buildAgency(ctx, { kinds: ['confirmation'], grade: 'A' });
    const foreign = await engineerOf(elsewhere, { extraAgency: anxin.id });
    expect(
      (await foreign.client.post(`/api/confirmations/${id}/sign`, { engineerId: foreign.id })).json().code,
    ).toBe('ENGINEER_OTHER_AGENCY');

    const done = await second.client.post(`/api/confirmations/${id}/sign`, { engineerId: second.id });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'confirmed',
      state: 'in_force',
      validUntil: addMonths(today(), 12),
    });
    expect(done.json().documentNumber).toMatch(/^鹿应急合规确〔\d{4}〕\d+号$/);
    expect(done.json().signatures).toHaveLength(2);
    const [doc] = await ctx.db.select().from(documents).where(eq(documents.id, done.json().documentId));
    const verified = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/verify/${doc.verificationCode}`,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ number: done.json().documentNumber });
    const pdf = await owner.get(`/api/documents/${doc.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // the agency that issued the report reads it too; another agency does not
    expect((await agencyStaff.get(`/api/documents/${doc.id}/pdf`)).statusCode).toBe(200);
    const stranger = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'agency_user', unit: (await buildAgency(ctx)).id }] }),
    );
    expect((await stranger.get(`/api/documents/${doc.id}/pdf`)).statusCode).toBe(404);

    const record = (await bureau.get(`/api/agencies/${anxin.id}/record`)).json();
    expect(record).toMatchObject({ confirmed: 1, falseConfirmations: 0 });
    expect(record.engineers).toHaveLength(2);
  });

  it('lapses when the applicable standard’s key items change', async () => {
    const next = await bureau.post(`/api/standard-versions/${versionId}/next-draft`, { number: '2.0' });
    expect(next.statusCode, next.body).toBe(201);
    const draft = next.json();
    const key = draft.items.find((i: { isKey: boolean; tags: string[] }) => i.isKey && i.tags.length === 0);
    const changed = await bureau.patch(`/api/standard-versions/${draft.id}/items/${key.code}`, {
      requirement: `${key.requirement}（2.0 版修订）`,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(
      (
        await bureau.post(`/api/standard-versions/${draft.id}/publish`, {
          documentNumber: '鹿应急〔2026〕99号',
          publishDate: today(),
        })
      ).statusCode,
    ).toBe(200);
    expect((await bureau.post(`/api/standard-versions/${draft.id}/file`)).statusCode).toBe(200);
    expect((await owner.get(`/api/confirmations/${id}`)).json()).toMatchObject({
      status: 'confirmed',
      state: 'lapsed',
    });
  });

  it('is revoked as false by the bureau only, which downgrades the agency', async () => {
    expect(
      (await agencyStaff.post(`/api/confirmations/${id}/revoke`, { reason: 'x', penalty: 'downgrade' }))
        .statusCode,
    ).toBe(403);
    const revoked = await bureau.post(`/api/confirmations/${id}/revoke`, {
      reason: '现场复查发现消防通道长期堵塞，确认不实',
      penalty: 'downgrade',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', falseConfirmation: true, state: null });
    const events = (await bureau.get(`/api/audit/events?enterpriseId=${enterprise.id}&pageSize=200`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(events).toEqual(
      expect.arrayContaining([
        'confirmation.requested',
        'confirmation.signed',
        'confirmation.effective',
        'confirmation.revoked',
      ]),
    );
    const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, anxin.id));
    expect(agency.grade).toBe('C');
    // now below the minimum: it can no longer be chosen
    expect(
      (await owner.post('/api/confirmations', { enterpriseId: enterprise.id, agencyId: anxin.id })).json()
        .code,
    ).toBe('CONFIRMATION_AGENCY_GRADE_TOO_LOW');
    expect((await bureau.get(`/api/agencies/${anxin.id}/record`)).json()).toMatchObject({
      falseConfirmations: 1,
    });
  });

  it('raises a hazard for every key item the agency finds non-compliant', async () => {
    const other = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
    const client = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: other.id }] }),
    );
    const grade = await buildAgency(ctx, { kinds: ['confirmation'], grade: 'A' });
    const staff = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'agency_user', unit: grade.id }] }),
    );
    const requested = (
      await client.post('/api/confirmations', { enterpriseId: other.id, agencyId: grade.id })
    ).json();
    await staff.post(`/api/confirmations/${requested.id}/accept`, {});
    const items = requested.items as { itemCode: string }[];
    for (const [i, item] of items.entries()) {
      await staff.put(`/api/confirmations/${requested.id}/items/${item.itemCode}`, {
        result: i === 0 ? 'non_compliant' : 'compliant',
        note: i === 0 ? '应急预案未演练' : '',
      });
    }
    const concluded = await staff.post(`/api/confirmations/${requested.id}/conclude`, {
      conclusion: 'not_confirmed',
      siteVisitDate: today(),
    });
    expect(concluded.statusCode, concluded.body).toBe(200);
    expect((await client.get(`/api/hazards?enterpriseId=${other.id}`)).json().total).toBe(0); // not before it takes effect
    for (const engineer of [await engineerOf(grade), await engineerOf(grade)]) {
      expect(
        (await engineer.client.post(`/api/confirmations/${requested.id}/sign`, { engineerId: engineer.id }))
          .statusCode,
      ).toBe(200);
    }
    expect((await client.get(`/api/confirmations/${requested.id}`)).json().status).toBe('not_confirmed');
    const hazards = (await client.get(`/api/hazards?enterpriseId=${other.id}`)).json();
    expect(hazards.total).toBe(1);
    expect(hazards.items[0]).toMatchObject({
      itemCode: items[0].itemCode,
      description: '第三方确认发现：应急预案未演练',
      status: 'open',
    });
  });

  it('is invisible to other enterprises and agencies', async () => {
    const other = await buildEnterprise(ctx, { subdistrict: 'yangyi' });
    const stranger = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: other.id }] }),
    );
    expect((await stranger.get(`/api/confirmations/${id}`)).statusCode).toBe(404);
    const otherAgency = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'agency_user', unit: (await buildAgency(ctx)).id }] }),
    );
    expect((await otherAgency.get(`/api/confirmations/${id}`)).statusCode).toBe(404);
    expect((await otherAgency.get('/api/confirmations')).json().total).toBe(0);
  });
});
