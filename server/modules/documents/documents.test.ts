import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser, type BuiltUser } from '../../../test/factories.js';
import { commitmentOf, plaqueOf } from '../../../test/document-factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { documentNumberCounters, documents } from '../../db/schema/documents.js';
import { events } from '../../db/schema/platform.js';
import { users } from '../../db/schema/identity.js';
import type { Actor } from '../../platform/access/actor.js';
import { buildActor } from '../../platform/auth/sessions.js';
import { inTransaction } from '../../platform/db/tx.js';
import { extractPdfText } from '../../platform/documents/pdf-text.js';
import { pdftotext, popplerMissing } from '../../platform/documents/pdf-tools.test-support.js';
import { sha256Hex } from '../../platform/documents/render.js';
import { changeSetting } from '../settings/commands/change-setting.js';
import { issueDocument } from './commands/issue-document.js';
import { plaqueTemplate } from './index.js';

const publicBaseUrl = 'https://aq.lucheng.example.gov.cn';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sc-documents-'));
process.env.DATA_DIR = dataDir;
process.env.PUBLIC_BASE_URL = `${publicBaseUrl}/`;

let ctx: TestContext;
let bureauUser: BuiltUser;
let bureau: Actor;
let bureauClient: ApiClient;
let enterprise: BuiltEnterprise;
let otherEnterprise: BuiltEnterprise;

const actorOf = async (user: BuiltUser): Promise<Actor> =>
  buildActor(ctx.db, (await ctx.db.select().from(users).where(eq(users.id, user.id)))[0]);

beforeAll(async () => {
  ctx = await createTestContext();
  bureauUser = await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] });
  bureau = await actorOf(bureauUser);
  bureauClient = await loginAs(ctx, bureauUser);
  enterprise = await buildEnterprise(ctx, {
    subdistrict: 'shuangyu',
    name: '温州市鹿城区双屿示范鞋业有限公司',
  });
  otherEnterprise = await buildEnterprise(ctx, { subdistrict: 'yangyi' });
});
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const issue = (input: Parameters<typeof issueDocument>[2], actor: Actor | null = bureau) =>
  inTransaction(ctx.db, (tx) => issueDocument(tx, actor, input));

describe('issuing', () => {
  it('numbers, renders, stores and records a commitment letter in one go', async () => {
    const issued = await issue(commitmentOf(enterprise));
    expect(issued.number).toMatch(/^鹿应急合规承〔\d{4}〕\d+号$/);
    expect(issued.verifyUrl).toBe(`${publicBaseUrl}/verify/${issued.verificationCode}`);
    expect(issued.pdfSha256).toBe(sha256Hex(issued.pdf));

    const [row] = await ctx.db.select().from(documents).where(eq(documents.id, issued.id));
    expect(row).toMatchObject({
      kind: 'commitment',
      status: 'valid',
      holderName: enterprise.name,
      enterpriseId: enterprise.id,
    });
    const [event] = await ctx.db.select().from(events).where(eq(events.id, row.issuingEventId));
    expect(event).toMatchObject({
      kind: 'document.issued',
      entityType: 'document',
      entityId: issued.id,
      actorUserId: bureau.userId,
    });
    expect(event.after).toMatchObject({ number: issued.number, pdfSha256: issued.pdfSha256 });

    const text = extractPdfText(issued.pdf);
    expect(text).toContain(issued.number);
    expect(text).toContain(enterprise.name);
    expect(text).toContain('温州市鹿城区应急管理局：');
  });

  it('follows the jurisdiction number pattern setting and counts per kind and year', async () => {
    const admin = await actorOf(await buildUser(ctx, { roles: [{ role: 'system_admin' }] }));
    await changeSetting(ctx.db, admin, 'documents.numberPattern.plaque', '{short}合规牌〔{year}〕{n:3}号');
    const first = await issue({ ...plaqueOf(enterprise), issuedAt: new Date('2025-06-01T02:00:00Z') });
    const second = await issue({ ...plaqueOf(enterprise), issuedAt: new Date('2025-07-01T02:00:00Z') });
    // the first second of 2026 in Beijing is still 2025 in UTC
    const newYear = await issue({ ...plaqueOf(enterprise), issuedAt: new Date('2025-12-31T16:00:01Z') });
    expect([first.number, second.number, newYear.number]).toEqual([
      '鹿合规牌〔2025〕001号',
      '鹿合规牌〔2025〕002号',
      '鹿合规牌〔2026〕001号',
    ]);
    await changeSetting(ctx.db, admin, 'documents.numberPattern.plaque', '{short}应急合规牌〔{year}〕{n}号');
  });

  it('refuses data that does not fit the template, and takes no number for it', async () => {
    const before = await ctx.db.select().from(documentNumberCounters);
    const input = commitmentOf(enterprise);
    await expect(issue({ ...input, data: { ...input.data, uscc: 'x' } })).rejects.toMatchObject({
      code: 'DOCUMENT_DATA_INVALID',
    });
    expect(await ctx.db.select().from(documentNumberCounters)).toEqual(before);
  });
});

describe('numbering under concurrency', () => {
  const year = 2031;
  const at = (i: number) => new Date(Date.UTC(year, 2, 1, 2, 0, i));
  const sequences = async () =>
    (
      await ctx.db
        .select({ sequence: documents.sequence })
        .from(documents)
        .where(and(eq(documents.kind, 'commitment'), eq(documents.year, year)))
    )
      .map((r) => r.sequence)
      .sort((a, b) => a - b);

  it('gives 20 documents issued at the same moment the numbers 1 to 20', async () => {
    const issued = await Promise.all(
      Array.from({ length: 20 }, (_, i) => issue({ ...commitmentOf(enterprise), issuedAt: at(i) })),
    );
    const numbers = issued.map((d) => d.sequence).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(issued.map((d) => d.number)).size).toBe(20);
    expect(await sequences()).toEqual(numbers);
  });

  it('gives the number of a rolled-back issue to the next one: no gap', async () => {
    await expect(
      inTransaction(ctx.db, async (tx) => {
        const doc = await issueDocument(tx, bureau, { ...commitmentOf(enterprise), issuedAt: at(30) });
        expect(doc.sequence).toBe(21);
        throw new Error('the caller failed after issuing');
      }),
    ).rejects.toThrow('the caller failed after issuing');
    const next = await issue({ ...commitmentOf(enterprise), issuedAt: at(31) });
    expect(next.sequence).toBe(21);
    expect(await sequences()).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });
});

describe('reading documents', () => {
  let doc: Awaited<ReturnType<typeof issue>>;
  let own: ApiClient;
  let stranger: ApiClient;
  let officerHere: ApiClient;
  let officerElsewhere: ApiClient;
  beforeAll(async () => {
    doc = await issue(commitmentOf(enterprise));
    own = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: enterprise.id }] }),
    );
    stranger = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: otherEnterprise.id }] }),
    );
    officerHere = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
    );
    officerElsewhere = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'yangyi' }] }),
    );
  });

  it('shows the metadata to the holder enterprise, its subdistrict and the bureau, with abilities', async () => {
    for (const client of [own, officerHere, bureauClient]) {
      const res = await client.get(`/api/documents/${doc.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: doc.id,
        kind: 'commitment',
        kindLabel: '安全生产合规承诺书',
        number: doc.number,
        holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
        status: 'valid',
        pdfSha256: doc.pdfSha256,
        verifyUrl: doc.verifyUrl,
      });
    }
    expect((await bureauClient.get(`/api/documents/${doc.id}`)).json().abilities).toEqual({
      read: true,
      downloadPdf: true,
      revoke: true,
    });
    expect((await own.get(`/api/documents/${doc.id}`)).json().abilities).toEqual({
      read: true,
      downloadPdf: true,
      revoke: false,
    });
  });

  it('hides it from other enterprises and other subdistricts', async () => {
    for (const client of [stranger, officerElsewhere]) {
      for (const url of [`/api/documents/${doc.id}`, `/api/documents/${doc.id}/pdf`]) {
        const res = await client.get(url);
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('DOCUMENT_NOT_FOUND');
      }
    }
  });

  it('re-renders the PDF from the snapshot with the stored sha256', async () => {
    const res = await own.get(`/api/documents/${doc.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${doc.number}.pdf`)}`,
    );
    expect(sha256Hex(res.rawPayload)).toBe(doc.pdfSha256);
    expect(Buffer.compare(res.rawPayload, doc.pdf)).toBe(0);
    if (!popplerMissing) expect(pdftotext(res.rawPayload)).toContain(enterprise.name);
  });

  it('refuses to serve a PDF that no longer matches what was issued', async () => {
    const tampered = await issue(commitmentOf(enterprise));
    await ctx.db
      .update(documents)
      .set({ data: { ...commitmentOf(enterprise).data, legalRepresentative: '篡改' } })
      .where(eq(documents.id, tampered.id));
    const res = await bureauClient.get(`/api/documents/${tampered.id}/pdf`);
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('DOCUMENT_RENDER_MISMATCH');
  });

  it('lists documents by holder and kind within the scope', async () => {
    await issue(plaqueOf(otherEnterprise));
    const mine = (
      await own.get(`/api/documents?holderId=${enterprise.id}&kind=commitment&pageSize=200`)
    ).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(
      mine.items.every(
        (d: { holder: { id: string }; kind: string }) =>
          d.holder.id === enterprise.id && d.kind === 'commitment',
      ),
    ).toBe(true);
    expect((await own.get(`/api/documents?holderId=${otherEnterprise.id}`)).json()).toEqual({
      total: 0,
      items: [],
    });
    expect((await stranger.get(`/api/documents?holderId=${otherEnterprise.id}`)).json().total).toBe(1);
    expect((await bureauClient.get(`/api/documents?holderId=${otherEnterprise.id}`)).json().total).toBe(1);
  });

  it('lets only the bureau administrator revoke, through the API', async () => {
    const target = await issue(plaqueOf(enterprise));
    const refused = await own.post(`/api/documents/${target.id}/revoke`, { reason: '企业自行申请' });
    expect(refused.statusCode).toBe(403);
    const res = await bureauClient.post(`/api/documents/${target.id}/revoke`, {
      reason: '企业退出合规企业名单',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'revoked',
      revokedReason: '企业退出合规企业名单',
      abilities: { revoke: false },
    });
    expect(
      (await bureauClient.post(`/api/documents/${target.id}/revoke`, { reason: '再次撤销' })).statusCode,
    ).toBe(403);
    const [event] = await ctx.db
      .select()
      .from(events)
      .where(and(eq(events.entityId, target.id), eq(events.kind, 'document.revoked')));
    expect(event.after).toMatchObject({ reason: '企业退出合规企业名单' });
  });

  it('ships viewDocuments and previewDocuments in /api/me by role', async () => {
    const abilitiesOf = async (client: ApiClient) =>
      (await client.get('/api/me')).json().abilities as Record<string, boolean>;
    expect(await abilitiesOf(bureauClient)).toMatchObject({ viewDocuments: true, previewDocuments: true });
    expect(await abilitiesOf(own)).toMatchObject({ viewDocuments: true, previewDocuments: false });
    expect(await abilitiesOf(officerHere)).toMatchObject({ viewDocuments: true, previewDocuments: false });
    const expert = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'expert' }] }));
    expect(await abilitiesOf(expert)).toMatchObject({ viewDocuments: false, previewDocuments: false });
  });

  it('lists the kinds', async () => {
    const kinds = (await own.get('/api/documents/kinds')).json();
    expect(kinds).toEqual(
      expect.arrayContaining([{ kind: 'commitment', label: '安全生产合规承诺书', version: 1 }]),
    );
  });
});

describe('previews', () => {
  it('renders a watermarked sample for the bureau, unnumbered and unrecorded', async () => {
    const before = await ctx.db.select().from(documents);
    const res = await bureauClient.post('/api/documents/preview/plaque', {
      data: { ...plaqueTemplate.sample(), enterpriseName: '温州市鹿城区预览测试有限公司' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = extractPdfText(res.rawPayload);
    expect(text).toContain('温州市鹿城区预览测试有限公司');
    expect(text).toContain('样 本 · 仅供预览');
    expect(text).toMatch(/鹿应急合规牌〔\d{4}〕×号/);
    expect(await ctx.db.select().from(documents)).toHaveLength(before.length);
    const sample = await bureauClient.post('/api/documents/preview/commitment', {});
    expect(extractPdfText(sample.rawPayload)).toContain('本企业自愿参加安全生产合规管理工作');
  });

  it('refuses bad data, unknown kinds and users outside the bureau', async () => {
    const bad = await bureauClient.post('/api/documents/preview/plaque', { data: { enterpriseName: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('DOCUMENT_DATA_INVALID');
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['data/enterpriseName', 'data/whitelistNumber']),
    );
    expect((await bureauClient.post('/api/documents/preview/nosuchkind', {})).json().code).toBe(
      'DOCUMENT_KIND_UNKNOWN',
    );
    const officer = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
    );
    expect((await officer.post('/api/documents/preview/plaque', {})).statusCode).toBe(403);
  });
});
