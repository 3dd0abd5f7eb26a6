import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildEnterprise } from '../../../test/registry-factories.js';

let ctx: TestContext;
let bureau: ApiClient;
let market: ApiClient;
let fire: ApiClient;

const basis = [{ kind: 'law', title: '中华人民共和国安全生产法', article: '第四十九条' }];
function item(code: string, over: Record<string, unknown> = {}) {
  return {
    code,
    module: 'site',
    requirement: `条目 ${code} 的要求：疏散通道保持畅通`,
    legalBasis: basis,
    checkMethod: '现场检查',
    evidence: '现场照片',
    isKey: false,
    tags: [],
    violationTypes: [],
    majorHazard: null,
    ...over,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
  market = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'department_officer', unit: 'scjg' }] }),
  );
  fire = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'department_officer', unit: 'xf' }] }));
});
afterAll(() => ctx.close());

async function draftStandard(
  client: ApiClient,
  scope: string[],
  dept = 'scjg',
  title = `测试标准${scope.join('')}`,
) {
  const res = await client.post('/api/standards', {
    title,
    owningDepartmentId: await ctx.unit(dept),
    industryScope: scope,
    industryModules: [{ code: 'x', name: '专项' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; standard: { id: string } };
}

describe('standard lifecycle', () => {
  it('drafts, publishes (owning department), files (bureau), then supersedes with the next version', async () => {
    const v1 = await draftStandard(market, ['3587']);
    for (const code of ['G-01', 'G-02'])
      expect((await market.post(`/api/standard-versions/${v1.id}/items`, item(code))).statusCode).toBe(201);
    const keyItem = item('G-03', { isKey: true, majorHazard: { source: 'GB-35181', article: '第5.2条' } });
    expect((await market.post(`/api/standard-versions/${v1.id}/items`, keyItem)).statusCode).toBe(201);

    // another department cannot edit or publish it; a draft cannot be filed
    expect((await fire.post(`/api/standard-versions/${v1.id}/items`, item('G-09'))).statusCode).toBe(403);
    const fileDraft = await bureau.post(`/api/standard-versions/${v1.id}/file`);
    expect(fileDraft.statusCode).toBe(409);
    expect(fileDraft.json().code).toBe('STANDARD_VERSION_TRANSITION');

    const published = await market.post(`/api/standard-versions/${v1.id}/publish`, {
      documentNumber: '鹿市监〔2026〕3号',
      publishDate: '2026-04-01',
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    expect((await market.post(`/api/standard-versions/${v1.id}/file`)).statusCode).toBe(403);
    expect((await bureau.post(`/api/standard-versions/${v1.id}/file`)).json().status).toBe('filed');

    // a published version never changes
    const edit = await market.patch(`/api/standard-versions/${v1.id}/items/G-01`, {
      requirement: '改动后的要求文字',
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('STANDARD_VERSION_NOT_DRAFT');

    // version 2: change the key item, publish; the diff shows exactly that change
    const v2 = (await market.post(`/api/standard-versions/${v1.id}/next-draft`, {})).json();
    expect(v2.number).toBe('2.0');
    expect(v2.items).toHaveLength(3);
    expect((await market.post(`/api/standard-versions/${v1.id}/next-draft`, {})).json().code).toBe(
      'STANDARD_DRAFT_EXISTS',
    );
    expect(
      (
        await market.patch(`/api/standard-versions/${v2.id}/items/G-03`, {
          requirement: '消防喷淋系统保持完好有效',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await market.post(`/api/standard-versions/${v2.id}/publish`, {
          documentNumber: '鹿市监〔2026〕9号',
          publishDate: '2026-06-01',
        })
      ).statusCode,
    ).toBe(200);
    const diff = (await market.get(`/api/standard-versions/${v2.id}/diff?against=${v1.id}`)).json();
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c: { code: string; fields: string[] }) => [c.code, c.fields])).toEqual([
      ['G-03', ['requirement']],
    ]);
    expect(diff.keyItemCodes).toEqual(['G-03']);
    const list = (await market.get('/api/standards')).json();
    const mine = list.find((s: { id: string }) => s.id === v1.standard.id);
    expect(
      mine.versions.map((v: { number: string; status: string }) => `${v.number}:${v.status}`).sort(),
    ).toEqual(['1.0:superseded', '2.0:published']);
  });

  it('refuses an empty version, a key item without legal basis, an unknown module', async () => {
    const v = await draftStandard(market, ['2311']);
    const empty = await market.post(`/api/standard-versions/${v.id}/publish`, {
      documentNumber: 'x1',
      publishDate: '2026-04-01',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('STANDARD_VERSION_EMPTY');
    const noBasis = await market.post(
      `/api/standard-versions/${v.id}/items`,
      item('K-01', { isKey: true, legalBasis: [] }),
    );
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().code).toBe('STANDARD_KEY_ITEM_WITHOUT_BASIS');
    const badModule = await market.post(
      `/api/standard-versions/${v.id}/items`,
      item('K-02', { module: 'nonexistent' }),
    );
    expect(badModule.json().code).toBe('STANDARD_ITEM_UNKNOWN_MODULE');
    const dup = await market.post(`/api/standard-versions/${v.id}/items`, item('K-03'));
    expect(dup.statusCode).toBe(201);
    expect((await market.post(`/api/standard-versions/${v.id}/items`, item('K-03'))).json().code).toBe(
      'STANDARD_ITEM_CODE_TAKEN',
    );
  });

  it('reports a scope that overlaps another standard’s', async () => {
    await draftStandard(market, ['1830'], 'scjg', '服饰标准');
    const res = await bureau.post('/api/standards', {
      title: '服装大类标准',
      owningDepartmentId: await ctx.unit('yjj'),
      industryScope: ['18'],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('STANDARD_SCOPE_OVERLAP');
    expect(res.json().detail).toContain('服饰标准');
  });

  it('reorders items of a draft', async () => {
    const v = await draftStandard(market, ['2110']);
    for (const code of ['A-01', 'A-02', 'A-03'])
      await market.post(`/api/standard-versions/${v.id}/items`, item(code));
    const res = await market.put(`/api/standard-versions/${v.id}/order`, { codes: ['A-03', 'A-01'] });
    expect(res.json().items.map((i: { code: string }) => i.code)).toEqual(['A-03', 'A-01', 'A-02']);
  });
});

describe('which standard applies', () => {
  it('uses the filed version covering the industry, restricted to the declared tags', async () => {
    const v = await draftStandard(bureau, ['195'], 'yjj', '鞋业测试标准');
    await bureau.post(`/api/standard-versions/${v.id}/items`, item('S-01'));
    await bureau.post(`/api/standard-versions/${v.id}/items`, item('S-02', { tags: ['solvent_adhesive'] }));
    await bureau.post(`/api/standard-versions/${v.id}/items`, item('S-03', { tags: ['confined_space'] }));
    const shoe = await buildEnterprise(ctx, { industryCode: '1952' });
    const owner = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: shoe.id }] }),
    );

    // published but not yet filed: nothing applies
    await bureau.post(`/api/standard-versions/${v.id}/publish`, {
      documentNumber: '鹿应急〔2026〕1号',
      publishDate: '2026-03-01',
    });
    expect((await owner.get(`/api/enterprises/${shoe.id}/applicable-standard`)).json().code).toBe(
      'STANDARD_NOT_APPLICABLE',
    );
    await bureau.post(`/api/standard-versions/${v.id}/file`);

    const before = (await owner.get(`/api/enterprises/${shoe.id}/applicable-standard`)).json();
    expect(before.items.map((i: { code: string }) => i.code)).toEqual(['S-01']);
    expect(before.excludedCount).toBe(2);
    const declared = await owner.put(`/api/enterprises/${shoe.id}/applicability`, {
      tags: ['solvent_adhesive'],
    });
    expect(declared.json().tags).toEqual(['solvent_adhesive']);
    const after = (await owner.get(`/api/enterprises/${shoe.id}/applicable-standard`)).json();
    expect(after.items.map((i: { code: string }) => i.code)).toEqual(['S-01', 'S-02']);

    expect(
      (await owner.put(`/api/enterprises/${shoe.id}/applicability`, { tags: ['made_up'] })).json().code,
    ).toBe('APPLICABILITY_TAG_UNKNOWN');
    const other = await buildEnterprise(ctx, { industryCode: '1952' });
    expect((await owner.put(`/api/enterprises/${other.id}/applicability`, { tags: [] })).statusCode).toBe(
      404,
    );
    const glasses = await buildEnterprise(ctx, { industryCode: '3587' });
    expect((await bureau.get(`/api/enterprises/${glasses.id}/applicable-standard`)).statusCode).not.toBe(500);
  });
});
