/**
 * The white-list part of the authorization matrix (applications, opinions, batches, public notices and objections,
 * entries, annual reviews, exits and measures) and its public routes: the routeMatrix entries of those routes. The
 * fixtures of one scope they are pointed at are built in whitelist-matrix-fixtures.test-support.ts. Used by
 * authz-matrix.test.ts, which owns the roles, sessions and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production): the test passes what it needs in.
 */
import type { WhitelistForeign } from './whitelist-matrix-fixtures.test-support.js';

export type { WhitelistForeign } from './whitelist-matrix-fixtures.test-support.js';

interface Target {
  enterpriseId: string;
  whitelist: WhitelistForeign;
}
interface MatrixRequest {
  url: string;
  body?: unknown;
}
type WhitelistEntry<R extends string> =
  | { public: string }
  | {
      refused: readonly R[];
      call: (f: Target) => MatrixRequest;
      hide?: (f: Target, b: { departmentId: string }) => string[];
      foreign?: 'other jurisdiction';
    };

/**
 * routeMatrix entries of the white-list routes. Every role is refused the foreign scope's applications, opinions,
 * batches, notices, objections, entries, reviews, exits and measures: the jurisdiction-wide roles get the other
 * jurisdiction's (404, or a list without them), the 仰义 subdistrict officer, the enterprise user (of another
 * enterprise), the agency, association and expert users a 双屿 enterprise's (404: their scope holds no white-list row,
 * or a list without them). Bureau-only writes on notices and objections are a role gate first (403), then the
 * jurisdiction (404). Each write targets an entity in the state the action needs (a draft to submit, a submitted
 * application to collect, a collected one to review, one in `opinions` to answer and put on notice, an open objection,
 * an active and a suspended entry, a proposed exit, a submitted review), so that what answers is the scope check and
 * not a state check. The department list is the bureau's own jurisdiction's: pointed at the other jurisdiction's.
 * The public routes read and file against notices and entries the public may see.
 */
export function whitelistMatrixEntries<R extends string>(
  all: readonly R[],
): Record<string, WhitelistEntry<R>> {
  const app = (id: string, action = '', body?: unknown): MatrixRequest => ({
    url: `/api/whitelist/applications/${id}${action}`,
    ...(body === undefined ? {} : { body }),
  });
  const entry = (id: string, action = '', body?: unknown): MatrixRequest => ({
    url: `/api/whitelist/entries/${id}${action}`,
    ...(body === undefined ? {} : { body }),
  });
  const wl = (f: Target) => f.whitelist;
  return {
    // ── public ──
    'GET /api/public/whitelist': {
      public: 'anyone looks up the enterprises on the white list (entries in force)',
    },
    'GET /api/public/notices': {
      public: 'the white-list notices whose period is running are published to everyone',
    },
    'POST /api/public/notices/{id}/objections': {
      public: 'anyone may object to an enterprise on public notice (named, rate-limited per address)',
    },

    // ── applications ──
    'GET /api/whitelist/applications': {
      refused: all,
      call: () => ({ url: '/api/whitelist/applications?pageSize=200' }),
      hide: (f) => wl(f).applicationIds,
    },
    'POST /api/whitelist/applications': {
      refused: all,
      call: (f) => ({ url: '/api/whitelist/applications', body: { enterpriseId: f.enterpriseId } }),
    },
    'GET /api/whitelist/applications/{id}': {
      refused: all,
      call: (f) => app(wl(f).opinionsApplicationId),
    },
    'POST /api/whitelist/applications/{id}/submit': {
      refused: all,
      call: (f) => app(wl(f).draftApplicationId, '/submit'),
    },
    'POST /api/whitelist/applications/{id}/withdraw': {
      refused: all,
      call: (f) => app(wl(f).opinionsApplicationId, '/withdraw', { reason: '越权撤回' }),
    },
    'POST /api/whitelist/applications/{id}/return': {
      refused: all,
      call: (f) => app(wl(f).submittedApplicationId, '/return', { reason: '越权退回' }),
    },
    'POST /api/whitelist/applications/{id}/review': {
      refused: all,
      call: (f) => app(wl(f).collectedApplicationId, '/review'),
    },
    'POST /api/whitelist/applications/{id}/reject': {
      refused: all,
      call: (f) => app(wl(f).opinionsApplicationId, '/reject', { reason: '越权不予入库' }),
    },
    'POST /api/whitelist/applications/{id}/opinions': {
      refused: all,
      call: (f) => app(wl(f).opinionsApplicationId, '/opinions', { departmentIds: [wl(f).departmentId] }),
    },
    'POST /api/whitelist/applications/{id}/opinion': {
      refused: all,
      call: (f) => app(wl(f).opinionsApplicationId, '/opinion', { answer: 'agree' }),
    },
    'GET /api/whitelist/opinions': {
      refused: all,
      call: () => ({ url: '/api/whitelist/opinions?pageSize=200' }),
      hide: (f) => [wl(f).opinionId],
    },
    'GET /api/whitelist/departments': {
      refused: all,
      foreign: 'other jurisdiction',
      call: () => ({ url: '/api/whitelist/departments' }),
      hide: (_, b) => [b.departmentId],
    },

    // ── collection batches ──
    'POST /api/whitelist/batches': {
      refused: all,
      call: (f) => ({
        url: '/api/whitelist/batches',
        body: { applicationIds: [wl(f).submittedApplicationId], note: '越权收集' },
      }),
    },
    'GET /api/whitelist/batches': {
      refused: all,
      call: () => ({ url: '/api/whitelist/batches?pageSize=200' }),
      hide: (f) => [wl(f).batchId],
    },

    // ── public notices and objections ──
    'GET /api/whitelist/notices': {
      refused: all,
      call: () => ({ url: '/api/whitelist/notices?pageSize=200' }),
      hide: (f) => [wl(f).noticeId],
    },
    'POST /api/whitelist/notices': {
      refused: all,
      call: (f) => ({
        url: '/api/whitelist/notices',
        body: { applicationIds: [wl(f).opinionsApplicationId], title: '越权公示' },
      }),
    },
    'GET /api/whitelist/notices/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/whitelist/notices/${wl(f).noticeId}` }),
    },
    'POST /api/whitelist/notices/{id}/publish': {
      refused: all,
      call: (f) => ({ url: `/api/whitelist/notices/${wl(f).noticeId}/publish` }),
    },
    'POST /api/whitelist/objections/{id}/handle': {
      refused: all,
      call: (f) => ({
        url: `/api/whitelist/objections/${wl(f).objectionId}/handle`,
        body: { decision: 'dismiss', reason: '越权处理' },
      }),
    },

    // ── entries, exits, reviews, measures ──
    'GET /api/whitelist/entries': {
      refused: all,
      call: () => ({ url: '/api/whitelist/entries?pageSize=200' }),
      hide: (f) => [wl(f).entryId, wl(f).suspendedEntryId],
    },
    'GET /api/whitelist/entries/{id}': { refused: all, call: (f) => entry(wl(f).entryId) },
    'POST /api/whitelist/entries/{id}/suspend': {
      refused: all,
      call: (f) => entry(wl(f).entryId, '/suspend', { reason: '越权暂停' }),
    },
    'POST /api/whitelist/entries/{id}/reinstate': {
      refused: all,
      call: (f) => entry(wl(f).suspendedEntryId, '/reinstate', { reason: '越权恢复' }),
    },
    'POST /api/whitelist/entries/{id}/exit-proposals': {
      refused: all,
      call: (f) => entry(wl(f).entryId, '/exit-proposals', { reason: 'accident', summary: '越权提出退出' }),
    },
    'POST /api/whitelist/entries/{id}/withdraw': {
      refused: all,
      call: (f) => entry(wl(f).entryId, '/withdraw', { summary: '越权申请退出' }),
    },
    'GET /api/whitelist/exits': {
      refused: all,
      call: () => ({ url: '/api/whitelist/exits?pageSize=200' }),
      hide: (f) => [wl(f).exitId],
    },
    'GET /api/whitelist/exits/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/whitelist/exits/${wl(f).exitId}` }),
    },
    'POST /api/whitelist/exits/{id}/decide': {
      refused: all,
      call: (f) => ({
        url: `/api/whitelist/exits/${wl(f).exitId}/decide`,
        body: { decision: 'dismiss', note: '越权决定' },
      }),
    },
    'GET /api/whitelist/reviews': {
      refused: all,
      call: () => ({ url: '/api/whitelist/reviews?pageSize=200' }),
      hide: (f) => [wl(f).reviewId],
    },
    'POST /api/whitelist/reviews/{id}/submit': {
      refused: all,
      call: (f) => ({ url: `/api/whitelist/reviews/${wl(f).reviewId}/submit` }),
    },
    'POST /api/whitelist/reviews/{id}/decide': {
      refused: all,
      call: (f) => ({
        url: `/api/whitelist/reviews/${wl(f).reviewId}/decide`,
        body: { decision: 'pass', note: '越权复核' },
      }),
    },
    'GET /api/enterprises/{id}/whitelist': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/whitelist` }),
      hide: (f) => [wl(f).entryId],
    },
    'GET /api/enterprises/{id}/measures': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/measures` }),
      hide: (f) => [wl(f).measureId],
    },
  };
}
