import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { CSRF_HEADER, lookupSession, SESSION_COOKIE } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: { id: string; csrfToken: string } | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** the route answers without a login */
    public?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication for every /api route: the session cookie becomes `req.actor`. Routes are private unless
 * their config says `public: true`. Cookie-authenticated writes must echo the session's CSRF token.
 */
export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/') || req.is404) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const found = await lookupSession(db, token);
      if (found.state === 'active') {
        req.actor = found.actor;
        req.session = { id: found.sessionId, csrfToken: found.csrfToken };
      } else if (found.state === 'expired') {
        req.sessionExpired = true;
      }
    }
    if (req.routeOptions.config.public) return;
    if (!req.actor) throw new AppError(req.sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
    if (!safeMethods.has(req.method) && req.headers[CSRF_HEADER] !== req.session?.csrfToken) {
      throw new AppError('AUTH_CSRF_INVALID');
    }
  });
}

/** The authenticated actor of a private route (the hook guarantees it). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('AUTH_REQUIRED');
  return req.actor;
}
