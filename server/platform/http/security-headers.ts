import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of everything the server answers: the built React app (web/dist) loads its own
 * scripts and styles only; antd injects `<style>` elements at run time, hence `'unsafe-inline'` for styles (and
 * only for styles). Images may be `data:`/`blob:` (previews of evidence photos before upload). The Swagger UI at
 * /api/docs (external scripts, inline styles, data: icons) works under the same policy. A route that sets its own
 * policy keeps it (the public verification page `/verify/:code` sends a stricter one).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Phones take evidence photos through the camera; nothing asks for the location or the microphone. */
export const permissionsPolicy = 'camera=(self), geolocation=(), microphone=()';

/** Two years, the subdomains too: only sent over TLS (directly, or behind a proxy with TRUST_PROXY set). */
export const strictTransportSecurity = 'max-age=63072000; includeSubDomains';

const fixedHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': permissionsPolicy,
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * Security headers on every answer (pages, assets, API, problems, 404s). Registered first in `buildApp` so no
 * route escapes it; a header a route already set is left alone.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    for (const [name, value] of Object.entries(fixedHeaders)) {
      if (!reply.hasHeader(name)) void reply.header(name, value);
    }
    // req.protocol is 'https' on a TLS socket, or behind a proxy saying so when trustProxy is set
    if (req.protocol === 'https') void reply.header('strict-transport-security', strictTransportSecurity);
    return payload;
  });
}
