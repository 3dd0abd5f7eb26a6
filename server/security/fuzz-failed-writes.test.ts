/**
 * Input fuzzing (issue 9, item 3), failed writes: a few write routes get requests that must fail (one defect in an
 * otherwise valid body), and a failed request must leave no row and no audit event behind. Arbitraries, seed and
 * run bounds are in fuzz.test-support.ts; fixtures in test/fuzz-fixtures.ts.
 */
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../test/context.js';
import { fuzzFixtures, type FuzzFixtures } from '../../test/fuzz-fixtures.js';
import { uniqueUscc } from '../../test/registry-factories.js';
import { roleBindings, users } from '../db/schema/identity.js';
import { events, settings } from '../db/schema/platform.js';
import { enterpriseImports, enterprises, parks } from '../db/schema/registry.js';
import { anyString, junk, numRuns, seedOption, session, xlsxType } from './fuzz.test-support.js';
import { encodeUriPart, type ApiRoute } from './openapi-routes.test-support.js';

let fixtures: FuzzFixtures | undefined;
let ctx: TestContext;
let validXlsx: Buffer;

beforeAll(async () => {
  fixtures = await fuzzFixtures();
  ({ ctx, validXlsx } = fixtures);
});

afterAll(async () => {
  await fixtures?.close();
});

describe('a failed write leaves nothing behind', () => {
  const post = (method: ApiRoute['method'], url: string, body: unknown) =>
    ctx.app.inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: body as object,
    });
  const countOf = async (
    table:
      | typeof users
      | typeof roleBindings
      | typeof events
      | typeof enterprises
      | typeof parks
      | typeof settings
      | typeof enterpriseImports,
  ) => Number((await ctx.db.select({ n: count() }).from(table))[0].n);

  async function nothingWritten<T>(
    arb: fc.Arbitrary<T>,
    call: (v: T) => Promise<LightMyRequestResponse>,
    tables: Parameters<typeof countOf>[0][],
  ) {
    await fc.assert(
      fc.asyncProperty(arb, async (v) => {
        const before = await Promise.all(tables.map(countOf));
        const res = await call(v);
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect(await Promise.all(tables.map(countOf))).toEqual(before);
      }),
      { numRuns, ...seedOption },
    );
  }

  const username = fc.stringMatching(/^[a-z][a-z0-9._-]{4,20}$/);

  it('POST /api/users: a bad second binding or a short password creates no user, binding or event', async () => {
    const shuangyu = await ctx.unit('shuangyu');
    const defect = fc.oneof(
      fc.record({
        bindings: fc.constant([
          { role: 'expert', unitId: ctx.jurisdictionId },
          { role: 'subdistrict_officer', unitId: ctx.jurisdictionId },
        ]),
      }),
      fc.record({
        bindings: fc.uuid().map((u) => [
          { role: 'subdistrict_officer', unitId: shuangyu },
          { role: 'bureau_admin', unitId: u },
        ]),
      }),
      fc.record({ password: fc.string({ minLength: 1, maxLength: 5 }) }),
    );
    await nothingWritten(
      fc.tuple(username, defect),
      ([name, d]) =>
        post('POST', '/api/users', {
          username: name,
          displayName: '模糊测试',
          password: 'Fuzz-Pass-123456',
          bindings: [],
          ...d,
        }),
      [users, roleBindings, events],
    );
  });

  it('POST /api/enterprises: an unknown park, host or subdistrict, or a bad USCC creates no enterprise or event', async () => {
    const shuangyu = await ctx.unit('shuangyu');
    const defect = fc.oneof(
      fc.uuid().map((u) => ({ parkId: u })),
      fc.uuid().map((u) => ({ hostEnterpriseId: u })),
      fc.uuid().map((u) => ({ subdistrictId: u })),
      fc.string({ minLength: 1, maxLength: 30 }).map((s) => ({ uscc: s })),
      fc.constantFrom('0000', '99999999', 'x').map((c) => ({ industryCode: c })),
    );
    await nothingWritten(
      defect,
      (d) =>
        post('POST', '/api/enterprises', {
          uscc: uniqueUscc(),
          name: `模糊测试企业${randomBytes(3).toString('hex')}`,
          legalRepresentative: '张三',
          subdistrictId: shuangyu,
          industryCode: '1952',
          scale: 'small',
          ...d,
        }),
      [enterprises, events],
    );
  });

  it('POST /api/parks: an unknown operator or subdistrict creates no park or event', async () => {
    const shuangyu = await ctx.unit('shuangyu');
    const defect = fc.oneof(
      fc.uuid().map((u) => ({ operatorEnterpriseId: u })),
      fc.uuid().map((u) => ({ subdistrictId: u })),
    );
    await nothingWritten(
      defect,
      (d) =>
        post('POST', '/api/parks', {
          name: `模糊园区${randomBytes(3).toString('hex')}`,
          subdistrictId: shuangyu,
          ...d,
        }),
      [parks, events],
    );
  });

  it('PUT /api/settings/{key}: an invalid value changes no setting and writes no event', async () => {
    const bad = fc.oneof(
      fc.record({
        key: fc.constantFrom('files.maxBytes', 'registry.importMaxRows', 'jobs.maxAttempts'),
        value: fc.oneof(
          fc.integer({ max: -1 }),
          anyString,
          fc.constant(null),
          fc.double({ min: 0.1, max: 0.9 }),
        ),
      }),
      fc.record({ key: anyString.filter((k) => k.length > 0 && !k.includes('/')), value: junk }),
    );
    await nothingWritten(
      bad,
      ({ key, value }) => post('PUT', `/api/settings/${encodeUriPart(key)}`, { value, reason: '模糊测试' }),
      [settings, events],
    );
  });

  it('POST /api/enterprise-imports: a file that is not a spreadsheet starts no import, job or event', async () => {
    const notXlsx = fc.oneof(
      fc.uint8Array({ maxLength: 500 }).map((a) => Buffer.from(a)),
      fc.integer({ min: 0, max: 200 }).map((n) => validXlsx.subarray(0, n)),
    );
    await nothingWritten(
      notXlsx,
      (bytes) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/enterprise-imports?fileName=fuzz.xlsx',
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': xlsxType },
          payload: bytes,
        }),
      [enterpriseImports, events],
    );
  });
});
