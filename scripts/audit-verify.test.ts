import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../server/db/schema/index.js';
import { openPglite, queryRows, type Db } from '../server/platform/db/client.js';
import { createTestContext, type TestContext } from '../test/context.js';
import { databaseUrl } from '../test/engine.js';
import { buildUser } from '../test/factories.js';
import { verifyAllChains } from './audit-verify.js';

const run = promisify(execFile);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  // a few events beyond the seed, so there is a middle and an end to break
  for (let i = 0; i < 3; i++)
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] });
});
afterAll(() => ctx.close());

async function chainEvents(db: Db, jurisdictionId: string) {
  return db.select().from(events).where(eq(events.jurisdictionId, jurisdictionId)).orderBy(events.seq);
}

/** Change one stored event by hand, run `fn`, and put the row back exactly as it was. */
async function tampered<T>(
  db: Db,
  seq: number,
  change: (seq: number) => Promise<void>,
  fn: () => Promise<T>,
): Promise<T> {
  const [original] = await db
    .select()
    .from(events)
    .where(and(eq(events.jurisdictionId, ctx.jurisdictionId), eq(events.seq, seq)));
  await change(seq);
  try {
    return await fn();
  } finally {
    await db.execute(sql`delete from events where id = ${original.id}`);
    await db.insert(events).values(original);
  }
}

describe('verifyAllChains', () => {
  it('reports every jurisdiction as ok with its event count and head hash', async () => {
    const lines: string[] = [];
    const { ok, reports } = await verifyAllChains(ctx.db, (l) => lines.push(l));
    const all = await chainEvents(ctx.db, ctx.jurisdictionId);
    expect(ok).toBe(true);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ code: '330302', ok: true, checked: all.length, headSeq: all.length });
    expect(lines).toEqual([`330302 温州市鹿城区: ok, ${all.length} events, head ${all.at(-1)!.hash}`]);
  });

  it('names exactly the event whose stored payload was changed by hand', async () => {
    const all = await chainEvents(ctx.db, ctx.jurisdictionId);
    const k = all[Math.floor(all.length / 2)];
    const lines: string[] = [];
    const result = await tampered(
      ctx.db,
      k.seq,
      (seq) =>
        ctx.db
          .execute(
            sql`update events set after = ${JSON.stringify({ tampered: true })}::jsonb where jurisdiction_id = ${ctx.jurisdictionId} and seq = ${seq}`,
          )
          .then(() => undefined),
      () => verifyAllChains(ctx.db, (l) => lines.push(l)),
    );
    expect(result.ok).toBe(false);
    expect(result.reports[0].firstBroken).toEqual({ seq: k.seq, id: k.id, reason: 'hash_mismatch' });
    expect(result.reports[0].checked).toBe(k.seq - 1);
    expect(lines[0]).toContain(`BROKEN at seq ${k.seq}, event ${k.id}: hash_mismatch`);
    // put back, the chain holds again
    expect((await verifyAllChains(ctx.db)).ok).toBe(true);
  });

  it('notices a changed time or actor, not only the payload', async () => {
    const all = await chainEvents(ctx.db, ctx.jurisdictionId);
    const k = all[1];
    const report = await tampered(
      ctx.db,
      k.seq,
      (seq) =>
        ctx.db
          .execute(
            sql`update events set at = at - interval '1 day', actor_label = 'someone else' where jurisdiction_id = ${ctx.jurisdictionId} and seq = ${seq}`,
          )
          .then(() => undefined),
      () => verifyAllChains(ctx.db),
    );
    expect(report.reports[0].firstBroken).toEqual({ seq: k.seq, id: k.id, reason: 'hash_mismatch' });
  });

  it('reports a rewritten link (prev_hash) and a removed middle event (seq_gap)', async () => {
    const all = await chainEvents(ctx.db, ctx.jurisdictionId);
    const k = all[2];
    const relinked = await tampered(
      ctx.db,
      k.seq,
      (seq) =>
        ctx.db
          .execute(
            sql`update events set prev_hash = ${'f'.repeat(64)} where jurisdiction_id = ${ctx.jurisdictionId} and seq = ${seq}`,
          )
          .then(() => undefined),
      () => verifyAllChains(ctx.db),
    );
    expect(relinked.reports[0].firstBroken).toEqual({ seq: k.seq, id: k.id, reason: 'prev_hash_mismatch' });

    const next = all[3];
    const gap = await tampered(
      ctx.db,
      k.seq,
      (seq) =>
        ctx.db
          .execute(sql`delete from events where jurisdiction_id = ${ctx.jurisdictionId} and seq = ${seq}`)
          .then(() => undefined),
      () => verifyAllChains(ctx.db),
    );
    expect(gap.reports[0].firstBroken).toEqual({ seq: next.seq, id: next.id, reason: 'seq_gap' });
  });

  it('reports a deleted last event as a head mismatch', async () => {
    const [last] = await ctx.db
      .select()
      .from(events)
      .where(eq(events.jurisdictionId, ctx.jurisdictionId))
      .orderBy(desc(events.seq))
      .limit(1);
    const lines: string[] = [];
    const result = await tampered(
      ctx.db,
      last.seq,
      (seq) =>
        ctx.db
          .execute(sql`delete from events where jurisdiction_id = ${ctx.jurisdictionId} and seq = ${seq}`)
          .then(() => undefined),
      () => verifyAllChains(ctx.db, (l) => lines.push(l)),
    );
    expect(result.ok).toBe(false);
    expect(result.reports[0]).toMatchObject({
      headSeq: last.seq - 1,
      checked: last.seq - 1,
      firstBroken: { seq: last.seq, reason: 'head_mismatch' },
    });
    expect(lines[0]).toContain('BROKEN head_mismatch');
    expect((await verifyAllChains(ctx.db)).ok).toBe(true);
  });
});

describe('npm run audit:verify (the CLI)', () => {
  const script = path.resolve(import.meta.dirname, 'audit-verify.ts');

  /** Run the CLI against a copy of the test database: PGlite through DATA_DIR, PostgreSQL through DATABASE_URL. */
  async function cli(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, DATABASE_URL: '', ...env },
        cwd: path.resolve(import.meta.dirname, '..'),
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  /**
   * The database the CLI reads, after `prepare` changed it: on PostgreSQL the test database itself (through
   * DATABASE_URL), on PGlite a copy of it in a data directory (through DATA_DIR), closed before the CLI opens it.
   */
  async function cliTarget(
    prepare: (db: Db) => Promise<unknown>,
  ): Promise<{ env: Record<string, string>; cleanup(): void }> {
    if (ctx.database.engine === 'postgres') {
      await prepare(ctx.db);
      const [{ name }] = await queryRows<{ name: string }>(ctx.db, sql`select current_database() as name`);
      return { env: { DATABASE_URL: databaseUrl(name) }, cleanup: () => undefined };
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sc-audit-verify-'));
    const copy = await openPglite({
      dataDir: path.join(dir, 'pgdata'),
      loadDataDir: await ctx.database.pglite!.dumpDataDir('none'),
    });
    try {
      await prepare(copy.db);
    } finally {
      await copy.close();
    }
    return { env: { DATA_DIR: dir }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }

  it('names the changed event and exits 1', async () => {
    const all = await chainEvents(ctx.db, ctx.jurisdictionId);
    const k = all[all.length - 2];
    const target = await cliTarget((db) =>
      db.execute(
        sql`update events set after = ${JSON.stringify({ forged: 1 })}::jsonb where jurisdiction_id = ${ctx.jurisdictionId} and seq = ${k.seq}`,
      ),
    );
    try {
      const broken = await cli(target.env);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain(
        `330302 温州市鹿城区: BROKEN at seq ${k.seq}, event ${k.id}: hash_mismatch`,
      );
    } finally {
      target.cleanup();
    }
    if (ctx.database.engine === 'postgres') {
      // the test database itself was changed: put the row back (the ok output is checked at the function level)
      await ctx.db.execute(
        sql`update events set after = ${JSON.stringify(k.after)}::jsonb where id = ${k.id}`,
      );
      expect((await verifyAllChains(ctx.db)).ok).toBe(true);
    }
  });

  it('exits 2 with a message when there is no database', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sc-audit-verify-empty-'));
    try {
      const res = await cli({ DATA_DIR: dir });
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('no database at');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
