import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingDefinitions } from '../../../domain/settings.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { FixedWindowLimiter } from './rate-limit.js';

/** A clock the test moves; the limiter never reads the real time. */
let now = Date.UTC(2025, 0, 6, 9, 0, 0);
const clock = () => now;
const minute = 60_000;

let ctx: TestContext;
let user: { username: string; password: string };
beforeAll(async () => {
  ctx = await createTestContext({ rateLimit: { clock }, trustProxy: true });
  const built = await buildUser(ctx, { roles: [{ role: 'system_admin' }] });
  user = { username: built.username, password: built.password };
});
afterAll(() => ctx.close());

/** Each test gets a fresh window and its own client addresses (X-Forwarded-For, as behind the proxy). */
let ipCounter = 0;
function freshIp(): string {
  ipCounter += 1;
  return `203.0.113.${ipCounter}`;
}
function nextWindow() {
  now = now - (now % minute) + minute;
}

const login = (ip: string, body: object) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: body,
    headers: { 'x-forwarded-for': ip },
  });
const verify = (ip: string, path = '/api/public/verify/NO-SUCH-CODE') =>
  ctx.app.inject({ method: 'GET', url: path, headers: { 'x-forwarded-for': ip } });

describe('FixedWindowLimiter', () => {
  it('allows the limit per key and window, then refuses until the next window', () => {
    let t = 120_000 + 15_000;
    const limiter = new FixedWindowLimiter(minute, () => t);
    for (let i = 0; i < 3; i++) expect(limiter.hit('a', 3).allowed).toBe(true);
    expect(limiter.hit('a', 3)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.hit('b', 3).allowed).toBe(true);
    t = 180_000;
    expect(limiter.hit('a', 3).allowed).toBe(true);
  });

  it('does not grow without bound under a flood of distinct keys', () => {
    let t = 0;
    const limiter = new FixedWindowLimiter(minute, () => t, 10);
    for (let i = 0; i < 25; i++) limiter.hit(`k${i}`, 1);
    t = minute;
    expect(limiter.hit('k0', 1).allowed).toBe(true);
  });
});

describe('POST /api/auth/login', () => {
  const perIp = settingDefinitions['auth.loginRateLimitPerMinute'].default;
  const perUser = settingDefinitions['auth.loginRateLimitPerUsernamePerMinute'].default;

  it(`answers 429 RATE_LIMITED with Retry-After after ${perIp} requests a minute from one address`, async () => {
    nextWindow();
    now += 20_000;
    const ip = freshIp();
    // distinct unknown usernames, so only the per-address limit applies
    for (let i = 0; i < perIp; i++) {
      const res = await login(ip, { username: `nobody-${ip}-${i}`, password: 'wrong-password' });
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await login(ip, user);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      title: '请求过于频繁，请稍后再试',
    });
    expect(limited.headers['retry-after']).toBe('40');
    expect(limited.headers['x-content-type-options']).toBe('nosniff');
    // another address is not affected
    expect((await login(freshIp(), user)).statusCode).toBe(200);
    // the next minute the address may try again
    nextWindow();
    expect((await login(ip, user)).statusCode).toBe(200);
  });

  it(`limits one username to ${perUser} attempts a minute across addresses, whatever its case`, async () => {
    nextWindow();
    const victim = await buildUser(ctx, { roles: [{ role: 'system_admin' }] });
    for (let i = 0; i < perUser; i++) {
      const name = i % 2 ? victim.username.toUpperCase() : victim.username;
      const res = await login(freshIp(), { username: name, password: victim.password });
      expect(res.statusCode, `attempt ${i + 1}`).toBe(200);
    }
    const limited = await login(freshIp(), { username: victim.username, password: victim.password });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // other accounts log in meanwhile
    expect((await login(freshIp(), user)).statusCode).toBe(200);
    nextWindow();
    expect(
      (await login(freshIp(), { username: victim.username, password: victim.password })).statusCode,
    ).toBe(200);
  });

  it('reads the limit from the settings (auth.loginRateLimitPerMinute)', async () => {
    const admin = await buildUser(ctx, { roles: [{ role: 'system_admin' }] });
    nextWindow();
    const ip = freshIp();
    const signIn = await login(ip, { username: admin.username, password: admin.password });
    const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const put = await ctx.app.inject({
      method: 'PUT',
      url: '/api/settings/auth.loginRateLimitPerMinute',
      payload: { value: 3 },
      headers: { cookie, 'x-csrf-token': signIn.json().csrfToken },
    });
    expect(put.statusCode).toBe(200);
    try {
      // limits are re-read at most once a minute
      now += minute;
      nextWindow();
      const other = freshIp();
      for (let i = 0; i < 3; i++)
        expect((await login(other, { username: `n${i}`, password: 'x' })).statusCode).toBe(401);
      expect((await login(other, user)).statusCode).toBe(429);
    } finally {
      nextWindow();
      const back = await ctx.app.inject({
        method: 'PUT',
        url: '/api/settings/auth.loginRateLimitPerMinute',
        payload: { value: perIp },
        headers: { cookie, 'x-csrf-token': signIn.json().csrfToken, 'x-forwarded-for': freshIp() },
      });
      expect(back.statusCode).toBe(200);
      now += minute;
      nextWindow();
    }
  });
});

describe('public routes', () => {
  const perIp = settingDefinitions['public.rateLimitPerMinute'].default;

  it(`answer 429 after ${perIp} requests a minute from one address, /api/public/* and /verify/* together`, async () => {
    nextWindow();
    const ip = freshIp();
    for (let i = 0; i < perIp; i++) {
      const res = await verify(ip, i % 2 ? '/api/public/verify/NO-SUCH-CODE' : '/verify/NO-SUCH-CODE');
      expect(res.statusCode, `request ${i + 1}`).toBe(404);
    }
    const limited = await verify(ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('60');
    expect((await verify(freshIp())).statusCode).toBe(404);
    // private routes are not counted against the address
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-for': ip } }))
        .statusCode,
    ).toBe(200);
    nextWindow();
    expect((await verify(ip)).statusCode).toBe(404);
  });
});
