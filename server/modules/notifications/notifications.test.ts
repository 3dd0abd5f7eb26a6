import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { notifications } from '../../db/schema/notifications.js';
import { events } from '../../db/schema/platform.js';
import { inTransaction } from '../../platform/db/tx.js';
import { notify, notifyMany, type NotifyInput } from './index.js';

let ctx: TestContext;
let enterprise: BuiltEnterprise;
let otherEnterprise: BuiltEnterprise;
/** two users of the enterprise (reads are per user), one of another enterprise */
let alice: ApiClient;
let bob: ApiClient;
let stranger: ApiClient;
let shuangyuOfficer: ApiClient;
let expert: ApiClient;

interface Item {
  id: string;
  title: string;
  read: boolean;
  readAt: string | null;
  link: string | null;
  createdAt: string;
}
interface Page {
  total: number;
  unreadCount: number;
  items: Item[];
}

const toEnterprise = (e: BuiltEnterprise, title: string, at?: Date): NotifyInput => ({
  jurisdictionId: ctx.jurisdictionId,
  unitKind: 'enterprise',
  unitId: e.id,
  kind: 'test.notice',
  title,
  body: `${title}的正文`,
  link: `/enterprises/${e.id}`,
  entityType: 'enterprise',
  entityId: e.id,
  at,
});

const send = (input: NotifyInput) => inTransaction(ctx.db, (tx) => notify(tx, input));
const list = async (client: ApiClient, query = ''): Promise<Page> => {
  const res = await client.get(`/api/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};
const eventCount = async () => (await ctx.db.select({ n: count() }).from(events))[0].n;

beforeAll(async () => {
  ctx = await createTestContext();
  enterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  otherEnterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  const user = (unit: string, role: 'enterprise_user' | 'subdistrict_officer' = 'enterprise_user') =>
    buildUser(ctx, { roles: [{ role, unit }] }).then((u) => loginAs(ctx, u));
  alice = await user(enterprise.id);
  bob = await user(enterprise.id);
  stranger = await user(otherEnterprise.id);
  shuangyuOfficer = await user('shuangyu', 'subdistrict_officer');
  expert = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'expert' }] }));
});
afterAll(() => ctx.close());

describe('notify', () => {
  it('writes nothing when the transaction that sent it rolls back', async () => {
    const title = '回滚的通知';
    await expect(
      inTransaction(ctx.db, async (tx) => {
        await notify(tx, toEnterprise(enterprise, title));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await ctx.db.select().from(notifications).where(eq(notifications.title, title))).toEqual([]);
  });

  it('commits with the transaction, writes no audit event, and notifyMany addresses several units', async () => {
    const before = await eventCount();
    const created = await inTransaction(ctx.db, (tx) =>
      notifyMany(tx, [
        toEnterprise(enterprise, '群发给企业'),
        {
          jurisdictionId: ctx.jurisdictionId,
          unitKind: 'subdistrict',
          unitId: enterprise.subdistrictId,
          kind: 'test.notice',
          title: '群发给街道',
          body: '',
        },
      ]),
    );
    expect(created).toHaveLength(2);
    expect(await eventCount()).toBe(before);
    expect((await list(alice)).items.map((i) => i.title)).toContain('群发给企业');
    expect((await list(alice)).items.map((i) => i.title)).not.toContain('群发给街道');
    const officer = (await list(shuangyuOfficer)).items.map((i) => i.title);
    expect(officer).toContain('群发给街道');
    expect(officer).not.toContain('群发给企业');
    expect(await inTransaction(ctx.db, (tx) => notifyMany(tx, []))).toEqual([]);
  });

  it('refuses a link that is not an app route, an empty title and a malformed kind', async () => {
    for (const link of ['https://evil.example/x', '//evil.example', 'javascript:alert(1)', '/\\evil.example'])
      await expect(send({ ...toEnterprise(enterprise, '坏链接'), link })).rejects.toThrow(/link/);
    await expect(send({ ...toEnterprise(enterprise, ' '), title: ' ' })).rejects.toThrow(/title/);
    await expect(send({ ...toEnterprise(enterprise, '坏种类'), kind: 'Bad Kind' })).rejects.toThrow(/kind/);
    expect(await ctx.db.select().from(notifications).where(eq(notifications.title, '坏链接'))).toEqual([]);
  });
});

describe('GET /api/notifications', () => {
  it('shows a notification to the users of the addressed enterprise only, newest first', async () => {
    const older = await send(toEnterprise(enterprise, '较早的通知', new Date('2026-03-01T08:00:00Z')));
    const newer = await send(toEnterprise(enterprise, '较新的通知', new Date('2026-03-02T08:00:00Z')));
    const page = await list(alice);
    const ids = page.items.map((i) => i.id);
    expect(ids).toContain(older.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    const item = page.items.find((i) => i.id === newer.id)!;
    expect(item).toMatchObject({
      title: '较新的通知',
      read: false,
      readAt: null,
      link: `/enterprises/${enterprise.id}`,
    });
    expect(item.createdAt).toBe('2026-03-02T08:00:00.000Z');

    for (const outsider of [stranger, shuangyuOfficer, expert]) {
      const seen = (await list(outsider)).items.map((i) => i.id);
      expect(seen).not.toContain(newer.id);
      expect(seen).not.toContain(older.id);
    }
  });

  it('pages, and filters the unread ones', async () => {
    const e = await buildEnterprise(ctx, { subdistrict: 'yangyi' });
    const client = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] }),
    );
    for (let i = 1; i <= 5; i++) await send(toEnterprise(e, `第${i}条`, new Date(`2026-04-0${i}T00:00:00Z`)));
    const first = await list(client, '?page=1&pageSize=2');
    expect(first).toMatchObject({ total: 5, unreadCount: 5 });
    expect(first.items.map((i) => i.title)).toEqual(['第5条', '第4条']);
    const third = await list(client, '?page=3&pageSize=2');
    expect(third.items.map((i) => i.title)).toEqual(['第1条']);

    const target = first.items[0];
    expect((await client.post(`/api/notifications/${target.id}/read`)).json()).toEqual({ unreadCount: 4 });
    const unread = await list(client, '?unread=true&pageSize=10');
    expect(unread).toMatchObject({ total: 4, unreadCount: 4 });
    expect(unread.items.map((i) => i.title)).toEqual(['第4条', '第3条', '第2条', '第1条']);
    const all = await list(client, '?unread=false&pageSize=10');
    expect(all.total).toBe(5);
    expect(all.items.find((i) => i.id === target.id)).toMatchObject({ read: true });
  });

  it('answers an empty page to a user bound to no unit that receives notifications', async () => {
    expect(await list(expert)).toEqual({ total: 0, unreadCount: 0, items: [] });
  });
});

describe('marking read', () => {
  it('is per user, and idempotent', async () => {
    const n = await send(toEnterprise(enterprise, '各自已读'));
    const aliceBefore = (await list(alice)).unreadCount;
    const bobBefore = (await list(bob)).unreadCount;
    const before = await eventCount();

    const res = await alice.post(`/api/notifications/${n.id}/read`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ unreadCount: aliceBefore - 1 });
    const first = (await list(alice)).items.find((i) => i.id === n.id)!;
    expect(first.read).toBe(true);
    expect(first.readAt).not.toBeNull();

    // again: still read, the first read time stays
    expect((await alice.post(`/api/notifications/${n.id}/read`)).statusCode).toBe(200);
    expect((await list(alice)).items.find((i) => i.id === n.id)!.readAt).toBe(first.readAt);

    const bobs = await list(bob);
    expect(bobs.unreadCount).toBe(bobBefore);
    expect(bobs.items.find((i) => i.id === n.id)!.read).toBe(false);
    expect(await eventCount()).toBe(before);
  });

  it('answers 404 NOT_FOUND for a notification of another unit, and for one that does not exist', async () => {
    const n = await send(toEnterprise(enterprise, '别人的通知'));
    for (const outsider of [stranger, shuangyuOfficer, expert]) {
      const res = await outsider.post(`/api/notifications/${n.id}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const missing = await alice.post('/api/notifications/00000000-0000-4000-8000-000000000000/read');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
    // nobody's read marked it read for alice
    expect((await list(alice)).items.find((i) => i.id === n.id)!.read).toBe(false);
  });

  it('read-all marks only the caller’s own notifications', async () => {
    const mine = await send(toEnterprise(enterprise, '全部已读之一'));
    const theirs = await send(toEnterprise(otherEnterprise, '他人的未读'));
    const strangerBefore = (await list(stranger)).unreadCount;
    expect(strangerBefore).toBeGreaterThan(0);
    const unread = (await list(bob)).unreadCount;
    expect(unread).toBeGreaterThan(0);

    const res = await bob.post('/api/notifications/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ marked: unread, unreadCount: 0 });
    const after = await list(bob);
    expect(after.unreadCount).toBe(0);
    expect(after.items.find((i) => i.id === mine.id)!.read).toBe(true);
    expect((await list(bob, '?unread=true')).items).toEqual([]);

    // again: nothing left
    expect((await bob.post('/api/notifications/read-all')).json()).toEqual({ marked: 0, unreadCount: 0 });
    // the stranger's and alice's stay unread
    const strangers = await list(stranger);
    expect(strangers.unreadCount).toBe(strangerBefore);
    expect(strangers.items.find((i) => i.id === theirs.id)!.read).toBe(false);
    expect((await list(alice)).items.find((i) => i.id === mine.id)!.read).toBe(false);
  });
});

describe('requests', () => {
  it('refuses anonymous calls and a bad id', async () => {
    const anon = await ctx.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(anon.statusCode).toBe(401);
    expect((await alice.post('/api/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect((await alice.get('/api/notifications?pageSize=500')).statusCode).toBe(400);
  });
});
