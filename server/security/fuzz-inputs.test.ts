/**
 * Input fuzzing (issue 9, item 3), JSON bodies, queries, path parameters and headers: every route with a JSON
 * body, query or path parameters gets random requests built from its OpenAPI schemas — valid values, values with
 * one field broken, junk of every JSON type, malformed JSON, other content types, odd headers — and must never
 * answer 5xx. Arbitraries, seed and run bounds are in fuzz.test-support.ts; fixtures in test/fuzz-fixtures.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../test/context.js';
import { fuzzFixtures, type FuzzFixtures } from '../../test/fuzz-fixtures.js';
import {
  fuzzRoute,
  pathValues,
  requestFor,
  session,
  sessionEnders,
  uploadRoutes,
} from './fuzz.test-support.js';
import { openApiRoutes, type ApiRoute } from './openapi-routes.test-support.js';

let fixtures: FuzzFixtures | undefined;
let ctx: TestContext;

beforeAll(async () => {
  fixtures = await fuzzFixtures();
  ({ ctx } = fixtures);
});

afterAll(async () => {
  await fixtures?.close();
});

describe('input fuzzing', () => {
  it('never answers 5xx to random or malformed bodies, queries, path parameters and headers', async () => {
    const failures: string[] = [];
    for (const route of openApiRoutes(ctx.app)) {
      if (uploadRoutes.has(route.key) || sessionEnders.has(route.key)) continue;
      const op = route.operation;
      const hasInput =
        (op.parameters ?? []).length > 0 || Boolean(op.requestBody?.content?.['application/json']);
      if (!hasInput) continue;
      const failure = await fuzzRoute(ctx.app, route, requestFor(route));
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  }, 900_000);
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

  it('refuses U+0000 in bodies, queries and paths with 400 instead of failing in PostgreSQL', async () => {
    const cases = [
      call(
        'PUT',
        '/api/settings/documents.issuerName',
        JSON.stringify({ value: '\u0000' }),
        'application/json',
      ),
      call(
        'PATCH',
        `/api/users/${pathValues.id[0]}`,
        JSON.stringify({ displayName: 'a\u0000b' }),
        'application/json',
      ),
      call('GET', '/api/users?q=%00'),
      call('GET', '/api/enterprises?q=a%00b'),
      call('GET', '/api/audit/events?kind=%00'),
      call('GET', '/api/documents?kind=%00'),
      call('GET', '/api/settings/a%00b/history'),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses a query number too large to be finite instead of passing Infinity to SQL', async () => {
    for (const url of [
      '/api/login-log?pageSize=1e309',
      '/api/users?page=1e400',
      '/api/enterprises?pageSize=-1e309',
    ]) {
      const res = await call('GET', url);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});
