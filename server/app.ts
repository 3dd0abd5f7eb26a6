import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { sql } from 'drizzle-orm';
import { setupModules, modules } from './modules/index.js';
import { registerAuth } from './platform/auth/plugin.js';
import type { Database } from './platform/db/client.js';
import { notFoundProblem, registerProblemHandlers, rememberRoutePatterns } from './platform/errors/problem.js';
import { AppError } from './platform/errors/app-error.js';
import { ProblemSchema } from './platform/http/schemas.js';
import type { App } from './platform/http/types.js';
import { registerRateLimits, type RateLimitOptions } from './platform/http/rate-limit.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { buildValidator } from './platform/http/validator.js';
import { JobRunner } from './platform/jobs/worker.js';

export const version = '0.1.0';
const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface AppOptions {
  database: Database;
  logger?: boolean | object;
  bodyLimitBytes?: number;
  trustProxy?: boolean;
  /** serve the built web UI from web/dist (on by default when it exists) */
  serveWeb?: boolean;
  jobs?: JobRunner;
  /** rate limits on the login and the public routes (on by default; `false` turns them off, e.g. in tests) */
  rateLimit?: RateLimitOptions | false;
}

/** Build the Fastify app without listening: tests inject requests into it directly. */
export async function buildApp(opts: AppOptions): Promise<{ app: App; jobs: JobRunner }> {
  setupModules();
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimitBytes ?? 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    genReqId: () => crypto.randomUUID(),
    schemaController: { compilersFactory: { buildValidator } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  const db = opts.database.db;
  const jobs = opts.jobs ?? new JobRunner(db, { onError: (err) => app.log.error({ err }, 'job failed') });

  app.addSchema(ProblemSchema);
  registerSecurityHeaders(app);
  registerProblemHandlers(app);
  refuseNulCharacters(app);
  rememberRoutePatterns(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SafeComply 安全生产合规管理平台 API',
        version,
        description: '会话登录（POST /api/auth/login）后以 Cookie 调用；写操作需携带 x-csrf-token 头。错误以 RFC 9457 problem+json 返回。',
      },
    },
  });
  // the API documentation is public like /api/openapi.json (the auth hook would otherwise answer 401 to the UI)
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  if (opts.rateLimit !== false) registerRateLimits(app, db, opts.rateLimit ?? {});
  registerAuth(app, db);

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: '健康检查',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            db: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            version: Type.String(),
          }),
        },
      },
    },
    async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const, db: opts.database.engine, version };
    },
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  for (const m of modules) {
    m.routes({ app, db, jobs });
    m.jobs?.(jobs);
  }

  const serveWeb = opts.serveWeb ?? existsSync(path.join(webDist, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !serveWeb || req.method !== 'GET') return notFoundProblem(app, req, reply);
    const pathname = req.url.split('?')[0];
    if (pathname.startsWith('/assets/')) {
      // built after this process started (a rebuild while running): serve it if it exists, never index.html
      const rel = path.posix.normalize(pathname).replace(/^\/+/, '');
      if (!rel.includes('..') && existsSync(path.join(webDist, rel))) return reply.sendFile(rel);
      return notFoundProblem(app, req, reply);
    }
    // client-side routes of the SPA get index.html
    return reply.type('text/html').sendFile('index.html');
  });
  return { app, jobs };
}

/** Where the first U+0000 is in a parsed request part (`body/name`), or null. */
function firstNul(value: unknown, at: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 32) return null;
  for (const [key, v] of Object.entries(value)) {
    const found = key.includes('\u0000') ? `${at}/${key}` : firstNul(v, `${at}/${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000: a request carrying one (a JSON "\u0000", a %00 in the query or
 * the path) would fail in the database as a 500. Refuse it at the edge as a field error instead.
 */
function refuseNulCharacters(app: App): void {
  app.addHook('preValidation', async (req) => {
    const field = firstNul(req.params, 'params') ?? firstNul(req.query, 'querystring') ?? firstNul(req.body, 'body');
    if (field) {
      throw new AppError('VALIDATION_FAILED', { fieldErrors: [{ field, code: 'nul_character', message: '不能包含空字符（U+0000）' }] });
    }
  });
}
