import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { fileFootwearStandard } from '../../../test/readiness-factories.js';
import { uniqueUscc } from '../../../test/registry-factories.js';

let ctx: TestContext;
let versionId: string;
let bureau: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ versionId } = await fileFootwearStandard(ctx));
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
});
afterAll(() => ctx.close());

const register = (client: ApiClient, uscc = uniqueUscc()) =>
  client.post('/api/associations', {
    name: `温州市鹿城区鞋业协会${uscc.slice(12, 16)}`,
    uscc,
    industryScope: ['19'],
  });

describe('industry associations and their self-discipline standards', () => {
  it('are registered by the bureau only, once per USCC', async () => {
    const uscc = uniqueUscc();
    const res = await register(bureau, uscc);
    expect(res.statusCode, res.body).toBe(201);
    expect((await register(bureau, uscc)).json().code).toBe('ASSOCIATION_USCC_TAKEN');
    const bad = await bureau.post('/api/associations', {
      name: '某协会',
      uscc: '91330302MA2AB0C3X0',
      industryScope: ['19'],
    });
    expect(bad.statusCode).toBe(400);
    const officer = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
    );
    expect((await register(officer)).statusCode).toBe(403);
    expect((await officer.get('/api/associations')).json().map((a: { id: string }) => a.id)).toContain(
      res.json().id,
    );
  });

  it('adopt a subset of a filed version by reference, showing the version’s own item texts', async () => {
    const association = (await register(bureau)).json();
    const member = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'association_user', unit: association.id }] }),
    );
    const version = (await bureau.get(`/api/standard-versions/${versionId}`)).json();
    const picked = version.items
      .filter((i: { isKey: boolean }) => i.isKey)
      .slice(0, 5)
      .map((i: { code: string }) => i.code);

    const adopted = await member.post(`/api/associations/${association.id}/self-discipline-standards`, {
      title: '鹿城鞋业自律共治标准（2026）',
      standardVersionId: versionId,
      itemCodes: [...picked].reverse(),
    });
    expect(adopted.statusCode, adopted.body).toBe(201);
    const body = adopted.json();
    expect(body.items.map((i: { code: string }) => i.code)).toEqual(picked);
    expect(body.items[0].requirement).toBe(
      version.items.find((i: { code: string }) => i.code === picked[0]).requirement,
    );
    expect(body).toMatchObject({ itemCount: 5, status: 'active', abilities: { withdraw: true } });

    const unknown = await member.post(`/api/associations/${association.id}/self-discipline-standards`, {
      title: '错误条目',
      standardVersionId: versionId,
      itemCodes: ['Z9.9'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('SELF_DISCIPLINE_ITEMS_INVALID');
    expect(
      (
        await member.post(`/api/associations/${association.id}/self-discipline-standards`, {
          title: '空',
          standardVersionId: versionId,
          itemCodes: [],
        })
      ).statusCode,
    ).toBe(400);

    const draft = (
      await bureau.post(`/api/standard-versions/${versionId}/next-draft`, { number: '9.0' })
    ).json();
    const fromDraft = await member.post(`/api/associations/${association.id}/self-discipline-standards`, {
      title: '草稿',
      standardVersionId: draft.id,
      itemCodes: picked,
    });
    expect(fromDraft.json().code).toBe('SELF_DISCIPLINE_VERSION_NOT_PUBLISHED');

    const other = (await register(bureau)).json();
    const stranger = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'association_user', unit: other.id }] }),
    );
    expect(
      (
        await stranger.post(`/api/associations/${association.id}/self-discipline-standards`, {
          title: '越权',
          standardVersionId: versionId,
          itemCodes: picked,
        })
      ).statusCode,
    ).toBe(403);
    expect((await stranger.post(`/api/self-discipline-standards/${body.id}/withdraw`)).statusCode).toBe(403);

    const withdrawn = await member.post(`/api/self-discipline-standards/${body.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', abilities: { withdraw: false } });
    const events = (await bureau.get(`/api/audit/events?entityId=${body.id}`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(events).toEqual(['self_discipline_standard.withdrawn', 'self_discipline_standard.adopted']);
  });
});
