/**
 * The third-party confirmation part of the authorization matrix (engineers, confirmations, the agency record), and
 * the routes that came with it (adverse records, the work calendar): the fixtures of one scope, made through the real
 * API as the agency, its engineers, the enterprises and the bureau would, and the routeMatrix entries of those
 * routes. Used by authz-matrix.test.ts, which owns the roles, sessions and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production): the test passes its API clients in.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { chinaDate } from '../../domain/readiness.js';

/** What the fixtures need of test/client.ts's ApiClient. */
interface Client {
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** A foreign scope's confirmation entities, each in the state its routes act on. */
export interface ConfirmationForeign {
  /** an active confirmation agency of grade B, independent of the enterprises */
  agencyId: string;
  /** pending approval (approve, reject, edit) */
  pendingEngineerId: string;
  /** approved, with their own logins: they signed `confirmedId` */
  signerIds: [string, string];
  /** the engineers a role outside the scope must not list (approved ones are public within a jurisdiction) */
  hiddenEngineerIds: string[];
  /** confirmed, signed by both (revoke) */
  confirmedId: string;
  /** requested (accept, decline, withdraw) */
  requestedId: string;
  /** checking, every item checked (check an item, conclude) */
  checkingId: string;
  /** a key item of `checkingId` */
  itemCode: string;
  /** concluded, no signature yet (sign, reopen) */
  signingId: string;
  /** an accident, a penalty and a dishonesty listing of `enterpriseId` (the first enterprise) */
  recordIds: string[];
}

async function ok(res: Promise<LightMyRequestResponse>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

interface Detail {
  id: string;
  items: { itemCode: string }[];
}

const certificate = () => `MX${randomBytes(5).toString('hex').toUpperCase()}`;
const engineerBody = (name: string, userId?: string) => ({
  name,
  certificateNumber: certificate(),
  level: 'intermediate',
  speciality: '安全评价',
  validFrom: '2024-01-01',
  validTo: '2035-12-31',
  ...(userId ? { userId } : {}),
});

/**
 * The agency adds three engineers (two with their own logins, approved by the bureau; one left pending); four
 * enterprises each ask the agency for a confirmation, taken to four states: confirmed (both engineers signed),
 * requested, checking (every item checked) and signing. The bureau records an accident, a penalty and a dishonesty
 * listing of the first enterprise. Every enterprise needs a filed standard; the agency must be independent of them.
 */
export async function buildConfirmationFixtures<C extends Client>(opts: {
  bureau: C;
  agencyId: string;
  staff: C;
  engineers: [{ client: C; userId: string }, { client: C; userId: string }];
  /** [confirmed, requested, checking, signing] */
  enterprises: [C, string][];
}): Promise<ConfirmationForeign> {
  const { bureau, agencyId, staff } = opts;
  const today = chinaDate(new Date());
  const signerIds: string[] = [];
  for (const [i, e] of opts.engineers.entries()) {
    const added = await ok(
      staff.post(`/api/agencies/${agencyId}/engineers`, engineerBody(`矩阵工程师${i + 1}`, e.userId)),
      'add an engineer',
    );
    const id = added.json<{ id: string }>().id;
    await ok(bureau.post(`/api/engineers/${id}/approve`, { note: '矩阵测试' }), 'approve an engineer');
    signerIds.push(id);
  }
  const pendingEngineerId = (
    await ok(staff.post(`/api/agencies/${agencyId}/engineers`, engineerBody('矩阵待审工程师')), 'add')
  ).json<{ id: string }>().id;

  const request = async ([owner, enterpriseId]: [C, string]) =>
    (
      await ok(owner.post('/api/confirmations', { enterpriseId, agencyId }), 'request a confirmation')
    ).json<Detail>();
  const checkAll = async (c: Detail) => {
    await ok(staff.post(`/api/confirmations/${c.id}/accept`, {}), 'accept');
    for (const item of c.items)
      await ok(
        staff.put(`/api/confirmations/${c.id}/items/${encodeURIComponent(item.itemCode)}`, {
          result: 'compliant',
          note: '矩阵测试核查',
        }),
        'check an item',
      );
  };
  const conclude = (c: Detail) =>
    ok(
      staff.post(`/api/confirmations/${c.id}/conclude`, { conclusion: 'confirmed', siteVisitDate: today }),
      'conclude',
    );

  const [confirmedOf, requestedOf, checkingOf, signingOf] = opts.enterprises;
  const confirmed = await request(confirmedOf);
  await checkAll(confirmed);
  await conclude(confirmed);
  for (const [i, e] of opts.engineers.entries())
    await ok(e.client.post(`/api/confirmations/${confirmed.id}/sign`, { engineerId: signerIds[i] }), 'sign');
  const requested = await request(requestedOf);
  const checking = await request(checkingOf);
  await checkAll(checking);
  const signing = await request(signingOf);
  await checkAll(signing);
  await conclude(signing);

  const enterpriseId = confirmedOf[1];
  const created = async (url: string, body: object) =>
    (await ok(bureau.post(url, { enterpriseId, ...body }), url)).json<{ id: string }>().id;
  const recordIds = [
    await created('/api/accidents', {
      occurredOn: '2025-06-01',
      grade: 'general',
      deaths: 0,
      seriousInjuries: 1,
      source: '矩阵测试事故调查报告',
    }),
    await created('/api/penalties', {
      authority: '矩阵测试执法部门',
      decisionNumber: `矩罚〔2025〕${randomBytes(2).toString('hex')}号`,
      decidedOn: '2025-07-01',
      violation: '矩阵测试违法行为',
      sanction: '罚款',
      workSafety: true,
      source: '矩阵测试处罚决定书',
    }),
    await created('/api/dishonesty-listings', {
      listedBy: '矩阵测试应急管理局',
      fromDate: '2025-08-01',
      reason: '矩阵测试失信',
      source: '矩阵测试公告',
    }),
  ];

  return {
    agencyId,
    pendingEngineerId,
    signerIds: [signerIds[0], signerIds[1]],
    hiddenEngineerIds: [pendingEngineerId],
    confirmedId: confirmed.id,
    requestedId: requested.id,
    checkingId: checking.id,
    itemCode: checking.items[0].itemCode,
    signingId: signing.id,
    recordIds,
  };
}

interface Target {
  enterpriseId: string;
  confirmation: ConfirmationForeign;
}
interface MatrixRequest {
  url: string;
  body?: unknown;
}
type ConfirmationEntry<R extends string> =
  | { own: string; call: () => MatrixRequest }
  | {
      refused: readonly R[];
      call: (f: Target) => MatrixRequest;
      hide?: (f: Target) => string[];
    };

/**
 * routeMatrix entries of the engineer, confirmation, agency record, adverse record and calendar routes. Every role is
 * refused the foreign agency's engineers and record and the foreign enterprises' confirmations and adverse records;
 * each write targets an entity in the state the action needs (a pending engineer to approve, a requested
 * confirmation to accept, a checking one to check and conclude, a signing one to sign, a confirmed one to revoke),
 * so that what answers is the scope check and not a state check. The work calendar is national reference data:
 * every logged-in user reads it, only the bureau administrator enters a year.
 */
export function confirmationEntries<R extends string>(
  all: readonly R[],
  /** every role but the bureau administrator */
  notBureauAdmin: readonly R[],
): Record<string, ConfirmationEntry<R>> {
  const engineer = (id: string, action = '', body?: unknown): MatrixRequest => ({
    url: `/api/engineers/${id}${action}`,
    ...(body === undefined ? {} : { body }),
  });
  const confirmation = (id: string, action: string, body?: unknown): MatrixRequest => ({
    url: `/api/confirmations/${id}${action}`,
    ...(body === undefined ? {} : { body }),
  });
  return {
    // ── engineers ──
    'GET /api/engineers': {
      refused: all,
      call: (f) => ({ url: `/api/engineers?agencyId=${f.confirmation.agencyId}` }),
      hide: (f) => f.confirmation.hiddenEngineerIds,
    },
    'GET /api/engineers/{id}': {
      refused: all,
      call: (f) => engineer(f.confirmation.pendingEngineerId),
    },
    'POST /api/agencies/{id}/engineers': {
      refused: all,
      call: (f) => ({
        url: `/api/agencies/${f.confirmation.agencyId}/engineers`,
        body: engineerBody('越权工程师'),
      }),
    },
    'PATCH /api/engineers/{id}': {
      refused: all,
      call: (f) => engineer(f.confirmation.pendingEngineerId, '', engineerBody('越权修改')),
    },
    'POST /api/engineers/{id}/approve': {
      refused: all,
      call: (f) => engineer(f.confirmation.pendingEngineerId, '/approve', { note: '越权核准' }),
    },
    'POST /api/engineers/{id}/reject': {
      refused: all,
      call: (f) => engineer(f.confirmation.pendingEngineerId, '/reject', { note: '越权退回' }),
    },
    'POST /api/engineers/{id}/revoke': {
      refused: all,
      call: (f) => engineer(f.confirmation.signerIds[0], '/revoke', { note: '越权撤销' }),
    },
    'GET /api/agencies/{id}/record': {
      refused: all,
      call: (f) => ({ url: `/api/agencies/${f.confirmation.agencyId}/record` }),
    },
    'GET /api/agencies/{id}/users': {
      refused: all,
      call: (f) => ({ url: `/api/agencies/${f.confirmation.agencyId}/users` }),
    },

    // ── confirmations ──
    'GET /api/confirmations': {
      refused: all,
      call: () => ({ url: '/api/confirmations?pageSize=100' }),
      hide: (f) => [
        f.confirmation.confirmedId,
        f.confirmation.requestedId,
        f.confirmation.checkingId,
        f.confirmation.signingId,
      ],
    },
    'POST /api/confirmations': {
      refused: all,
      // the enterprise whose confirmation is confirmed (no open request), from its own qualified agency
      call: (f) => ({
        url: '/api/confirmations',
        body: { enterpriseId: f.enterpriseId, agencyId: f.confirmation.agencyId },
      }),
    },
    'GET /api/confirmations/{id}': {
      refused: all,
      call: (f) => confirmation(f.confirmation.confirmedId, ''),
    },
    'POST /api/confirmations/{id}/accept': {
      refused: all,
      call: (f) => confirmation(f.confirmation.requestedId, '/accept', {}),
    },
    'POST /api/confirmations/{id}/decline': {
      refused: all,
      call: (f) => confirmation(f.confirmation.requestedId, '/decline', { note: '越权拒绝' }),
    },
    'POST /api/confirmations/{id}/withdraw': {
      refused: all,
      call: (f) => confirmation(f.confirmation.requestedId, '/withdraw', {}),
    },
    'PUT /api/confirmations/{id}/items/{code}': {
      refused: all,
      call: (f) =>
        confirmation(f.confirmation.checkingId, `/items/${encodeURIComponent(f.confirmation.itemCode)}`, {
          result: 'non_compliant',
          note: '越权核查',
        }),
    },
    'POST /api/confirmations/{id}/conclude': {
      refused: all,
      call: (f) =>
        confirmation(f.confirmation.checkingId, '/conclude', {
          conclusion: 'confirmed',
          siteVisitDate: chinaDate(new Date()),
        }),
    },
    'POST /api/confirmations/{id}/reopen': {
      refused: all,
      call: (f) => confirmation(f.confirmation.signingId, '/reopen', {}),
    },
    'POST /api/confirmations/{id}/sign': {
      refused: all,
      call: (f) =>
        confirmation(f.confirmation.signingId, '/sign', { engineerId: f.confirmation.signerIds[0] }),
    },
    'POST /api/confirmations/{id}/revoke': {
      refused: all,
      call: (f) =>
        confirmation(f.confirmation.confirmedId, '/revoke', { reason: '越权认定', penalty: 'downgrade' }),
    },

    // ── adverse records: a 200 without the foreign enterprise's records is a refusal ──
    'GET /api/enterprises/{id}/adverse-records': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/adverse-records` }),
      hide: (f) => f.confirmation.recordIds,
    },
    'POST /api/accidents': {
      refused: all,
      call: (f) => ({
        url: '/api/accidents',
        body: {
          enterpriseId: f.enterpriseId,
          occurredOn: '2025-06-02',
          grade: 'general',
          deaths: 0,
          seriousInjuries: 0,
          source: '越权登记',
        },
      }),
    },
    'POST /api/penalties': {
      refused: all,
      call: (f) => ({
        url: '/api/penalties',
        body: {
          enterpriseId: f.enterpriseId,
          authority: '越权部门',
          decisionNumber: '越罚〔2025〕1号',
          decidedOn: '2025-07-02',
          violation: '越权',
          sanction: '越权',
          workSafety: true,
          source: '越权登记',
        },
      }),
    },
    'POST /api/dishonesty-listings': {
      refused: all,
      call: (f) => ({
        url: '/api/dishonesty-listings',
        body: {
          enterpriseId: f.enterpriseId,
          listedBy: '越权',
          fromDate: '2025-08-02',
          reason: '越权',
          source: '越权登记',
        },
      }),
    },

    // ── the work calendar: national reference data ──
    'GET /api/calendar/years': {
      own: 'the PRC work calendar, the same for every jurisdiction',
      call: () => ({ url: '/api/calendar/years' }),
    },
    'GET /api/calendar/days': {
      own: 'the PRC work calendar, the same for every jurisdiction',
      call: () => ({ url: '/api/calendar/days?year=2026' }),
    },
    'GET /api/calendar/working-days': {
      own: 'a date computed on the PRC work calendar',
      call: () => ({ url: '/api/calendar/working-days?from=2026-01-05&days=10' }),
    },
    'PUT /api/calendar/years/{year}': {
      // a role gate (like PUT /api/settings/{key}); a well-formed notice, so that the gate answers
      refused: notBureauAdmin,
      call: () => ({
        url: '/api/calendar/years/2099',
        body: { noticeRef: '越权录入', days: [{ date: '2099-01-01', kind: 'holiday', name: '元旦' }] },
      }),
    },
  };
}
