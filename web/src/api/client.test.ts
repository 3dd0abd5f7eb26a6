import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, call, loginPath, setAuthLostHandler, setCsrfToken } from './client';
import { ApiProblem } from './problem';

const baseUrl = 'http://sc.test';

function problem(status: number, code: string) {
  return new Response(
    JSON.stringify({ type: 'x', title: 't', detail: 'd', status, code, instance: '/', requestId: 'r' }),
    {
      status,
      headers: { 'content-type': 'application/problem+json' },
    },
  );
}

/** A fetch that records requests and answers with the given response. */
function fakeFetch(answer: () => Response) {
  const seen: Request[] = [];
  const fetch = vi.fn(async (req: Request) => {
    seen.push(req);
    return answer();
  });
  return { fetch, seen };
}

afterEach(() => {
  setCsrfToken(null);
  setAuthLostHandler(() => undefined);
});

describe('api client', () => {
  it('sends the CSRF token on writes only', async () => {
    setCsrfToken('tok-1');
    const f = fakeFetch(() => Response.json({ ok: true }));
    await call(api.POST('/api/auth/logout', { baseUrl, fetch: f.fetch }));
    await call(api.GET('/api/jobs', { baseUrl, fetch: f.fetch }));
    expect(f.seen[0].headers.get('x-csrf-token')).toBe('tok-1');
    expect(f.seen[1].headers.get('x-csrf-token')).toBeNull();
    expect(f.seen[0].credentials).toBe('same-origin');
  });

  it('throws the problem as an ApiProblem', async () => {
    const f = fakeFetch(() => problem(403, 'FORBIDDEN'));
    await expect(call(api.GET('/api/users', { baseUrl, fetch: f.fetch }))).rejects.toMatchObject({
      name: 'ApiProblem',
      status: 403,
      code: 'FORBIDDEN',
    });
  });

  it('reports a failed fetch as a network problem', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const error = await call(api.GET('/api/me', { baseUrl, fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).code).toBe('NETWORK_ERROR');
  });

  it('sends the user to the login page when the session expired or is missing, not on a wrong password', async () => {
    const reasons: string[] = [];
    setAuthLostHandler((reason) => reasons.push(reason));
    setCsrfToken('tok-2');
    await call(
      api.GET('/api/me', { baseUrl, fetch: fakeFetch(() => problem(401, 'AUTH_SESSION_EXPIRED')).fetch }),
    ).catch(() => null);
    await call(
      api.GET('/api/me', { baseUrl, fetch: fakeFetch(() => problem(401, 'AUTH_REQUIRED')).fetch }),
    ).catch(() => null);
    await call(
      api.POST('/api/auth/login', {
        baseUrl,
        body: { username: 'a', password: 'b' },
        fetch: fakeFetch(() => problem(401, 'AUTH_INVALID_CREDENTIALS')).fetch,
      }),
    ).catch(() => null);
    await call(
      api.GET('/api/users', { baseUrl, fetch: fakeFetch(() => problem(403, 'FORBIDDEN')).fetch }),
    ).catch(() => null);
    expect(reasons).toEqual(['expired', 'required']);
  });
});

describe('loginPath', () => {
  it('carries the reason and where to come back to, never a loop back to /login', () => {
    expect(loginPath('expired', '/audit?kind=user.created')).toBe(
      '/login?expired=1&next=%2Faudit%3Fkind%3Duser.created',
    );
    expect(loginPath('required', '/')).toBe('/login');
    expect(loginPath(null, '/login?next=/x')).toBe('/login');
  });
});
