import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asc } from 'drizzle-orm';
import { settingDefinitions } from '../../../domain/settings.js';
import { jurisdictions } from '../../db/schema/index.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { getSetting } from '../settings/settings.js';

/** Milliseconds since the epoch; tests pass a clock they advance instead of waiting. */
export type Clock = () => number;

/**
 * Fixed-window counter: at most `limit` hits per key in each window of `windowMs`. In memory, per process: a
 * restart forgets the counts, and several server processes each count their own share (documented in
 * docs/security.md). Old windows are dropped as keys are touched and by a sweep when the map grows.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly windowMs: number,
    private readonly clock: Clock,
    private readonly maxKeys = 100_000,
  ) {}

  /** Count one hit; `retryAfterSeconds` is set when the hit is over the limit. */
  hit(key: string, limit: number): { allowed: boolean; retryAfterSeconds: number } {
    const now = this.clock();
    const start = now - (now % this.windowMs);
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      if (this.windows.size >= this.maxKeys) this.sweep(start);
      w = { start, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= limit) return { allowed: true, retryAfterSeconds: 0 };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((start + this.windowMs - now) / 1000)),
    };
  }

  private sweep(currentStart: number): void {
    for (const [key, w] of this.windows) if (w.start !== currentStart) this.windows.delete(key);
    // still full of current windows (a flood of distinct keys): start over rather than grow without bound
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}

export interface RateLimitOptions {
  clock?: Clock;
  /** how long the limits read from settings are kept before being read again (default a minute) */
  settingsTtlMs?: number;
}

type LimitKey =
  'auth.loginRateLimitPerMinute' | 'auth.loginRateLimitPerUsernamePerMinute' | 'public.rateLimitPerMinute';
const limitKeys: LimitKey[] = [
  'auth.loginRateLimitPerMinute',
  'auth.loginRateLimitPerUsernamePerMinute',
  'public.rateLimitPerMinute',
];

/**
 * The limits are platform settings (domain/settings.ts). A request to the login or a public page does not
 * belong to a jurisdiction yet, so the numbers are read from the deployment's jurisdiction: the first by code
 * (a deployment serves one district; in a multi-district database the first one's settings apply to all).
 */
function settingsReader(db: Db, clock: Clock, ttlMs: number): () => Promise<Record<LimitKey, number>> {
  let cached: { at: number; values: Record<LimitKey, number> } | null = null;
  return async () => {
    const now = clock();
    if (cached && now - cached.at < ttlMs) return cached.values;
    const values = {} as Record<LimitKey, number>;
    const [j] = await db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .orderBy(asc(jurisdictions.code))
      .limit(1);
    for (const key of limitKeys)
      values[key] = j ? await getSetting(db, j.id, key) : settingDefinitions[key].default;
    cached = { at: now, values };
    return values;
  };
}

function refuse(reply: FastifyReply, retryAfterSeconds: number): never {
  void reply.header('retry-after', String(retryAfterSeconds));
  throw new AppError('RATE_LIMITED', { extra: { retryAfterSeconds } });
}

function isLogin(req: FastifyRequest): boolean {
  return req.method === 'POST' && req.routeOptions.url === '/api/auth/login';
}

function isPublic(req: FastifyRequest): boolean {
  const url = req.routeOptions.url ?? '';
  return url.startsWith('/api/public/') || url.startsWith('/verify/');
}

/**
 * Rate limits (answer 429 RATE_LIMITED with Retry-After):
 * - POST /api/auth/login: per client IP (`auth.loginRateLimitPerMinute`), counted before the body is read, and
 *   per username (`auth.loginRateLimitPerUsernamePerMinute`, case-insensitive) against spraying one account from
 *   many addresses;
 * - the public routes (`/api/public/*` and the verification page `/verify/:code`): per client IP
 *   (`public.rateLimitPerMinute`).
 * The client IP is `req.ip`: the socket's address, or X-Forwarded-For's when TRUST_PROXY is set.
 */
export function registerRateLimits(app: FastifyInstance, db: Db, opts: RateLimitOptions = {}): void {
  const clock = opts.clock ?? Date.now;
  const limiter = new FixedWindowLimiter(60_000, clock);
  const limits = settingsReader(db, clock, opts.settingsTtlMs ?? 60_000);

  app.addHook('onRequest', async (req, reply) => {
    if (isLogin(req)) {
      const r = limiter.hit(`login-ip:${req.ip}`, (await limits())['auth.loginRateLimitPerMinute']);
      if (!r.allowed) refuse(reply, r.retryAfterSeconds);
    } else if (isPublic(req)) {
      const r = limiter.hit(`public-ip:${req.ip}`, (await limits())['public.rateLimitPerMinute']);
      if (!r.allowed) refuse(reply, r.retryAfterSeconds);
    }
  });

  app.addHook('preValidation', async (req, reply) => {
    if (!isLogin(req)) return;
    const username = (req.body as { username?: unknown } | undefined)?.username;
    if (typeof username !== 'string') return;
    const key = `login-user:${username.trim().toLowerCase()}`;
    const r = limiter.hit(key, (await limits())['auth.loginRateLimitPerUsernamePerMinute']);
    if (!r.allowed) refuse(reply, r.retryAfterSeconds);
  });
}
