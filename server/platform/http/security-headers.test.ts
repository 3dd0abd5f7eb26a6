import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { contentSecurityPolicy, strictTransportSecurity } from './security-headers.js';

let ctx: TestContext;
/** the same database behind a TLS-terminating proxy (TRUST_PROXY=1) */
let proxied: TestContext;
let user: { username: string; password: string };

beforeAll(async () => {
  ctx = await createTestContext();
  proxied = await createTestContext({ trustProxy: true });
  // the two contexts are two copies of the template: the same user in both
  const built = await buildUser(ctx, { roles: [{ role: 'system_admin' }] });
  user = { username: built.username, password: built.password };
  await buildUser(proxied, { roles: [{ role: 'system_admin' }], username: built.username });
});
afterAll(async () => {
  await ctx.close();
  await proxied.close();
});

function expectSecurityHeaders(res: LightMyRequestResponse, csp = contentSecurityPolicy) {
  expect(res.headers['content-security-policy']).toBe(csp);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['permissions-policy']).toBe('camera=(self), geolocation=(), microphone=()');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
}

describe('security headers', () => {
  it('are on API answers, problems and unknown routes', async () => {
    const answers = [
      await ctx.app.inject({ method: 'GET', url: '/api/health' }),
      await ctx.app.inject({ method: 'GET', url: '/api/me' }), // 401 problem
      await ctx.app.inject({ method: 'GET', url: '/api/no-such-route' }), // 404 problem
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: '{bad',
        headers: { 'content-type': 'application/json' },
      }),
      await ctx.app.inject({ method: 'GET', url: '/some/page' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404, 400, 404]);
    for (const res of answers) expectSecurityHeaders(res);
  });

  it('the policy is the one the React app needs and nothing looser', () => {
    const directives = Object.fromEntries(
      contentSecurityPolicy.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'object-src': "'none'",
    });
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('sends Strict-Transport-Security only over TLS (behind a trusted proxy)', async () => {
    const plain = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // without TRUST_PROXY a client's X-Forwarded-Proto is not believed
    const spoofed = await ctx.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const tls = await proxied.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers['strict-transport-security']).toBe(strictTransportSecurity);
    expectSecurityHeaders(tls);
  });

  it('the Swagger UI at /api/docs loads under the policy: its page and every script and stylesheet it names', async () => {
    let res = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    const seen = [res.statusCode];
    for (let i = 0; i < 3 && res.statusCode >= 300 && res.statusCode < 400; i++) {
      res = await ctx.app.inject({
        method: 'GET',
        url: new URL(res.headers.location!, 'http://x/api/docs').pathname,
      });
      seen.push(res.statusCode);
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expectSecurityHeaders(res);
    const html = res.body;
    // no inline script: script-src 'self' allows only the files
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('swagger-initializer.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('swagger-ui.css'))).toBe(true);
    for (const asset of assets) {
      const url = new URL(asset, 'http://x/api/docs/').pathname;
      const got = await ctx.app.inject({ method: 'GET', url });
      expect(got.statusCode, url).toBe(200);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(String(got.headers['content-type'])).toMatch(/javascript|css|image/);
    }
    // the UI fetches the document from the same origin
    const json = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(json.json().openapi).toBe('3.1.0');
  });

  it('the public verification page keeps its own stricter policy, which allows its inline styles', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/verify/NO-SUCH-CODE' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<style');
    expectSecurityHeaders(res, "default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('the session cookie', () => {
  function sessionCookie(res: LightMyRequestResponse) {
    const raw = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('sc_session='));
    expect(raw).toBeDefined();
    return raw!.split(';').map((p) => p.trim().toLowerCase());
  }

  it('is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: user });
    expect(res.statusCode).toBe(200);
    const flags = sessionCookie(res);
    expect(flags).toContain('httponly');
    expect(flags).toContain('samesite=lax');
    expect(flags).toContain('path=/');
    expect(flags).not.toContain('secure');
  });

  it('is Secure behind a TLS-terminating proxy', async () => {
    const res = await proxied.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: user,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(200);
    const flags = sessionCookie(res);
    expect(flags).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'secure']));
  });
});
