import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { commitmentOf, plaqueOf } from '../../../test/document-factories.js';
import { buildUser } from '../../../test/factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { documents } from '../../db/schema/documents.js';
import { users } from '../../db/schema/identity.js';
import type { Actor } from '../../platform/access/actor.js';
import { buildActor } from '../../platform/auth/sessions.js';
import { inTransaction } from '../../platform/db/tx.js';
import {
  decodeQrCodes,
  popplerMissing,
  zbarMissing,
} from '../../platform/documents/pdf-tools.test-support.js';
import { issueDocument } from './commands/issue-document.js';
import { revokeDocument } from './commands/revoke-document.js';
import { supersedeDocument } from './commands/supersede-document.js';
import { commitmentTemplate } from './index.js';

const publicBaseUrl = 'https://aq.lucheng.example.gov.cn';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sc-verification-'));
process.env.DATA_DIR = dataDir;
process.env.PUBLIC_BASE_URL = `${publicBaseUrl}/`;

let ctx: TestContext;
let bureau: Actor;
let enterprise: BuiltEnterprise;

beforeAll(async () => {
  ctx = await createTestContext();
  const bureauUser = await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] });
  bureau = await buildActor(
    ctx.db,
    (await ctx.db.select().from(users).where(eq(users.id, bureauUser.id)))[0],
  );
  enterprise = await buildEnterprise(ctx, {
    subdistrict: 'shuangyu',
    name: '温州市鹿城区双屿示范鞋业有限公司',
  });
});
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const issue = (input: Parameters<typeof issueDocument>[2], actor: Actor | null = bureau) =>
  inTransaction(ctx.db, (tx) => issueDocument(tx, actor, input));

const verify = (code: string) => ctx.app.inject({ method: 'GET', url: `/api/public/verify/${code}` });

describe('public verification', () => {
  it('states kind, number, holder, issue date and validity — and nothing else', async () => {
    const doc = await issue(plaqueOf(enterprise));
    const res = await verify(doc.verificationCode);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual([
      'holder',
      'issuedAt',
      'kind',
      'kindLabel',
      'number',
      'status',
      'subjectStatus',
      'validUntil',
    ]);
    expect(body).toMatchObject({
      kind: 'plaque',
      kindLabel: '安全生产合规企业牌匾',
      number: doc.number,
      holder: enterprise.name,
      status: 'valid',
      validUntil: '2029-03-01T16:00:00.000Z',
      subjectStatus: null,
    });
    // codes are read case-insensitively (typed from paper)
    expect((await verify(doc.verificationCode.toUpperCase())).json().number).toBe(doc.number);
  });

  it('says superseded once a correction is issued, and the correction is valid', async () => {
    const doc = await issue(commitmentOf(enterprise));
    const input = commitmentOf(enterprise);
    const correction = await inTransaction(ctx.db, (tx) =>
      supersedeDocument(tx, bureau, doc.id, {
        template: commitmentTemplate,
        data: { ...input.data, legalRepresentative: '李四' },
      }),
    );
    expect(correction.number).not.toBe(doc.number);
    expect((await verify(doc.verificationCode)).json().status).toBe('superseded');
    expect((await verify(correction.verificationCode)).json().status).toBe('valid');
    const [old] = await ctx.db.select().from(documents).where(eq(documents.id, doc.id));
    const [fresh] = await ctx.db.select().from(documents).where(eq(documents.id, correction.id));
    expect(old.supersededById).toBe(correction.id);
    expect(fresh).toMatchObject({
      supersedesId: doc.id,
      holderId: enterprise.id,
      subdistrictId: enterprise.subdistrictId,
    });
    // a superseded document cannot be corrected or revoked again
    await expect(
      inTransaction(ctx.db, (tx) =>
        supersedeDocument(tx, bureau, doc.id, { template: commitmentTemplate, data: input.data }),
      ),
    ).rejects.toMatchObject({ code: 'DOCUMENT_ALREADY_SUPERSEDED', status: 409 });
    await expect(
      inTransaction(ctx.db, (tx) => revokeDocument(tx, bureau, doc.id, '重复')),
    ).rejects.toMatchObject({
      code: 'DOCUMENT_ALREADY_SUPERSEDED',
    });
  });

  it('lets only one of two simultaneous corrections win', async () => {
    const doc = await issue(commitmentOf(enterprise));
    const correct = () =>
      inTransaction(ctx.db, (tx) =>
        supersedeDocument(tx, bureau, doc.id, {
          template: commitmentTemplate,
          data: commitmentOf(enterprise).data,
        }),
      );
    const results = await Promise.allSettled([correct(), correct()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'DOCUMENT_ALREADY_SUPERSEDED' },
    });
  });

  it('says revoked after a revocation', async () => {
    const doc = await issue(plaqueOf(enterprise));
    await inTransaction(ctx.db, (tx) => revokeDocument(tx, bureau, doc.id, '企业退出合规企业名单'));
    expect((await verify(doc.verificationCode)).json().status).toBe('revoked');
    await expect(
      inTransaction(ctx.db, (tx) => revokeDocument(tx, bureau, doc.id, '再次')),
    ).rejects.toMatchObject({
      code: 'DOCUMENT_ALREADY_REVOKED',
    });
  });

  it('says expired after the validity ends', async () => {
    const doc = await issue({
      ...plaqueOf(enterprise, '2023-12-31'),
      issuedAt: new Date('2021-01-04T02:00:00Z'),
      data: { ...plaqueOf(enterprise).data, validFrom: '2021-01-04', validTo: '2023-12-31' },
    });
    const body = (await verify(doc.verificationCode)).json();
    expect(body.status).toBe('expired');
    expect(body.validUntil).toBe('2023-12-31T16:00:00.000Z');
  });

  it('answers unknown and malformed codes with the same plain 404', async () => {
    for (const code of ['aaaaaaaaaaaaaaaaaaaaaaaaaa', 'not-a-code', 'x'.repeat(90), '%27%20or%201%3D1--']) {
      const res = await verify(code);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'VERIFY_CODE_NOT_FOUND',
        title: '未找到该文书，请核对核验码',
      });
    }
  });
});

describe('the verification page', () => {
  it('shows the document and its status in Chinese, for phones, without login', async () => {
    const doc = await issue(plaqueOf(enterprise));
    const res = await ctx.app.inject({ method: 'GET', url: `/verify/${doc.verificationCode}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toContain('<meta name="viewport"');
    for (const text of [
      '文书核验结果',
      '安全生产合规企业牌匾',
      doc.number,
      enterprise.name,
      '有效期至',
      '2029年3月1日',
      '有效',
    ]) {
      expect(res.body).toContain(text);
    }
    expect(res.body).not.toContain(enterprise.uscc);
    expect(res.body).not.toContain('<script');
  });

  it('shows 已撤销 for a revoked document', async () => {
    const doc = await issue(plaqueOf(enterprise));
    await inTransaction(ctx.db, (tx) => revokeDocument(tx, bureau, doc.id, '测试'));
    const res = await ctx.app.inject({ method: 'GET', url: `/verify/${doc.verificationCode}` });
    expect(res.body).toContain('已撤销');
  });

  it('escapes what it prints', async () => {
    const e = { ...enterprise, name: '<script>alert(1)</script>鞋业' };
    const doc = await issue({
      ...commitmentOf(enterprise),
      holder: { type: 'enterprise', id: e.id, name: e.name },
    });
    const res = await ctx.app.inject({ method: 'GET', url: `/verify/${doc.verificationCode}` });
    expect(res.body).not.toContain('<script>');
    expect(res.body).toContain('&lt;script&gt;');
  });

  it('answers an unknown code with a plain "未找到该文书" page and 404', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/verify/bbbbbbbbbbbbbbbbbbbbbbbbbb' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('未找到该文书');
  });

  it.skipIf(popplerMissing || zbarMissing)('is what the QR code on the issued PDF opens', async () => {
    const doc = await issue(plaqueOf(enterprise));
    const [decoded] = decodeQrCodes(doc.pdf);
    expect(decoded).toBe(`${publicBaseUrl}/verify/${doc.verificationCode}`);
    const res = await ctx.app.inject({ method: 'GET', url: new URL(decoded).pathname });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(doc.number);
    expect(res.body).toContain('有效');
  });
});
