import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles.js';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser, type BuiltUser } from '../../../test/factories.js';
import { getSetting } from '../../platform/settings/settings.js';

let ctx: TestContext;
let bureauUser: BuiltUser;
let bureau: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  bureauUser = await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] });
  bureau = await loginAs(ctx, bureauUser);
  admin = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'system_admin' }] }));
});
afterAll(() => ctx.close());

interface SettingView {
  key: string;
  label: string;
  value: unknown;
  default: unknown;
}

describe('changing settings', () => {
  it('lists every setting with its value in force and its default', async () => {
    const res = await bureau.get('/api/settings');
    expect(res.statusCode).toBe(200);
    const lockout = res.json<SettingView[]>().find((s) => s.key === 'auth.lockoutThreshold');
    expect(lockout).toMatchObject({ label: '连续登录失败锁定次数', value: 5, default: 5 });
  });

  it('lets the bureau administrator change a setting, keeping the history and writing an event', async () => {
    const first = await bureau.put('/api/settings/auth.idleTimeoutMinutes', {
      value: 45,
      reason: '窗口办理时间较长',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ key: 'auth.idleTimeoutMinutes', value: 45, default: 30 });
    const second = await admin.put('/api/settings/auth.idleTimeoutMinutes', { value: 40 });
    expect(second.json().value).toBe(40);

    expect(await getSetting(ctx.db, ctx.jurisdictionId, 'auth.idleTimeoutMinutes')).toBe(40);
    const history = await bureau.get('/api/settings/auth.idleTimeoutMinutes/history');
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject([
      { value: 40, reason: null },
      { value: 45, reason: '窗口办理时间较长', changedBy: bureauUser.id },
    ]);

    const events = await admin.get('/api/audit/events?kind=setting.changed&entityId=auth.idleTimeoutMinutes');
    expect(events.json()).toMatchObject({
      total: 2,
      items: [
        { after: { key: 'auth.idleTimeoutMinutes', value: 40 } },
        { actorUserId: bureauUser.id, after: { value: 45, reason: '窗口办理时间较长' } },
      ],
    });
  });

  it('refuses a value the setting does not accept with 400 SETTING_INVALID, changing nothing', async () => {
    for (const value of [0, -3, 2.5, 'five', null, [5]]) {
      const res = await bureau.put('/api/settings/auth.lockoutThreshold', { value });
      expect(res.statusCode, JSON.stringify(value)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'SETTING_INVALID', errors: [{ field: 'body/value' }] });
    }
    expect((await bureau.get('/api/settings/auth.lockoutThreshold/history')).json()).toEqual([]);
    expect(await getSetting(ctx.db, ctx.jurisdictionId, 'auth.lockoutThreshold')).toBe(5);
  });

  it('answers an unknown key with 404 SETTING_UNKNOWN', async () => {
    const put = await bureau.put('/api/settings/auth.noSuchThing', { value: 1 });
    expect(put.statusCode).toBe(404);
    expect(put.json().code).toBe('SETTING_UNKNOWN');
    expect((await bureau.get('/api/settings/auth.noSuchThing/history')).json().code).toBe('SETTING_UNKNOWN');
    // not even keys that exist on every object
    expect((await bureau.put('/api/settings/constructor', { value: 1 })).json().code).toBe('SETTING_UNKNOWN');
  });

  it('refuses a body without a value', async () => {
    const res = await bureau.put('/api/settings/auth.lockoutThreshold', { reason: 'x' });
    expect(res.statusCode).toBe(400);
  });
});

describe('who may change settings', () => {
  const others: [Role, string][] = [
    ['bureau_reviewer', 'yjj'],
    ['department_officer', 'scjg'],
    ['enforcement_officer', 'yjj'],
    ['subdistrict_officer', 'shuangyu'],
  ];
  it.each(others)('%s gets 403', async (role, unit) => {
    const client = await loginAs(ctx, await buildUser(ctx, { roles: [{ role, unit }] }));
    for (const res of [
      await client.get('/api/settings'),
      await client.put('/api/settings/auth.lockoutThreshold', { value: 100 }),
      await client.get('/api/settings/auth.lockoutThreshold/history'),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect(await getSetting(ctx.db, ctx.jurisdictionId, 'auth.lockoutThreshold')).toBe(5);
  });
});
