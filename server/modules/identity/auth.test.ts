import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema/index.js';
import { changeSetting } from '../settings/commands/change-setting.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildAdmin, buildUser } from '../../../test/factories.js';
import { loginAs } from '../../../test/client.js';
import { buildActor } from '../../platform/auth/sessions.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const loginReq = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login', () => {
  it('logs in with the right password and shows the actor on /api/me', async () => {
    const user = await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] });
    const client = await loginAs(ctx, user);
    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: user.username },
      jurisdiction: { code: '330302' },
      roles: [{ role: 'subdistrict_officer', unitKind: 'subdistrict', unitName: '双屿街道' }],
      abilities: { manageUsers: false },
    });
    expect(client.cookie).toMatch(/sc_session=/);
  });

  it('sets an httpOnly SameSite cookie', async () => {
    const user = await buildUser(ctx);
    const res = await loginReq(user.username, user.password);
    const cookie = res.cookies.find((c) => c.name === 'sc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('answers a wrong password and an unknown user with the same problem', async () => {
    const user = await buildUser(ctx);
    const wrong = await loginReq(user.username, 'not-the-password');
    const unknown = await loginReq('nobody-here', 'whatever-password');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', title: '用户名或密码错误' });
    }
  });

  it('locks the account after the configured number of failures, even for the right password', async () => {
    const user = await buildUser(ctx);
    for (let i = 0; i < 4; i++)
      expect((await loginReq(user.username, 'bad-password-x')).statusCode).toBe(401);
    const fifth = await loginReq(user.username, 'bad-password-x');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('AUTH_ACCOUNT_LOCKED');
    const right = await loginReq(user.username, user.password);
    expect(right.statusCode).toBe(423);
    // the lock ends after the configured minutes
    await ctx.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    expect((await loginReq(user.username, user.password)).statusCode).toBe(200);
  });

  it('locks again after an expired lock when the failures go on', async () => {
    const user = await buildUser(ctx);
    for (let i = 0; i < 5; i++) await loginReq(user.username, 'bad-password-x');
    await ctx.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    for (let i = 0; i < 4; i++)
      expect((await loginReq(user.username, 'bad-password-x')).statusCode).toBe(401);
    expect((await loginReq(user.username, 'bad-password-x')).statusCode).toBe(423);
  });

  it('follows the jurisdiction setting for the lockout threshold', async () => {
    const admin = await buildAdmin(ctx);
    const actor = await buildActor(
      ctx.db,
      (await ctx.db.select().from(users).where(eq(users.id, admin.id)))[0],
    );
    await changeSetting(ctx.db, actor, 'auth.lockoutThreshold', 2);
    const user = await buildUser(ctx);
    expect((await loginReq(user.username, 'bad-password-x')).statusCode).toBe(401);
    expect((await loginReq(user.username, 'bad-password-x')).statusCode).toBe(423);
    await changeSetting(ctx.db, actor, 'auth.lockoutThreshold', 5);
  });

  it('refuses a disabled account', async () => {
    const user = await buildUser(ctx);
    await ctx.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    const res = await loginReq(user.username, user.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH_ACCOUNT_DISABLED');
  });
});

describe('sessions', () => {
  it('requires a login for private routes', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_REQUIRED');
  });

  it('expires a session idle for longer than the timeout', async () => {
    const user = await buildUser(ctx);
    const client = await loginAs(ctx, user);
    await ctx.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, user.id));
    const res = await client.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_SESSION_EXPIRED');
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const user = await buildUser(ctx);
    const client = await loginAs(ctx, user);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const user = await buildUser(ctx);
    const client = await loginAs(ctx, user);
    const res = await client.request(
      'POST',
      '/api/me/password',
      { currentPassword: user.password, newPassword: 'another-password-1' },
      { 'x-csrf-token': 'forged' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH_CSRF_INVALID');
    const missing = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: client.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect((await client.get('/api/me')).statusCode).toBe(200);
  });
});

describe('own password', () => {
  it('changes the password and ends the user’s other sessions', async () => {
    const user = await buildUser(ctx);
    const a = await loginAs(ctx, user);
    const b = await loginAs(ctx, user);
    const res = await a.post('/api/me/password', {
      currentPassword: user.password,
      newPassword: 'a-new-password-9',
    });
    expect(res.statusCode).toBe(200);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await loginReq(user.username, 'a-new-password-9')).statusCode).toBe(200);
  });

  it('rejects a wrong current password, a short one and the username', async () => {
    const user = await buildUser(ctx, { username: `longusername_${Date.now()}` });
    const client = await loginAs(ctx, user);
    const wrong = await client.post('/api/me/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'a-new-password-9',
    });
    expect(wrong.json().code).toBe('AUTH_WRONG_CURRENT_PASSWORD');
    const short = await client.post('/api/me/password', {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      code: 'PASSWORD_TOO_SHORT',
      errors: [{ field: 'body/newPassword' }],
    });
    const same = await client.post('/api/me/password', {
      currentPassword: user.password,
      newPassword: user.username,
    });
    expect(same.json().code).toBe('PASSWORD_EQUALS_USERNAME');
  });
});
