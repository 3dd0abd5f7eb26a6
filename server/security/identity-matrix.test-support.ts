/**
 * The session-1 platform part of the authorization matrix: the public routes, the caller's own session and the
 * reference data, identity (units, users, bindings, login log), audit, settings, jobs and notifications — their
 * routeMatrix entries. Used by authz-matrix.test.ts, which owns the roles, sessions, fixtures and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production).
 */
import { randomBytes } from 'node:crypto';
import { all, allBut, type Entry, type MatrixInputs } from './matrix-types.test-support.js';

/** `inputs` is filled by the test's setup; the calls read it when they run. */
export function identityEntries(inputs: MatrixInputs): Record<string, Entry> {
  return {
    // ── public ────────────────────────────────────────────────────────────────────────────────────────────────
    'GET /api/health': { public: 'liveness probe for the load balancer' },
    'POST /api/auth/login': { public: 'logging in' },
    'POST /api/auth/activate': { public: 'an enterprise redeems the one-time activation code it was handed' },
    'GET /api/public/verify/{code}': { public: 'anyone holding a document verifies it by its QR code' },

    // ── own session, reference data ───────────────────────────────────────────────────────────────────────────
    'POST /api/auth/logout': {
      own: 'ends the caller’s own session',
      call: () => ({ url: '/api/auth/logout' }),
    },
    'GET /api/me': { own: 'the caller', call: () => ({ url: '/api/me' }) },
    'POST /api/me/password': {
      own: 'the caller’s own password',
      call: () => ({
        url: '/api/me/password',
        body: { currentPassword: 'wrong-password-1', newPassword: 'Matrix-New-Pass-1' },
      }),
    },
    'GET /api/registry/abilities': {
      own: 'the caller’s abilities',
      call: () => ({ url: '/api/registry/abilities' }),
    },
    'GET /api/industries': {
      own: 'national industry classification, the same everywhere',
      call: () => ({ url: '/api/industries' }),
    },
    'GET /api/documents/kinds': {
      own: 'the document kinds of the platform',
      call: () => ({ url: '/api/documents/kinds' }),
    },
    'GET /api/standards/templates': {
      own: 'the platform’s reference templates',
      call: () => ({ url: '/api/standards/templates' }),
    },
    'GET /api/standards/applicability-tags': {
      own: 'fixed list of applicability tags',
      call: () => ({ url: '/api/standards/applicability-tags' }),
    },

    // ── identity ──────────────────────────────────────────────────────────────────────────────────────────────
    'GET /api/units': {
      refused: all,
      foreign: 'other jurisdiction',
      call: () => ({ url: '/api/units' }),
      hide: (_, b) => b.unitIds,
    },
    'GET /api/users': {
      refused: all,
      call: (f) => ({ url: `/api/users?q=${encodeURIComponent(f.username)}` }),
      hide: (f) => [f.userId],
    },
    'POST /api/users': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({
        url: '/api/users',
        body: {
          username: `mx.${randomBytes(4).toString('hex')}`,
          displayName: '越权用户',
          password: 'Matrix-Pass-12345',
          bindings: [{ role: 'bureau_admin', unitId: b.bureauId }],
        },
      }),
      alsoAccept: {
        status: 400,
        code: 'ROLE_UNIT_MISMATCH',
        why: 'the administrator may create users; a unit of another jurisdiction is a field error',
      },
    },
    'GET /api/users/{id}': { refused: all, call: (f) => ({ url: `/api/users/${f.userId}` }) },
    'PATCH /api/users/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/users/${f.userId}`, body: { displayName: '越权修改' } }),
    },
    'POST /api/users/{id}/password-reset': {
      refused: all,
      call: (f) => ({
        url: `/api/users/${f.userId}/password-reset`,
        body: { newPassword: 'Matrix-Pass-12345' },
      }),
    },
    'POST /api/users/{id}/unlock': { refused: all, call: (f) => ({ url: `/api/users/${f.userId}/unlock` }) },
    'POST /api/users/{id}/bindings': {
      refused: all,
      call: (f) => ({
        url: `/api/users/${f.userId}/bindings`,
        body: { role: 'expert', unitId: inputs.jurisdictionA },
      }),
    },
    'DELETE /api/users/{id}/bindings/{bindingId}': {
      refused: all,
      call: (f) => ({ url: `/api/users/${f.userId}/bindings/${f.bindingId}` }),
    },
    'GET /api/login-log': {
      refused: all,
      call: (f) => ({ url: `/api/login-log?userId=${f.userId}` }),
      hide: (f) => [f.userId, f.username],
    },

    // ── audit, settings, jobs ─────────────────────────────────────────────────────────────────────────────────
    'GET /api/audit/events': {
      refused: all,
      call: (f) => ({ url: `/api/audit/events?entityId=${f.documentId}` }),
      hide: (f) => [f.documentId],
    },
    'GET /api/audit/kinds': {
      refused: allBut('system_admin', 'bureau_admin'),
      call: () => ({ url: '/api/audit/kinds' }),
    },
    'POST /api/audit/verify': { refused: allBut('system_admin'), call: () => ({ url: '/api/audit/verify' }) },
    'GET /api/settings': {
      refused: all,
      foreign: 'other jurisdiction',
      call: () => ({ url: '/api/settings' }),
      hide: (_, b) => [b.settingMarker],
    },
    'PUT /api/settings/{key}': {
      refused: allBut('system_admin', 'bureau_admin'),
      call: () => ({
        url: '/api/settings/documents.issuerName',
        body: { value: '越权修改', reason: '矩阵测试' },
      }),
    },
    'GET /api/settings/{key}/history': {
      refused: all,
      foreign: 'other jurisdiction',
      call: () => ({ url: '/api/settings/documents.issuerName/history' }),
      hide: (_, b) => [b.settingMarker],
    },
    'GET /api/jobs/{id}': { refused: all, call: (f) => ({ url: `/api/jobs/${f.jobId}` }) },
    'GET /api/jobs': { refused: all, call: () => ({ url: '/api/jobs' }), hide: (f) => [f.jobId] },

    // ── notifications ─────────────────────────────────────────────────────────────────────────────────────────
    'GET /api/notifications': {
      refused: all,
      call: () => ({ url: '/api/notifications?pageSize=200' }),
      hide: (f) => [f.notificationId],
    },
    'POST /api/notifications/{id}/read': {
      refused: all,
      call: (f) => ({ url: `/api/notifications/${f.notificationId}/read` }),
    },
    'POST /api/notifications/read-all': {
      own: 'marks the caller’s own reads of what is addressed to their units (scoping tested in notifications.test.ts)',
      call: () => ({ url: '/api/notifications/read-all' }),
    },
  };
}
