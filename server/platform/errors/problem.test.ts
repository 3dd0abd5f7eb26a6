import { readdirSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { loginAs } from '../../../test/client.js';
import { buildAdmin } from '../../../test/factories.js';
import { AppError } from './app-error.js';
import { errorCatalogue, type ErrorSpec } from './catalogue.js';
import { registerProblemHandlers } from './problem.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** Every problem answer: RFC 9457 media type, our code, a Chinese title, and nothing of the server's insides. */
function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({
    status,
    code,
    type: `urn:safecomply:problem:${code}`,
    title: errorCatalogue[code as keyof typeof errorCatalogue].zh,
  });
  expect(typeof body.requestId).toBe('string');
  expectNoInternals(res.body);
  return body;
}

function expectNoInternals(text: string) {
  expect(text).not.toMatch(/"stack"/);
  expect(text).not.toMatch(/\bat .+\(.*:\d+:\d+\)/);
  expect(text).not.toMatch(/\.(ts|js|mjs):\d+/);
  expect(text).not.toMatch(/node_modules/);
}

describe('bad requests get problem answers', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", "password": ',
    });
    const body = expectProblem(res, 400, 'MALFORMED_JSON');
    expect(body.instance).toBe('/api/auth/login');
  });

  it('answers malformed JSON on a private route the same way, before authentication', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expectProblem(res, 400, 'MALFORMED_JSON');
  });

  it('answers an unknown /api route with 404 ROUTE_NOT_FOUND, logged in or not', async () => {
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing' }), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await ctx.app.inject({ method: 'POST', url: '/api/users/x/y/z' }), 404, 'ROUTE_NOT_FOUND');
    const admin = await loginAs(ctx, await buildAdmin(ctx));
    expectProblem(await admin.get('/api/enterprises-of-mars?page=1'), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers a wrong method on a known route with 405 METHOD_NOT_ALLOWED and an Allow header', async () => {
    const health = await ctx.app.inject({ method: 'DELETE', url: '/api/health' });
    expectProblem(health, 405, 'METHOD_NOT_ALLOWED');
    expect(health.headers.allow).toBe('GET');
    expectProblem(await ctx.app.inject({ method: 'POST', url: '/api/me' }), 405, 'METHOD_NOT_ALLOWED');

    const user = await ctx.app.inject({ method: 'PUT', url: `/api/users/${crypto.randomUUID()}` });
    expectProblem(user, 405, 'METHOD_NOT_ALLOWED');
    expect(String(user.headers.allow).split(', ').sort()).toEqual(['GET', 'PATCH']);
  });

  it('answers schema violations with 400 VALIDATION_FAILED and one error per field', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '', extra: 1 },
    });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    const fields = (body.errors as { field: string; code: string; message: string }[]).map((e) => [
      e.field,
      e.code,
    ]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['body/username', 'minLength'],
        ['body/password', 'required'],
        ['body', 'additionalProperties'],
      ]),
    );
    for (const e of body.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('validates path parameters and query strings too', async () => {
    const admin = await loginAs(ctx, await buildAdmin(ctx));
    const badId = expectProblem(await admin.get('/api/users/not-a-uuid'), 400, 'VALIDATION_FAILED');
    expect(badId.errors).toEqual([expect.objectContaining({ field: 'params/id', code: 'format' })]);
    const badPage = expectProblem(await admin.get('/api/users?pageSize=100000'), 400, 'VALIDATION_FAILED');
    expect(badPage.errors).toEqual([
      expect.objectContaining({ field: 'querystring/pageSize', code: 'maximum' }),
    ]);
  });

  it('refuses a number too large to be finite, which the validator would otherwise let past its maximum', async () => {
    const admin = await loginAs(ctx, await buildAdmin(ctx));
    const res = expectProblem(await admin.get('/api/login-log?pageSize=1e309'), 400, 'VALIDATION_FAILED');
    expect(res.errors).toEqual([expect.objectContaining({ field: 'querystring/pageSize', code: 'type' })]);
  });

  it('does not coerce JSON bodies: a string is not a number there', async () => {
    const admin = await loginAs(ctx, await buildAdmin(ctx));
    const res = expectProblem(await admin.post('/api/auth/login', { username: 1, password: true }), 400, 'VALIDATION_FAILED');
    expect(res.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body/password', 'body/username']);
  });

  it('answers a body in an unsupported media type with 415', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login><username>admin</username></login>',
    });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a missing login with 401 AUTH_REQUIRED as a problem', async () => {
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/users' }), 401, 'AUTH_REQUIRED');
  });
});

describe('body size limit', () => {
  let small: TestContext;
  beforeAll(async () => {
    small = await createTestContext({ bodyLimitBytes: 1024 });
  });
  afterAll(() => small.close());

  it('answers a body over the limit with 413 BODY_TOO_LARGE', async () => {
    const res = await small.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'x'.repeat(2048) },
    });
    expectProblem(res, 413, 'BODY_TOO_LARGE');
  });

  it('still accepts a body under the limit', async () => {
    const res = await small.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'whatever-1234' },
    });
    expectProblem(res, 401, 'AUTH_INVALID_CREDENTIALS');
  });
});

describe('unexpected errors', () => {
  // A bare app with only the problem handlers: routes that fail the way bugs and outages do.
  const app = Fastify({ logger: false });
  registerProblemHandlers(app);
  app.get('/bug', () => {
    throw new Error('relation "secret_table" does not exist at /srv/app/server/x.ts:12:3');
  });
  app.get('/db-down', () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
  app.get('/app-error', () => {
    throw new AppError('CONFLICT_STATE', { extra: { currentStatus: 'approved' } });
  });
  afterAll(() => app.close());

  it('answers a bug with 500 INTERNAL and none of its message or stack', async () => {
    const res = await app.inject({ method: 'GET', url: '/bug' });
    const body = expectProblem(res, 500, 'INTERNAL');
    expect(res.body).not.toContain('secret_table');
    expect(body.detail).toBe(errorCatalogue.INTERNAL.zh);
  });

  it('answers an unreachable database with 503 SERVICE_UNAVAILABLE', async () => {
    const res = await app.inject({ method: 'GET', url: '/db-down' });
    expectProblem(res, 503, 'SERVICE_UNAVAILABLE');
    expect(res.body).not.toContain('5432');
  });

  it('maps an AppError to its catalogue status, with extra members', async () => {
    const res = await app.inject({ method: 'GET', url: '/app-error' });
    expect(expectProblem(res, 409, 'CONFLICT_STATE')).toMatchObject({ currentStatus: 'approved' });
  });
});

describe('the error catalogue', () => {
  it('gives every code an HTTP error status and a Chinese and English message', () => {
    for (const [code, spec] of Object.entries(errorCatalogue) as [string, ErrorSpec][]) {
      expect(code, code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.status, code).toBeLessThan(600);
      expect(spec.zh.trim(), code).not.toBe('');
      expect(spec.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.en.trim(), code).not.toBe('');
    }
  });

  it('takes each code from exactly one module file, and every module file is part of it', async () => {
    const dir = path.join(import.meta.dirname, 'codes');
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    let total = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const mod = (await import(path.join(dir, file))) as Record<string, Record<string, ErrorSpec>>;
      for (const codes of Object.values(mod)) {
        for (const [code, spec] of Object.entries(codes)) {
          total += 1;
          if (owner.has(code)) clashes.push(`${code} in ${owner.get(code)} and ${file}`);
          owner.set(code, file);
          expect(errorCatalogue, `${file} is not spread into catalogue.ts`).toHaveProperty(code, spec);
        }
      }
    }
    expect(clashes).toEqual([]);
    expect(Object.keys(errorCatalogue)).toHaveLength(total);
  });
});
