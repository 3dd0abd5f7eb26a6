/**
 * The typed API client. Paths, parameters and bodies come from `schema.gen.ts`, which `npm run api:generate`
 * produces from the server's OpenAPI document, so a server change that breaks the UI breaks `tsc`.
 *
 *   const users = await call(api.GET('/api/users', { params: { query: { page: 1 } } }));
 *
 * `call` returns the data or throws an `ApiProblem`. Cookies ride along (same origin); writes carry the
 * session's CSRF token; a 401 meaning "not logged in / session over" sends the user to the login page.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiProblem, authLostCodes, isProblemBody } from './problem';
import type { paths } from './schema.gen';

export type AuthLostReason = 'expired' | 'required';

let csrfToken: string | null = null;
let authLostHandler: (reason: AuthLostReason) => void = (reason) => {
  if (typeof window === 'undefined' || window.location.pathname === '/login') return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(loginPath(reason, next));
};

/** Remember the session's CSRF token (from the login answer or /api/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The app replaces the default full-page redirect with a router navigation. */
export function setAuthLostHandler(handler: (reason: AuthLostReason) => void): void {
  authLostHandler = handler;
}

export function loginPath(reason: AuthLostReason | null, next?: string): string {
  const params = new URLSearchParams();
  if (reason === 'expired') params.set('expired', '1');
  if (next && next !== '/' && !next.startsWith('/login')) params.set('next', next);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!safeMethods.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  async onResponse({ response, schemaPath }) {
    if (response.status !== 401 || schemaPath === '/api/auth/login') return response;
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => null);
    if (isProblemBody(body) && authLostCodes.has(body.code)) {
      csrfToken = null;
      authLostHandler(body.code === 'AUTH_SESSION_EXPIRED' ? 'expired' : 'required');
    }
    return response;
  },
};

export const api = createClient<paths>({
  // absolute URLs (same origin), so the client also runs where Request needs them (tests under jsdom)
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
  // looked up per call, so a test (or a polyfill) can replace fetch after this module loaded
  fetch: (request) => globalThis.fetch(request),
});
api.use(sessionMiddleware);

interface Result {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Await an openapi-fetch call: its data, or an `ApiProblem` thrown for any failure (network included). */
export async function call<R extends Result>(request: Promise<R>): Promise<NonNullable<R['data']>> {
  let result: R;
  try {
    result = await request;
  } catch {
    throw ApiProblem.network();
  }
  if (result.error !== undefined || !result.response.ok) {
    throw ApiProblem.fromResponse(result.response.status, result.error);
  }
  return result.data as NonNullable<R['data']>;
}
