import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { uploadEvidence } from '../../../test/upload.js';

let ctx: TestContext;
let enterprise: BuiltEnterprise;
let owner: ApiClient;
let shuangyu: ApiClient;
let yangyi: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  enterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  owner = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: enterprise.id }] }),
  );
  shuangyu = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
  );
  yangyi = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'yangyi' }] }),
  );
});
afterAll(() => ctx.close());

describe('the commitment', () => {
  it('is signed by the enterprise as an issued document, once per text, and again when the text changes', async () => {
    const before = (await owner.get(`/api/enterprises/${enterprise.id}/commitment`)).json();
    expect(before).toMatchObject({ latest: null, upToDate: false, abilities: { sign: true } });
    expect(before.current.text.length).toBeGreaterThan(100);

    const wrongName = await owner.post(`/api/enterprises/${enterprise.id}/commitment`, {
      signatoryName: '李四',
      signatoryCapacity: 'legal_representative',
    });
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().code).toBe('COMMITMENT_SIGNATORY_MISMATCH');
    const noLetter = await owner.post(`/api/enterprises/${enterprise.id}/commitment`, {
      signatoryName: '李四',
      signatoryCapacity: 'authorised',
    });
    expect(noLetter.json().code).toBe('COMMITMENT_AUTHORISATION_REQUIRED');
    expect(
      (
        await shuangyu.post(`/api/enterprises/${enterprise.id}/commitment`, {
          signatoryName: '张三',
          signatoryCapacity: 'legal_representative',
        })
      ).statusCode,
    ).toBe(403);

    const signed = await owner.post(`/api/enterprises/${enterprise.id}/commitment`, {
      signatoryName: '张三',
      signatoryCapacity: 'legal_representative',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({
      upToDate: true,
      abilities: { sign: false },
      latest: { signatoryName: '张三', textVersion: '平台内置文本' },
    });
    expect(signed.json().latest.documentNumber).toMatch(/^鹿应急合规承〔\d{4}〕\d+号$/);
    const pdf = await owner.get(`/api/documents/${signed.json().latest.documentId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const again = await owner.post(`/api/enterprises/${enterprise.id}/commitment`, {
      signatoryName: '张三',
      signatoryCapacity: 'legal_representative',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('COMMITMENT_ALREADY_SIGNED');

    // the bureau changes the text: the signature is no longer up to date, and an authorised signatory signs anew
    const admin = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'system_admin' }, { role: 'bureau_admin', unit: 'yjj' }] }),
    );
    const changed = await admin.put('/api/settings/commitment.text', {
      value: '本企业郑重承诺：严格遵守安全生产法律法规。\n落实全员安全生产责任制。',
      reason: '修订承诺书文本',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const stale = (await shuangyu.get(`/api/enterprises/${enterprise.id}/commitment`)).json();
    expect(stale).toMatchObject({
      upToDate: false,
      current: { textVersion: expect.stringMatching(/^第1版/) },
    });
    const letter = await uploadEvidence(owner, 'enterprise', enterprise.id, '授权委托书');
    const resigned = await owner.post(`/api/enterprises/${enterprise.id}/commitment`, {
      signatoryName: '李四',
      signatoryCapacity: 'authorised',
      authorisationFile: letter,
    });
    expect(resigned.statusCode, resigned.body).toBe(201);
    expect(resigned.json().history).toHaveLength(2);
    expect((await yangyi.get(`/api/enterprises/${enterprise.id}/commitment`)).statusCode).toBe(404);
  });
});
