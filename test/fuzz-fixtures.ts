/**
 * Fixtures of the input-fuzzing tests (server/security/fuzz-*.test.ts): a fresh context on its own data folder,
 * one user holding the system administrator, bureau administrator and 双屿 subdistrict officer roles, logged in,
 * and real ids of every kind of entity for path parameters. Fills `session` and `pathValues` of
 * fuzz.test-support.ts; returns the context, a valid enterprise-register .xlsx and a close function.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { roleBindings } from '../server/db/schema/identity.js';
import { issueDocument } from '../server/modules/documents/commands/issue-document.js';
import { commitmentTemplate } from '../server/modules/documents/index.js';
import { inTransaction } from '../server/platform/db/tx.js';
import { pathValues, session, xlsxType } from '../server/security/fuzz.test-support.js';
import type { ApiRoute } from '../server/security/openapi-routes.test-support.js';
import { createTestContext, type TestContext } from './context.js';
import { buildUser, defaultPassword } from './factories.js';
import { buildEnterprise, buildPark, buildSheet, uniqueUscc } from './registry-factories.js';

export interface FuzzFixtures {
  ctx: TestContext;
  validXlsx: Buffer;
  close: () => Promise<void>;
}

export async function fuzzFixtures(): Promise<FuzzFixtures> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sc-fuzz-'));
  process.env.DATA_DIR = dataDir;
  const ctx = await createTestContext();
  const fuzzer = await buildUser(ctx, {
    roles: [
      { role: 'system_admin' },
      { role: 'bureau_admin', unit: 'yjj' },
      { role: 'subdistrict_officer', unit: 'shuangyu' },
    ],
  });
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: fuzzer.username, password: defaultPassword },
  });
  Object.assign(session, {
    cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrfToken: res.json<{ csrfToken: string }>().csrfToken,
  });
  const send = (method: ApiRoute['method'], url: string, payload?: object | Buffer, contentType?: string) =>
    ctx.app.inject({
      method,
      url,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      ...(payload ? { payload } : {}),
    });

  const validXlsx = await buildSheet(
    ['统一社会信用代码', '企业名称', '法定代表人', '所属街镇', '行业代码', '企业规模'],
    [[uniqueUscc(), '模糊测试鞋业有限公司', '王五', '双屿街道', '1952', '小型']],
  );
  const target = await buildUser(ctx, { roles: [{ role: 'expert' }] });
  const [binding] = await ctx.db
    .select({ id: roleBindings.id })
    .from(roleBindings)
    .where(eq(roleBindings.userId, target.id));
  const enterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  const park = await buildPark(ctx, { subdistrict: 'shuangyu' });
  const doc = await inTransaction(ctx.db, (tx) =>
    issueDocument(tx, null, {
      template: commitmentTemplate,
      holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
      subdistrictId: enterprise.subdistrictId,
      jurisdictionId: ctx.jurisdictionId,
      data: { ...commitmentTemplate.sample(), enterpriseName: enterprise.name, uscc: enterprise.uscc },
    }),
  );
  const started = (
    await send('POST', '/api/enterprise-imports?fileName=fuzz.xlsx', validXlsx, xlsxType)
  ).json<{ importId: string; jobId: string }>();
  const templates = (await send('GET', '/api/standards/templates')).json<{ key: string }[]>();
  const version = (await send('POST', '/api/standards/from-template', { key: templates[0].key })).json<{
    id: string;
    items: { code: string }[];
  }>();
  const photo = await import('sharp').then(({ default: sharp }) =>
    sharp({ create: { width: 40, height: 30, channels: 3, background: '#884422' } })
      .jpeg()
      .toBuffer(),
  );
  const boundary = `----fuzz${randomBytes(6).toString('hex')}`;
  const upload = await send(
    'POST',
    '/api/files',
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="entityType"\r\n\r\ndocument\r\n--${boundary}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${doc.id}\r\n`,
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      photo,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    `multipart/form-data; boundary=${boundary}`,
  );
  await ctx.jobs.drain();

  Object.assign(pathValues, {
    // `id` is shared by many routes: a pool of every kind of entity
    id: [target.id, enterprise.id, park.id, doc.id, started.importId, started.jobId, version.id],
    bindingId: [binding.id],
    code: [version.items[0]?.code ?? 'A1', doc.verificationCode],
    sha256: [upload.json<{ sha256: string }>().sha256],
    kind: ['commitment', 'plaque'],
    key: [
      'documents.issuerName',
      'files.maxBytes',
      'registry.importMaxRows',
      'documents.numberPattern.plaque',
      'jobs.maxAttempts',
    ],
  });

  return {
    ctx,
    validXlsx,
    close: async () => {
      await ctx.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
