import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { users } from '../../db/schema/identity.js';
import type { Actor } from '../../platform/access/actor.js';
import { buildActor } from '../../platform/auth/sessions.js';
import { inTransaction } from '../../platform/db/tx.js';
import { chinaDayEnd } from '../../platform/documents/format.js';
import { registerSubjectStatus, type SubjectStatus } from '../../platform/documents/subject-status.js';
import { issueDocument } from './commands/issue-document.js';
import { supersedeDocument } from './commands/supersede-document.js';
import { commitmentTemplate, plaqueTemplate } from './index.js';

/**
 * The verification states the current state of a document's subject when the subject's module registered a
 * provider (the white-list module does for `whitelist_entry`). Here a provider of a test subject type stands in.
 */
let ctx: TestContext;
let bureau: Actor;
let enterprise: BuiltEnterprise;

const entries = new Map<string, SubjectStatus>();
const asked: string[] = [];
registerSubjectStatus('test_entry', (_db, id) => {
  asked.push(id);
  return Promise.resolve(entries.get(id) ?? null);
});

beforeAll(async () => {
  ctx = await createTestContext();
  const user = await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] });
  bureau = await buildActor(ctx.db, (await ctx.db.select().from(users).where(eq(users.id, user.id)))[0]);
  enterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
});
afterAll(() => ctx.close());

function issuePlaque(subject: { type: string; id: string } | null) {
  return inTransaction(ctx.db, (tx) =>
    issueDocument(tx, bureau, {
      template: plaqueTemplate,
      holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
      subject,
      subdistrictId: enterprise.subdistrictId,
      validUntil: chinaDayEnd('2029-03-01'),
      data: { ...plaqueTemplate.sample(), enterpriseName: enterprise.name },
    }),
  );
}

const verifyJson = async (code: string) =>
  (await ctx.app.inject({ method: 'GET', url: `/api/public/verify/${code}` })).json<{
    status: string;
    subjectStatus: SubjectStatus | null;
  }>();
const verifyPage = async (code: string) =>
  (await ctx.app.inject({ method: 'GET', url: `/verify/${code}` })).body;

describe('the state of the subject on the verification', () => {
  it('states what the provider says, and follows it as it changes', async () => {
    const entryId = randomUUID();
    entries.set(entryId, { label: '白名单状态：在册', tone: 'ok' });
    const doc = await issuePlaque({ type: 'test_entry', id: entryId });

    expect(await verifyJson(doc.verificationCode)).toMatchObject({
      status: 'valid',
      subjectStatus: { label: '白名单状态：在册', tone: 'ok' },
    });
    expect(await verifyPage(doc.verificationCode)).toContain('白名单状态：在册');

    entries.set(entryId, { label: '白名单状态：暂停', tone: 'warning' });
    expect((await verifyJson(doc.verificationCode)).subjectStatus).toEqual({
      label: '白名单状态：暂停',
      tone: 'warning',
    });
    const page = await verifyPage(doc.verificationCode);
    expect(page).toContain('白名单状态：暂停');
    expect(page).not.toContain('白名单状态：在册');

    entries.set(entryId, { label: '白名单状态：已退出', tone: 'bad' });
    expect((await verifyJson(doc.verificationCode)).subjectStatus?.label).toBe('白名单状态：已退出');
  });

  it('keeps the subject on a correction', async () => {
    const entryId = randomUUID();
    entries.set(entryId, { label: '白名单状态：在册', tone: 'ok' });
    const doc = await issuePlaque({ type: 'test_entry', id: entryId });
    const correction = await inTransaction(ctx.db, (tx) =>
      supersedeDocument(tx, bureau, doc.id, {
        template: plaqueTemplate,
        data: { ...plaqueTemplate.sample(), enterpriseName: enterprise.name },
      }),
    );
    expect(await verifyJson(correction.verificationCode)).toMatchObject({
      status: 'valid',
      subjectStatus: { label: '白名单状态：在册' },
    });
    expect((await verifyJson(doc.verificationCode)).status).toBe('superseded');
  });

  it('states nothing without a subject, without a provider, or when the provider does not know it', async () => {
    const none = await issuePlaque(null);
    const otherType = await inTransaction(ctx.db, (tx) =>
      issueDocument(tx, bureau, {
        template: commitmentTemplate,
        holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
        subject: { type: 'enterprise', id: enterprise.id },
        subdistrictId: enterprise.subdistrictId,
        data: { ...commitmentTemplate.sample(), enterpriseName: enterprise.name, uscc: enterprise.uscc },
      }),
    );
    const unknown = await issuePlaque({ type: 'test_entry', id: randomUUID() });
    for (const doc of [none, otherType, unknown]) {
      expect((await verifyJson(doc.verificationCode)).subjectStatus).toBeNull();
      expect(await verifyPage(doc.verificationCode)).not.toContain('class="subject"');
    }
  });

  it('asks one provider for every code, known or not, so the answer time does not tell them apart', async () => {
    const none = await issuePlaque(null);
    for (const code of [none.verificationCode, 'aaaaaaaaaaaaaaaaaaaaaaaaaa', 'not-a-code']) {
      const before = asked.length;
      await ctx.app.inject({ method: 'GET', url: `/api/public/verify/${code}` });
      expect(asked.length).toBe(before + 1);
      expect(entries.has(asked[asked.length - 1])).toBe(false);
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/verify/not-a-code' })).statusCode).toBe(
      404,
    );
  });

  it('escapes the label on the page', async () => {
    const entryId = randomUUID();
    entries.set(entryId, { label: '<b>白名单状态</b>：在册', tone: 'ok' });
    const page = await verifyPage((await issuePlaque({ type: 'test_entry', id: entryId })).verificationCode);
    expect(page).toContain('&lt;b&gt;白名单状态&lt;/b&gt;：在册');
    expect(page).not.toContain('<b>');
  });

  it('refuses a second provider for the same subject type', () => {
    expect(() => registerSubjectStatus('test_entry', () => Promise.resolve(null))).toThrow(
      /registered twice/,
    );
  });
});
