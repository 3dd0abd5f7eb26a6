/**
 * Input fuzzing (issue 9, item 3), uploads: the upload routes (.xlsx bodies, multipart) get random, truncated,
 * corrupted and mislabelled files, and must never answer 5xx. Arbitraries, seed and run bounds are in
 * fuzz.test-support.ts; fixtures in test/fuzz-fixtures.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../test/context.js';
import { fuzzFixtures, type FuzzFixtures } from '../../test/fuzz-fixtures.js';
import { anyString, fuzzRoute, pathValue, session, uploadRoutes, xlsxType } from './fuzz.test-support.js';
import { encodeUriPart, fillPath, openApiRoutes, type ApiRoute } from './openapi-routes.test-support.js';

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

describe('input fuzzing', () => {
  it('never answers 5xx to random, truncated or mislabelled uploads', async () => {
    const zipLike = fc.integer({ min: 0, max: validXlsx.length }).map((n) => validXlsx.subarray(0, n));
    const corrupted = fc
      .tuple(
        fc.integer({ min: 0, max: validXlsx.length - 1 }),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
      )
      .map(([at, bytes]) => {
        const copy = Buffer.from(validXlsx);
        Buffer.from(bytes).copy(copy, at);
        return copy;
      });
    const bytes = fc.oneof(
      zipLike,
      corrupted,
      fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
      fc.constant(Buffer.from('PK\u0003\u0004')),
    );
    const contentType = fc.constantFrom(
      xlsxType,
      'application/octet-stream',
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=zz',
      'multipart/form-data',
    );
    const failures: string[] = [];
    for (const route of openApiRoutes(ctx.app)) {
      if (!uploadRoutes.has(route.key)) continue;
      const arb = fc
        .record({
          id: pathValue('id'),
          bytes,
          contentType,
          name: anyString,
          fields: fc.record(
            {
              entityType: fc.oneof(fc.constant('document'), anyString),
              entityId: pathValue('id'),
              label: anyString,
            },
            { requiredKeys: [] },
          ),
          cutAt: fc.option(fc.nat(), { nil: undefined }),
        })
        .map(({ id, bytes: b, contentType: ct, name, fields, cutAt }) => {
          let payload = b;
          if (ct.startsWith('multipart')) {
            const parts = Object.entries(fields).map(([k, v]) =>
              Buffer.from(`--zz\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
            );
            const file = Buffer.from(
              `--zz\r\nContent-Disposition: form-data; name="file"; filename="${name.replace(/["\r\n]/g, '')}"\r\n\r\n`,
            );
            payload = Buffer.concat([...parts, file, b, Buffer.from('\r\n--zz--\r\n')]);
            // a body that breaks off somewhere
            if (cutAt !== undefined) payload = payload.subarray(0, cutAt % (payload.length + 1));
          }
          return {
            method: route.method,
            url: `${fillPath(route.path, { id })}?fileName=${encodeUriPart(name)}`,
            headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': ct },
            payload,
          };
        });
      const failure = await fuzzRoute(ctx.app, route, arb);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

/** What the fuzzers found, pinned as plain examples so that it stays fixed whatever the seed. */
describe('regressions found by fuzzing', () => {
  const call = (method: ApiRoute['method'], url: string, payload?: string | Buffer, contentType?: string) =>
    ctx.app.inject({
      method,
      url,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      ...(payload === undefined ? {} : { payload }),
    });

  it('answers a multipart upload without a boundary, or cut short, with 4xx', async () => {
    const noBoundary = await call(
      'POST',
      '/api/files',
      '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nx\r\n--zz--\r\n',
      'multipart/form-data',
    );
    expect(noBoundary.statusCode).toBe(415);
    const full = `--zz\r\nContent-Disposition: form-data; name="entityType"\r\n\r\ndocument\r\n--zz\r\nContent-Disposition: form-data; name="label"\r\n\r\na\u0000b\r\n--zz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nABCDEFGHIJ\r\n--zz--\r\n`;
    for (const cut of [10, 60, 120, 150, full.length]) {
      const res = await call('POST', '/api/files', full.slice(0, cut), 'multipart/form-data; boundary=zz');
      expect(res.statusCode, `cut at ${cut}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `cut at ${cut}: ${res.body}`).toBeLessThan(500);
    }
  });

  it('answers a damaged .xlsx (4xx, or 202 when the damage is harmless) instead of hanging on it, and so do the jobs', async () => {
    // the streaming reader never settled on some damaged deflate streams: the request hung. Damage the file all
    // along its length; every upload must be answered, and every import it started must run to its end
    for (let at = 30; at < validXlsx.length - 8; at += 61) {
      const damaged = Buffer.from(validXlsx);
      damaged.fill(0xa5, at, at + 8);
      const res = await call('POST', '/api/enterprise-imports?fileName=damaged.xlsx', damaged, xlsxType);
      expect(res.statusCode, `damaged at ${at}: ${res.body}`).toBeLessThan(500);
      if (res.statusCode !== 202) expect(res.json().code, `damaged at ${at}`).toMatch(/^IMPORT_/); // not a spreadsheet, or its header row damaged
    }
    await ctx.jobs.drain();
  });
});
