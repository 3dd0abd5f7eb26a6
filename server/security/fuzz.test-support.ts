/**
 * Input fuzzing (issue 9, item 3), shared by fuzz-inputs.test.ts, fuzz-uploads.test.ts and
 * fuzz-failed-writes.test.ts: the run bounds and seed, the arbitraries built from the app's own OpenAPI document,
 * and the loop that fuzzes one route. The fixtures (context, fuzzing user, real path ids) are in
 * test/fuzz-fixtures.ts, which fills `session` and `pathValues` below.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production).
 *
 * Requests are sent by one user holding the system administrator, bureau administrator and 双屿 subdistrict
 * officer roles, so most requests pass authorization and reach the commands. Path parameters are real ids of
 * fixtures most of the time (never the fuzzing user's own, so it keeps its session and roles).
 * Runs are bounded (FUZZ_RUNS, default 30 per route); a failure prints the route, the request and the seed.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../platform/http/types.js';
import {
  fillPath,
  type ApiRoute,
  type JsonSchema,
  type OpenApiParameter,
} from './openapi-routes.test-support.js';

export const numRuns = Number(process.env.FUZZ_RUNS ?? 30);
/** CI replays one fixed seed so a red run is about the change, not luck; elsewhere each run explores anew. */
export const seedOption = process.env.FUZZ_SEED
  ? { seed: Number(process.env.FUZZ_SEED) }
  : process.env.CI
    ? { seed: 20261126 }
    : {};
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Routes whose request is not JSON: fuzzed with files instead (property 2). */
export const uploadRoutes = new Set([
  'POST /api/files',
  'POST /api/enterprise-imports',
  'POST /api/standard-versions/{id}/items-import',
  'POST /api/records/import',
]);
/** Routes that would end the fuzzing session. */
export const sessionEnders = new Set(['POST /api/auth/logout']);

/** The fuzzing user's session; test/fuzz-fixtures.ts fills it. */
export const session = { cookie: '', csrfToken: '' };
/** real ids for path parameters, by parameter name */
export const pathValues: Record<string, string[]> = {};

// ── arbitraries ───────────────────────────────────────────────────────────────────────────────────────────────

/** Strings that have broken servers before: NUL, lone surrogates, SQL and path syntax, very long, odd unicode. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  "' OR 1=1 --",
  '"; drop table users; --',
  '%',
  '%00',
  '../../etc/passwd',
  '${7*7}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '双屿街道'.repeat(40),
  'x'.repeat(5000),
  '9'.repeat(400),
  '1e309',
  '-0',
  'NaN',
  '2026-02-30',
  '0000-00-00T00:00:00Z',
  '\u202e\u200b\ufeff',
  '😀'.repeat(30),
);

export const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  nastyString,
);

export const junk: fc.Arbitrary<unknown> = fc.oneof(
  anyString,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, true, false, null),
  fc.array(fc.oneof(anyString, fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(
    fc.oneof(anyString, fc.constantFrom('__proto__', 'constructor', 'prototype')),
    fc.oneof(anyString, fc.integer()),
    { maxKeys: 3 },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

export function pathValue(name: string): fc.Arbitrary<string> {
  const real = pathValues[name] ?? [];
  const options: fc.Arbitrary<string>[] = [
    fc.uuid(),
    anyString.filter((s) => s.length > 0),
    nastyString.filter((s) => s.length > 0),
  ];
  if (real.length > 0) options.unshift(fc.constantFrom(...real), fc.constantFrom(...real));
  return fc.oneof(...options);
}

/** Values that fit a JSON schema (as far as a generator reasonably can). */
function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return junk;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union && union.length > 0) return fc.oneof(...union.map((s) => fromSchema(s, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return fromSchema(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'date')
        return fc
          .date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2100-01-01') })
          .map((d) => d.toISOString().slice(0, 10));
      const max = Math.min(schema.maxLength ?? 60, 60);
      const min = Math.min(schema.minLength ?? 0, max);
      if (schema.pattern) {
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
      }
      return fc.string({ minLength: min, maxLength: max });
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const props = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) model[k] = fromSchema(s, depth + 1);
      if (Object.keys(model).length === 0)
        return fc.dictionary(fc.string({ maxLength: 10 }), junk, { maxKeys: 3 });
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
    }
    default:
      return junk;
  }
}

/** A valid-looking value with one thing wrong: a field replaced by junk, a required field dropped, an extra field. */
function broken(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return fromSchema(schema).chain((value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return fc.oneof(fc.constant(value), junk);
    const keys = Object.keys(value);
    return fc.oneof(
      junk,
      fc
        .record({ key: fc.oneof(fc.constantFrom(...(keys.length ? keys : ['x'])), anyString), v: junk })
        .map(({ key, v }) => ({ ...value, [key]: v })),
      keys.length
        ? fc
            .constantFrom(...keys)
            .map((k) => Object.fromEntries(Object.entries(value).filter(([kk]) => kk !== k)))
        : junk,
      fc.constant(
        JSON.parse(`{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}`) as unknown,
      ),
    );
  });
}

export interface FuzzRequest {
  method: ApiRoute['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** A printable header value (inject refuses others before the server sees them). */
const headerValue = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '?'));

export function requestFor(route: ApiRoute): fc.Arbitrary<FuzzRequest> {
  const params = route.operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const bodySchema = route.operation.requestBody?.content?.['application/json']?.schema;

  const pathArb = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p.name)])),
  ) as fc.Arbitrary<Record<string, string>>;

  const oneQueryValue = (p: OpenApiParameter) =>
    fc.oneof(
      fromSchema(p.schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      anyString,
      fc.array(anyString, { minLength: 2, maxLength: 3 }),
    );
  const queryArb = fc.oneof(
    fc.record(Object.fromEntries(queryParams.map((p) => [p.name, oneQueryValue(p)])), { requiredKeys: [] }),
    fc.dictionary(
      anyString.filter((s) => s.length > 0),
      anyString,
      { maxKeys: 3 },
    ),
  ) as fc.Arbitrary<Record<string, string | string[]>>;
  const rawQuery = fc.constantFrom(
    '',
    '',
    '',
    '&',
    '=&=',
    '%',
    '%E0%A4%A',
    'a[b]=1&a[c]=2',
    'page=1&page=2',
    '?',
    `q=${'%27'.repeat(50)}`,
  );

  const bodyArb: fc.Arbitrary<{ payload?: string; contentType?: string }> = bodySchema
    ? fc.oneof(
        {
          weight: 3,
          arbitrary: fromSchema(bodySchema).map((v) => ({
            payload: JSON.stringify(v),
            contentType: 'application/json',
          })),
        },
        {
          weight: 3,
          arbitrary: broken(bodySchema).map((v) => ({
            payload: JSON.stringify(v) ?? 'null',
            contentType: 'application/json',
          })),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            payload: fc.oneof(
              fc.constantFrom('', '{', '{"a":', '[1,2', 'null', '"x"', '{"a":1}{"b":2}', '\u0000'),
              anyString,
            ),
            contentType: fc.constantFrom(
              'application/json',
              'application/json; charset=utf-8',
              'text/plain',
              'application/x-www-form-urlencoded',
              'application/xml',
              'multipart/form-data; boundary=x',
              'application/json; charset=latin1',
            ),
          }),
        },
        { weight: 1, arbitrary: fc.constant({}) },
      )
    : fc.oneof(
        fc.constant({}),
        fc.constant({}),
        fc.record({ payload: anyString, contentType: fc.constantFrom('application/json', 'text/plain') }),
      );

  const headersArb = fc.record({
    csrf: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    extra: fc.dictionary(
      fc.constantFrom(
        'accept',
        'accept-language',
        'x-forwarded-for',
        'x-request-id',
        'if-none-match',
        'range',
        'origin',
        'referer',
      ),
      headerValue,
      { maxKeys: 3 },
    ),
  });

  return fc
    .record({ pathVals: pathArb, query: queryArb, rawQuery, body: bodyArb, headers: headersArb })
    .map(({ pathVals, query, rawQuery: raw, body, headers }) => {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(query))
        for (const one of Array.isArray(v) ? v : [v]) search.append(k, one);
      const qs = [search.toString(), raw].filter(Boolean).join('&');
      const h: Record<string, string> = { ...headers.extra, cookie: session.cookie };
      if (headers.csrf) h['x-csrf-token'] = session.csrfToken;
      if (body.contentType) h['content-type'] = body.contentType;
      return {
        method: route.method,
        url: `${fillPath(route.path, pathVals)}${qs ? `?${qs}` : ''}`,
        headers: h,
        ...(body.payload === undefined ? {} : { payload: body.payload }),
      };
    });
}

function show(req: FuzzRequest, res: LightMyRequestResponse): string {
  const payload = req.payload === undefined ? '' : ` body ${String(req.payload).slice(0, 300)}`;
  return `${req.method} ${req.url} [${req.headers['content-type'] ?? ''}]${payload} → ${res.statusCode} ${res.body.slice(0, 300)}`;
}

const inject = (app: App, req: FuzzRequest) =>
  app.inject({
    method: req.method,
    url: req.url,
    headers: req.headers,
    ...(req.payload === undefined ? {} : { payload: req.payload }),
  });

export async function fuzzRoute(
  app: App,
  route: ApiRoute,
  arb: fc.Arbitrary<FuzzRequest>,
): Promise<string | null> {
  const result = await fc.check(
    fc.asyncProperty(arb, async (req) => {
      const res = await inject(app, req);
      if (res.statusCode >= 500) throw new Error(show(req, res));
    }),
    { numRuns, ...seedOption },
  );
  if (!result.failed) return null;
  const cause =
    result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  return `${route.key} (seed ${result.seed}, path ${result.counterexamplePath}): ${cause}`;
}
