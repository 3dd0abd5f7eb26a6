/**
 * The agencies part of the authorization matrix: the register of service agencies and the enterprises' service
 * engagements — their routeMatrix entries. Used by authz-matrix.test.ts, which owns the roles, sessions, fixtures
 * and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production): the test passes its code maker
 * (test/registry-factories.ts's uniqueUscc) in.
 */
import { all, allBut, type Entry } from './matrix-types.test-support.js';

export function agenciesEntries(uniqueUscc: () => string): Record<string, Entry> {
  return {
    // ── agencies and service engagements ──────────────────────────────────────────────────────────────────────
    // A's foreign agency is suspended: only the bureau's register readers see it (active ones every user may list)
    'GET /api/agencies': {
      refused: all,
      call: () => ({ url: '/api/agencies?pageSize=200' }),
      hide: (f) => [f.agencyId],
    },
    'GET /api/agencies/grade-scale': {
      own: 'the grade scale of the caller’s own jurisdiction (a setting everyone reads)',
      call: () => ({ url: '/api/agencies/grade-scale' }),
    },
    'GET /api/agencies/{id}': { refused: all, call: (f) => ({ url: `/api/agencies/${f.agencyId}` }) },
    'POST /api/agencies': {
      refused: allBut('bureau_admin'),
      call: () => ({
        url: '/api/agencies',
        body: { name: '越权登记服务机构有限公司', uscc: uniqueUscc(), kinds: ['social_service'] },
      }),
    },
    'PATCH /api/agencies/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/agencies/${f.agencyId}`, body: { contactName: '越权' } }),
    },
    'POST /api/agencies/{id}/suspend': {
      refused: all,
      call: (f) => ({ url: `/api/agencies/${f.agencyId}/suspend`, body: { reason: '越权' } }),
    },
    'POST /api/agencies/{id}/reinstate': {
      refused: all,
      call: (f) => ({ url: `/api/agencies/${f.agencyId}/reinstate`, body: {} }),
    },
    'POST /api/agencies/{id}/blacklist': {
      refused: all,
      call: (f) => ({ url: `/api/agencies/${f.agencyId}/blacklist`, body: { reason: '越权' } }),
    },
    'GET /api/engagements': {
      refused: all,
      call: () => ({ url: '/api/engagements?pageSize=200' }),
      hide: (f) => [f.engagementId],
    },
    'GET /api/engagements/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/engagements/${f.engagementId}` }),
    },
    'POST /api/engagements': {
      refused: all,
      // for another enterprise than the caller's own (only enterprise users may engage at all)
      call: (f) => ({
        url: '/api/engagements',
        body: { enterpriseId: f.enterpriseId, agencyId: f.agencyId, services: ['first_inspection'] },
      }),
    },
    'POST /api/engagements/{id}/accept': {
      refused: all,
      call: (f) => ({ url: `/api/engagements/${f.engagementId}/accept`, body: {} }),
    },
    'POST /api/engagements/{id}/decline': {
      refused: all,
      call: (f) => ({ url: `/api/engagements/${f.engagementId}/decline`, body: { reason: '越权' } }),
    },
    'POST /api/engagements/{id}/withdraw': {
      refused: all,
      call: (f) => ({ url: `/api/engagements/${f.engagementId}/withdraw`, body: {} }),
    },
    'POST /api/engagements/{id}/end': {
      refused: all,
      call: (f) => ({ url: `/api/engagements/${f.engagementId}/end`, body: { reason: '越权' } }),
    },
  };
}
