import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser, defaultPassword, type BuiltUser } from '../../../test/factories.js';
import { actorOfUser } from './queries.js';

let ctx: TestContext;
let adminUser: BuiltUser;
let admin: ApiClient;
beforeAll(async () => {
  ctx = await createTestContext();
  // the only system administrator of this test database
  adminUser = await buildUser(ctx, { roles: [{ role: 'system_admin' }], displayName: '管理员甲' });
  admin = await loginAs(ctx, adminUser);
});
afterAll(() => ctx.close());

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

/** The kinds of the events recorded for an entity, oldest first (through the operation-log API). */
async function eventKinds(entityId: string): Promise<string[]> {
  const res = await admin.get(`/api/audit/events?entityType=user&entityId=${entityId}&pageSize=200`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as { kind: string }[]).map((e) => e.kind).reverse();
}

async function lastEvent(entityId: string) {
  const res = await admin.get(`/api/audit/events?entityType=user&entityId=${entityId}&pageSize=1`);
  return res.json().items[0] as { kind: string; before: unknown; after: unknown; actorUserId: string | null };
}

let seq = 0;
const newUsername = () => `staff_${++seq}_${Math.random().toString(36).slice(2, 8)}`;

describe('who may manage users', () => {
  it('refuses users without the system administrator role', async () => {
    const officer = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
    );
    const bureau = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }),
    );
    for (const client of [officer, bureau]) {
      for (const res of [
        await client.get('/api/users'),
        await client.post('/api/users', {
          username: newUsername(),
          displayName: '某人',
          password: defaultPassword,
          bindings: [],
        }),
        await client.get('/api/login-log'),
      ]) {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    // a single user: the bureau (jurisdiction-wide scope) sees it exists but may not act; the subdistrict officer's
    // scope does not reach users at all, so for them it does not exist
    const cases: [ApiClient, number, string][] = [
      [bureau, 403, 'FORBIDDEN'],
      [officer, 404, 'USER_NOT_FOUND'],
    ];
    for (const [client, status, code] of cases) {
      for (const res of [
        await client.get(`/api/users/${adminUser.id}`),
        await client.post(`/api/users/${adminUser.id}/password-reset`, { newPassword: 'Taken-Over-123' }),
        await client.patch(`/api/users/${adminUser.id}`, { status: 'disabled' }),
        await client.post(`/api/users/${adminUser.id}/bindings`, {
          role: 'system_admin',
          unitId: ctx.jurisdictionId,
        }),
      ]) {
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json().code).toBe(code);
      }
    }
    // the administrator is untouched
    expect((await login(adminUser.username, adminUser.password)).statusCode).toBe(200);
    expect((await admin.get(`/api/users/${adminUser.id}`)).json()).toMatchObject({ status: 'active' });
  });

  it('lets a user read themself but nobody else', async () => {
    const user = await buildUser(ctx, { roles: [{ role: 'enforcement_officer', unit: 'yjj' }] });
    const client = await loginAs(ctx, user);
    const self = await client.get(`/api/users/${user.id}`);
    expect(self.statusCode).toBe(200);
    expect(self.json().abilities).toMatchObject({ read: true, update: false, manageBindings: false });
  });
});

describe('creating users', () => {
  it('creates a user with role bindings, who must change the password at first login', async () => {
    const username = newUsername();
    const res = await admin.post('/api/users', {
      username,
      displayName: '王五',
      phone: '13800000000',
      password: 'Initial-Pass-77',
      bindings: [
        { role: 'subdistrict_officer', unitId: await ctx.unit('shuangyu') },
        { role: 'department_officer', unitId: await ctx.unit('scjg') },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ username, displayName: '王五', status: 'active', mustChangePassword: true });
    expect(user.bindings.map((b: { role: string; unitName: string }) => [b.role, b.unitName]).sort()).toEqual(
      [
        ['department_officer', '区市场监管局'],
        ['subdistrict_officer', '双屿街道'],
      ],
    );
    expect(user.abilities).toMatchObject({ update: true, resetPassword: true, manageBindings: true });

    const loggedIn = await login(username, 'Initial-Pass-77');
    expect(loggedIn.json()).toMatchObject({ mustChangePassword: true });

    expect(await eventKinds(user.id)).toEqual([
      'user.created',
      'user.binding_added',
      'user.binding_added',
      'user.logged_in',
    ]);
    const listed = await admin.get(`/api/users?q=${username}&role=subdistrict_officer`);
    expect(listed.json()).toMatchObject({ total: 1, items: [{ id: user.id }] });
  });

  it('refuses a username already taken, whatever its case', async () => {
    const existing = await buildUser(ctx);
    const res = await admin.post('/api/users', {
      username: existing.username.toUpperCase(),
      displayName: '重名',
      password: defaultPassword,
      bindings: [],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'USER_USERNAME_TAKEN', errors: [{ field: 'body/username' }] });
  });

  it('refuses a role bound to a unit of the wrong kind', async () => {
    const username = newUsername();
    const res = await admin.post('/api/users', {
      username,
      displayName: '错配',
      password: defaultPassword,
      bindings: [
        { role: 'department_officer', unitId: await ctx.unit('scjg') },
        { role: 'subdistrict_officer', unitId: await ctx.unit('yjj') },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'ROLE_UNIT_MISMATCH',
      errors: [{ field: 'body/bindings/1/unitId' }],
    });
    // nothing was created
    expect((await admin.get(`/api/users?q=${username}`)).json().total).toBe(0);
  });

  it('binds bureau roles only to the emergency management bureau', async () => {
    const base = { displayName: '局里的人', password: defaultPassword };
    const refused = await admin.post('/api/users', {
      ...base,
      username: newUsername(),
      bindings: [{ role: 'bureau_admin', unitId: await ctx.unit('xf') }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('ROLE_UNIT_MISMATCH');
    const reviewer = await admin.post('/api/users', {
      ...base,
      username: newUsername(),
      bindings: [{ role: 'bureau_reviewer', unitId: await ctx.unit('scjg') }],
    });
    expect(reviewer.json().code).toBe('ROLE_UNIT_MISMATCH');
    const ok = await admin.post('/api/users', {
      ...base,
      username: newUsername(),
      bindings: [{ role: 'bureau_admin', unitId: await ctx.unit('yjj') }],
    });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a unit that does not exist and an unacceptable password', async () => {
    const unknownUnit = await admin.post('/api/users', {
      username: newUsername(),
      displayName: '某人',
      password: defaultPassword,
      bindings: [{ role: 'subdistrict_officer', unitId: crypto.randomUUID() }],
    });
    expect(unknownUnit.json().code).toBe('ROLE_UNIT_MISMATCH');
    const username = newUsername();
    const weak = await admin.post('/api/users', {
      username,
      displayName: '某人',
      password: username,
      bindings: [],
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toMatch(/^PASSWORD_/);
  });
});

describe('changing users', () => {
  it('resets a password: old sessions end and the user must change it', async () => {
    const user = await buildUser(ctx);
    const client = await loginAs(ctx, user);
    const res = await admin.post(`/api/users/${user.id}/password-reset`, { newPassword: 'Temporary-Pass-1' });
    expect(res.statusCode).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(401);
    expect((await login(user.username, user.password)).statusCode).toBe(401);
    const fresh = await login(user.username, 'Temporary-Pass-1');
    expect(fresh.json()).toMatchObject({ mustChangePassword: true });
    expect((await eventKinds(user.id)).filter((k) => k === 'user.password_reset')).toHaveLength(1);
  });

  it('does not let the administrator reset their own password this way', async () => {
    const res = await admin.post(`/api/users/${adminUser.id}/password-reset`, {
      newPassword: 'Another-Pass-12',
    });
    expect(res.statusCode).toBe(403);
  });

  it('unlocks a locked account', async () => {
    const user = await buildUser(ctx);
    for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password-x');
    expect((await login(user.username, user.password)).statusCode).toBe(423);
    const listed = (await admin.get(`/api/users/${user.id}`)).json();
    expect(listed.lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(200);
    expect((await admin.get(`/api/users/${user.id}`)).json().lockedUntil).toBeNull();
    expect((await login(user.username, user.password)).statusCode).toBe(200);
    const kinds = await eventKinds(user.id);
    expect(kinds.indexOf('user.locked')).toBeLessThan(kinds.indexOf('user.unlocked'));
  });

  it('disables an account: its sessions end, it cannot log in, and the change is recorded with before/after', async () => {
    const user = await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'yangyi' }] });
    const client = await loginAs(ctx, user);
    const res = await admin.patch(`/api/users/${user.id}`, { status: 'disabled', displayName: '已离职' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled', displayName: '已离职' });
    expect((await client.get('/api/me')).statusCode).toBe(401);
    const again = await login(user.username, user.password);
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('AUTH_ACCOUNT_DISABLED');
    const event = await lastEvent(user.id);
    expect(event).toMatchObject({
      kind: 'user.updated',
      actorUserId: adminUser.id,
      before: { status: 'active' },
      after: { status: 'disabled', displayName: '已离职' },
    });
    // and enables it again
    expect((await admin.patch(`/api/users/${user.id}`, { status: 'active' })).statusCode).toBe(200);
    expect((await login(user.username, user.password)).statusCode).toBe(200);
  });

  it('does not let the administrator disable themself', async () => {
    const res = await admin.patch(`/api/users/${adminUser.id}`, { status: 'disabled' });
    expect(res.statusCode).toBe(403);
  });

  it('adds and removes bindings, refusing a duplicate', async () => {
    const user = await buildUser(ctx);
    const body = { role: 'subdistrict_officer', unitId: await ctx.unit('wuma') };
    const added = await admin.post(`/api/users/${user.id}/bindings`, body);
    expect(added.statusCode).toBe(201);
    const binding = added.json().bindings[0] as { id: string; unitName: string };
    expect(binding.unitName).toBe('五马街道');
    const dup = await admin.post(`/api/users/${user.id}/bindings`, body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ROLE_BINDING_EXISTS');
    const removed = await admin.delete(`/api/users/${user.id}/bindings/${binding.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().bindings).toEqual([]);
    expect(await eventKinds(user.id)).toEqual(['user.created', 'user.binding_added', 'user.binding_removed']);
  });
});

describe('the last system administrator', () => {
  const adminBindingOf = async (userId: string) => {
    const user = (await admin.get(`/api/users/${userId}`)).json();
    return (user.bindings as { id: string; role: string }[]).find((b) => b.role === 'system_admin')!;
  };

  it('cannot lose the last active system_admin binding of the jurisdiction', async () => {
    const own = await adminBindingOf(adminUser.id);
    const refused = await admin.delete(`/api/users/${adminUser.id}/bindings/${own.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ROLE_LAST_ADMIN');

    // a second administrator, disabled, does not count
    const second = await buildUser(ctx);
    expect(
      (
        await admin.post(`/api/users/${second.id}/bindings`, {
          role: 'system_admin',
          unitId: ctx.jurisdictionId,
        })
      ).statusCode,
    ).toBe(201);
    expect((await admin.patch(`/api/users/${second.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await admin.delete(`/api/users/${adminUser.id}/bindings/${own.id}`)).json().code).toBe(
      'ROLE_LAST_ADMIN',
    );

    // an active one does: then either binding may go, but not both
    expect((await admin.patch(`/api/users/${second.id}`, { status: 'active' })).statusCode).toBe(200);
    const secondBinding = await adminBindingOf(second.id);
    expect((await admin.delete(`/api/users/${second.id}/bindings/${secondBinding.id}`)).statusCode).toBe(200);
    expect((await admin.delete(`/api/users/${adminUser.id}/bindings/${own.id}`)).json().code).toBe(
      'ROLE_LAST_ADMIN',
    );
    expect(await lastEvent(second.id)).toMatchObject({
      kind: 'user.binding_removed',
      before: { role: 'system_admin' },
    });
  });
});

describe('actorOfUser (for jobs acting on a user’s behalf)', () => {
  it('builds the actor with its bindings, and nothing for an unknown id', async () => {
    const user = await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] });
    expect(await actorOfUser(ctx.db, user.id)).toMatchObject({
      userId: user.id,
      username: user.username,
      jurisdictionId: ctx.jurisdictionId,
      status: 'active',
      bindings: [{ role: 'subdistrict_officer', unitName: '双屿街道' }],
    });
    expect(await actorOfUser(ctx.db, crypto.randomUUID())).toBeUndefined();
  });
});
