import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser, type BuiltUser } from '../../../test/factories.js';
import { enqueue } from '../../platform/jobs/queue.js';

let ctx: TestContext;
let owner: BuiltUser;
let ownerClient: ApiClient;
let stranger: ApiClient;
let admin: ApiClient;

const t0 = new Date('2030-01-01T00:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] });
  ownerClient = await loginAs(ctx, owner);
  stranger = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
  );
  admin = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'system_admin' }] }));
});
afterAll(() => ctx.close());

describe('GET /api/jobs/:id', () => {
  it('shows the creator the progress while the job runs and the result when it is done', async () => {
    const kind = 'test.import_rows';
    const seenWhileRunning: unknown[] = [];
    ctx.jobs.register(kind, async ({ job, progress }) => {
      await progress(0, 3);
      for (let i = 1; i <= 3; i++) {
        await progress(i);
        // what the UI's progress bar would read at this moment
        seenWhileRunning.push((await ownerClient.get(`/api/jobs/${job.id}`)).json());
      }
      return { imported: 3 };
    });
    const id = await enqueue(ctx.db, {
      kind,
      createdBy: owner.id,
      jurisdictionId: ctx.jurisdictionId,
      runAt: t0,
    });

    const queued = await ownerClient.get(`/api/jobs/${id}`);
    expect(queued.statusCode).toBe(200);
    expect(queued.json()).toMatchObject({ id, kind, status: 'queued', progressDone: 0, progressTotal: null });

    await ctx.jobs.drain(t0);
    expect(seenWhileRunning).toEqual(
      [1, 2, 3].map((done) =>
        expect.objectContaining({ status: 'running', progressDone: done, progressTotal: 3 }),
      ),
    );

    const done = await ownerClient.get(`/api/jobs/${id}`);
    expect(done.json()).toMatchObject({
      status: 'done',
      progressDone: 3,
      progressTotal: 3,
      result: { imported: 3 },
      lastError: null,
    });
    expect(done.json().finishedAt).toEqual(expect.any(String));

    const mine = await ownerClient.get('/api/jobs');
    expect(mine.json().map((j: { id: string }) => j.id)).toContain(id);
  });

  it('hides a job from another user as JOB_NOT_FOUND', async () => {
    const id = await enqueue(ctx.db, {
      kind: 'test.private',
      createdBy: owner.id,
      jurisdictionId: ctx.jurisdictionId,
      runAt: t0,
    });
    const res = await stranger.get(`/api/jobs/${id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('JOB_NOT_FOUND');
    expect((await stranger.get('/api/jobs')).json().map((j: { id: string }) => j.id)).not.toContain(id);
    // and an id that does not exist looks the same
    expect((await ownerClient.get(`/api/jobs/${crypto.randomUUID()}`)).json().code).toBe('JOB_NOT_FOUND');
  });

  it('lets the system administrator see the jurisdiction’s jobs', async () => {
    const id = await enqueue(ctx.db, {
      kind: 'test.private',
      createdBy: owner.id,
      jurisdictionId: ctx.jurisdictionId,
      runAt: t0,
    });
    expect((await admin.get(`/api/jobs/${id}`)).statusCode).toBe(200);
  });

  it('shows the error of a job that failed for good, not of one that will retry', async () => {
    const kind = 'test.doomed';
    ctx.jobs.register(kind, async () => {
      throw new Error('第 3 行：统一社会信用代码校验位错误');
    });
    const id = await enqueue(ctx.db, { kind, createdBy: owner.id, maxAttempts: 2, runAt: t0 });
    await ctx.jobs.drain(t0);
    expect((await ownerClient.get(`/api/jobs/${id}`)).json()).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: null,
    });
    await ctx.jobs.drain(new Date(t0.getTime() + 3_600_000));
    expect((await ownerClient.get(`/api/jobs/${id}`)).json()).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: '第 3 行：统一社会信用代码校验位错误',
    });
  });

  it('requires a login', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/jobs/${crypto.randomUUID()}` });
    expect(res.statusCode).toBe(401);
  });
});
