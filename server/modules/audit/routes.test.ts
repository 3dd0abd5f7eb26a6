import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser, type BuiltUser } from '../../../test/factories.js';
import { appendEvent } from '../../platform/audit/append.js';
import { platformEvents } from '../../platform/audit/event-kinds.js';
import { inTransaction } from '../../platform/db/tx.js';

let ctx: TestContext;
let adminUser: BuiltUser;
let admin: ApiClient;
let clerk: BuiltUser;

/** Events on entity type 'probe' at known times, by two actors, of two kinds. */
const at = (day: number) => new Date(Date.UTC(2025, 0, day, 8, 0, 0));

beforeAll(async () => {
  ctx = await createTestContext();
  adminUser = await buildUser(ctx, { roles: [{ role: 'system_admin' }] });
  admin = await loginAs(ctx, adminUser);
  clerk = await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }], displayName: '办事员' });
  const rows: [number, string | null, 'generic' | 'settingChanged', string][] = [
    [1, adminUser.id, 'generic', 'a'],
    [2, clerk.id, 'generic', 'a'],
    [3, clerk.id, 'settingChanged', 'b'],
    [10, adminUser.id, 'settingChanged', 'b'],
    [20, null, 'generic', 'c'],
  ];
  for (const [day, userId, kind, entityId] of rows) {
    await inTransaction(ctx.db, (tx) =>
      appendEvent(tx, {
        kind: platformEvents[kind],
        jurisdictionId: ctx.jurisdictionId,
        actor: { userId, label: userId ? `user ${userId}` : 'system' },
        entityType: 'probe',
        entityId,
        after: kind === 'generic' ? { day } : { key: 'probe', value: day },
        at: at(day),
      }),
    );
  }
});
afterAll(() => ctx.close());

interface EventItem {
  kind: string;
  entityId: string;
  actorUserId: string | null;
  at: string;
  after: { day?: number; value?: number };
}

async function list(client: ApiClient, query: string) {
  const res = await client.get(`/api/audit/events?entityType=probe&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{ total: number; items: EventItem[] }>();
  return { total: body.total, days: body.items.map((e) => e.after.day ?? e.after.value) };
}

describe('the operation log', () => {
  it('lists events newest first', async () => {
    expect(await list(admin, '')).toEqual({ total: 5, days: [20, 10, 3, 2, 1] });
  });

  it('filters by actor', async () => {
    expect(await list(admin, `actorUserId=${clerk.id}`)).toEqual({ total: 2, days: [3, 2] });
  });

  it('filters by kind', async () => {
    expect(await list(admin, 'kind=setting.changed')).toEqual({ total: 2, days: [10, 3] });
  });

  it('filters by entity', async () => {
    expect(await list(admin, 'entityId=a')).toEqual({ total: 2, days: [2, 1] });
  });

  it('filters by time, both ends inclusive', async () => {
    const from = encodeURIComponent(at(2).toISOString());
    const to = encodeURIComponent(at(10).toISOString());
    expect(await list(admin, `from=${from}&to=${to}`)).toEqual({ total: 3, days: [10, 3, 2] });
    expect(await list(admin, `from=${encodeURIComponent(at(11).toISOString())}`)).toEqual({
      total: 1,
      days: [20],
    });
  });

  it('combines filters and pages', async () => {
    expect(await list(admin, `kind=test.generic&actorUserId=${adminUser.id}`)).toEqual({
      total: 1,
      days: [1],
    });
    expect(await list(admin, 'pageSize=2&page=2')).toEqual({ total: 5, days: [3, 2] });
  });

  it('records who did what through the API, e.g. creating a user', async () => {
    const created = await admin.post('/api/users', {
      username: `logged_${Date.now()}`,
      displayName: '新人',
      password: 'Initial-Pass-77',
      bindings: [],
    });
    const res = await admin.get(`/api/audit/events?kind=user.created&entityId=${created.json().id}`);
    expect(res.json()).toMatchObject({
      total: 1,
      items: [
        {
          kind: 'user.created',
          actorUserId: adminUser.id,
          entityType: 'user',
          after: { displayName: '新人' },
        },
      ],
    });
  });

  it('rejects a malformed time filter', async () => {
    const res = await admin.get('/api/audit/events?from=yesterday');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('lists the event kinds', async () => {
    const kinds = (await admin.get('/api/audit/kinds')).json<string[]>();
    expect(kinds).toEqual(expect.arrayContaining(['setting.changed', 'user.created', 'user.logged_in']));
  });
});

describe('who may read and verify the log', () => {
  it('refuses users who are neither system nor bureau administrators', async () => {
    for (const role of ['subdistrict_officer', 'department_officer', 'bureau_reviewer'] as const) {
      const client = await loginAs(
        ctx,
        await buildUser(ctx, {
          roles: [{ role, unit: role === 'subdistrict_officer' ? 'shuangyu' : 'yjj' }],
        }),
      );
      for (const res of [
        await client.get('/api/audit/events'),
        await client.get('/api/audit/kinds'),
        await client.post('/api/audit/verify'),
      ]) {
        expect(res.statusCode, `${role} ${res.body}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
  });

  it('lets the bureau administrator read but not verify', async () => {
    const bureau = await loginAs(ctx, clerk);
    expect((await bureau.get('/api/audit/events?entityType=probe')).json().total).toBe(5);
    expect((await bureau.post('/api/audit/verify')).statusCode).toBe(403);
  });

  it('verifies the chain for the system administrator, naming a tampered event', async () => {
    const ok = await admin.post('/api/audit/verify');
    expect(ok.json()).toMatchObject({ ok: true, jurisdictionId: ctx.jurisdictionId });
    const [target] = (await admin.get('/api/audit/events?entityType=probe&entityId=b&pageSize=1')).json()
      .items as {
      id: string;
      seq: number;
    }[];
    await ctx.db.execute(sql`update events set entity_id = 'forged' where id = ${target.id}`);
    const broken = await admin.post('/api/audit/verify');
    expect(broken.json()).toMatchObject({
      ok: false,
      firstBroken: { seq: target.seq, id: target.id, reason: 'hash_mismatch' },
    });
    await ctx.db.execute(sql`update events set entity_id = 'b' where id = ${target.id}`);
    expect((await admin.post('/api/audit/verify')).json().ok).toBe(true);
  });
});
