import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../../domain/readiness.js';
import { adviceLetters, documents, violations } from '../../db/schema/index.js';
import type { ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import {
  countRows,
  enforcementStaff,
  enterpriseWithUser,
  inspect,
  violationTypeId,
} from '../../../test/enforcement-factories.js';
import type { BuiltEnterprise } from '../../../test/registry-factories.js';

let ctx: TestContext;
let staff: Awaited<ReturnType<typeof enforcementStaff>>;
let shop: { enterprise: BuiltEnterprise; client: ApiClient };
let other: { enterprise: BuiltEnterprise; client: ApiClient };
const today = chinaDate(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await enforcementStaff(ctx);
  shop = await enterpriseWithUser(ctx, { subdistrict: 'shuangyu' });
  other = await enterpriseWithUser(ctx, { subdistrict: 'yangyi' });
});
afterAll(() => ctx.close());

describe('an enforcement inspection', () => {
  it('with violations issues one rectification notice and one advice letter per violation, read by the right parties', async () => {
    const { id } = await inspect(ctx, staff.fireOfficer, shop.enterprise.id, ['AQF-42', 'AQF-30'], today);
    const detail = await staff.fireOfficer.get(`/api/enforcement/inspections/${id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json();
    expect(body.departmentName).toBe('区消防救援大队');
    expect(body.noticeNumber).toMatch(/^鹿应急责改〔\d{4}〕\d+号$/);
    expect(body.violations).toHaveLength(2);
    for (const v of body.violations) {
      expect(v.letterNumber).toMatch(/^鹿应急合规建〔\d{4}〕\d+号$/);
      expect(v.letterStatus).toBe('sent');
      expect(v.abilities.rectify).toBe(true);
    }

    // the enterprise sees its letters and the notice; another enterprise sees none of it
    const letters = (await shop.client.get('/api/advice/letters')).json();
    expect(letters.total).toBe(2);
    expect(letters.items[0].abilities.reply).toBe(true);
    expect((await other.client.get('/api/advice/letters')).json().total).toBe(0);
    expect((await other.client.get(`/api/enforcement/inspections/${id}`)).statusCode).toBe(404);
    // the subdistrict of the enterprise sees the inspection; another subdistrict does not
    expect((await staff.shuangyu.get(`/api/enforcement/inspections/${id}`)).statusCode).toBe(200);
    expect((await staff.yangyi.get(`/api/enforcement/inspections/${id}`)).statusCode).toBe(404);
    // department staff see their own department's inspections only
    expect((await staff.officer.get(`/api/enforcement/inspections/${id}`)).statusCode).toBe(404);
    expect((await staff.fireStaff.get('/api/enforcement/inspections')).json().total).toBe(1);
    expect((await staff.bureauAdmin.get(`/api/enforcement/inspections/${id}`)).statusCode).toBe(200);

    // the letter's PDF renders from its snapshot (bulk-issued documents have no stored hash)
    const letter = letters.items[0];
    const pdf = await shop.client.get(`/api/documents/${letter.documentId}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('lets the enterprise reply once, and the inspecting department confirm rectification', async () => {
    const { id } = await inspect(ctx, staff.officer, other.enterprise.id, ['AQF-45'], today);
    const [letter] = await ctx.db
      .select()
      .from(adviceLetters)
      .where(eq(adviceLetters.enterpriseId, other.enterprise.id));
    const reply = await other.client.post(`/api/advice/letters/${letter.id}/reply`, {
      reply: '已为刷胶岗位配发防毒口罩并建立发放台账',
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({
      status: 'replied',
      repliedLate: false,
      abilities: { reply: false },
    });
    const again = await other.client.post(`/api/advice/letters/${letter.id}/reply`, { reply: '再次回复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ADVICE_LETTER_TRANSITION');
    // a stranger cannot reply (not found in its scope)
    expect(
      (await shop.client.post(`/api/advice/letters/${letter.id}/reply`, { reply: 'x' })).statusCode,
    ).toBe(404);

    const detail = (await staff.officer.get(`/api/enforcement/inspections/${id}`)).json();
    const violationId = detail.violations[0].id;
    // another department's officer cannot confirm it
    expect(
      (await staff.fireOfficer.post(`/api/enforcement/violations/${violationId}/rectify`, { note: '' }))
        .statusCode,
    ).toBe(404);
    const ok = await staff.officer.post(`/api/enforcement/violations/${violationId}/rectify`, {
      note: '复查合格',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const twice = await staff.officer.post(`/api/enforcement/violations/${violationId}/rectify`, {
      note: '',
    });
    expect(twice.json().code).toBe('VIOLATION_TRANSITION');
    const [row] = await ctx.db.select().from(violations).where(eq(violations.id, violationId));
    expect(row.status).toBe('rectified');
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const before = await Promise.all(
      ['enforcement_inspections', 'violations', 'advice_letters', 'documents', 'events'].map((t) =>
        countRows(ctx, t),
      ),
    );
    const type = await violationTypeId(ctx, 'AQF-28');
    const post = (client: ApiClient, body: Record<string, unknown>) =>
      client.post('/api/enforcement/inspections', {
        enterpriseId: shop.enterprise.id,
        inspectedOn: today,
        rectifyBy: today,
        violations: [{ violationTypeId: type, description: '未培训' }],
        ...body,
      });
    const future = await post(staff.officer, { inspectedOn: '2999-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ code: 'INSPECTION_DATES' });
    expect(future.json().errors[0].field).toBe('body/inspectedOn');
    const noDeadline = await post(staff.officer, { rectifyBy: null });
    expect(noDeadline.json().errors[0].field).toBe('body/rectifyBy');
    const early = await post(staff.officer, { inspectedOn: '2026-01-10', rectifyBy: '2026-01-09' });
    expect(early.statusCode).toBe(422);
    const unknown = await post(staff.officer, {
      violations: [{ violationTypeId: '00000000-0000-4000-8000-000000000000', description: 'x' }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('VIOLATION_TYPE_NOT_FOUND');
    const blank = await post(staff.officer, { violations: [{ violationTypeId: type, description: '' }] });
    expect(blank.statusCode).toBe(400);
    const noEnterprise = await post(staff.officer, { enterpriseId: '00000000-0000-4000-8000-000000000000' });
    expect(noEnterprise.statusCode).toBe(404);
    // only enforcement officers record inspections, and only for their own department
    expect((await post(staff.fireStaff, {})).statusCode).toBe(403);
    expect((await post(staff.shuangyu, {})).statusCode).toBe(403);
    expect((await post(shop.client, {})).statusCode).toBe(403);
    expect((await post(staff.officer, { departmentId: await ctx.unit('xf') })).statusCode).toBe(403);
    const after = await Promise.all(
      ['enforcement_inspections', 'violations', 'advice_letters', 'documents', 'events'].map((t) =>
        countRows(ctx, t),
      ),
    );
    expect(after).toEqual(before);
  });

  it('without violations records the visit and issues nothing', async () => {
    const docs = await countRows(ctx, 'documents');
    const { id } = await inspect(ctx, staff.officer, shop.enterprise.id, [], today);
    const detail = (await staff.officer.get(`/api/enforcement/inspections/${id}`)).json();
    expect(detail).toMatchObject({ violationCount: 0, noticeNumber: null, rectifyBy: null });
    const listed = (await staff.officer.get('/api/enforcement/inspections?pageSize=100')).json();
    const counts = Object.fromEntries(
      listed.items.map((i: { id: string; violationCount: number }) => [i.id, i.violationCount]),
    );
    expect(counts[id]).toBe(0);
    expect(Object.values(counts)).toContain(1);
    expect(await countRows(ctx, 'documents')).toBe(docs);
    expect((await ctx.db.select().from(documents).where(eq(documents.subjectId, id))).length).toBe(0);
  });
});
