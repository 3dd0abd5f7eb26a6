/**
 * The getting-ready part of the authorization matrix (commitments, inspections, hazards, extension requests,
 * readiness): the fixtures of one scope, made through the real API as an enterprise and its verifier would, and the
 * routeMatrix entries of those routes. Used by authz-matrix.test.ts, which owns the roles, sessions and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production): the test passes its API clients
 * (test/client.ts) and its upload helper (test/upload.ts) in.
 */
import type { LightMyRequestResponse } from 'fastify';
import { addDays, chinaDate } from '../../domain/readiness.js';

/** What the fixtures need of test/client.ts's ApiClient. */
interface Client {
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}
/** test/upload.ts's uploadEvidence: upload a photo as evidence of an entity, answer its sha256 */
type Upload<C> = (client: C, entityType: string, entityId: string, label?: string) => Promise<string>;

/** A foreign enterprise's getting-ready entities, each in the state its routes act on. */
export interface ReadinessForeign {
  /** a self-inspection in progress (a copy of the completed one) */
  inspectionId: string;
  /** the completed self-inspection the hazards came from */
  completedInspectionId: string;
  /** an item of the in-progress inspection */
  itemCode: string;
  /** open, with a pending extension request */
  hazardId: string;
  /** awaiting verification */
  awaitingHazardId: string;
  closedHazardId: string;
  /** pending, on `hazardId` */
  extensionId: string;
  /** after-evidence uploaded to `hazardId` */
  evidenceSha256: string;
}

interface Answer {
  itemCode: string;
  isKey: boolean;
}

async function ok(res: Promise<LightMyRequestResponse>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

/**
 * Sign the commitment, complete a self-inspection with three non-compliant items, and take its three hazards to
 * three states (open with a pending extension, awaiting verification, closed); then start the next inspection.
 * `owner` is an enterprise user of `enterpriseId`, `verifier` an officer of its subdistrict. A standard must be filed.
 */
export async function buildReadinessFixtures<C extends Client>(opts: {
  owner: C;
  verifier: C;
  enterpriseId: string;
  legalRepresentative: string;
  uploadEvidence: Upload<C>;
}): Promise<ReadinessForeign> {
  const { owner, verifier, enterpriseId, legalRepresentative, uploadEvidence } = opts;
  await ok(
    owner.post(`/api/enterprises/${enterpriseId}/commitment`, {
      signatoryName: legalRepresentative,
      signatoryCapacity: 'legal_representative',
    }),
    'sign the commitment',
  );
  const started = (
    await ok(owner.post('/api/inspections', { enterpriseId, kind: 'self' }), 'start an inspection')
  ).json<{ id: string; answers: Answer[] }>();
  const bad = started.answers
    .filter((a) => !a.isKey)
    .slice(0, 3)
    .map((a) => a.itemCode);
  const keyEvidence = await uploadEvidence(owner, 'assessment', started.id);
  for (const a of started.answers) {
    const nonCompliant = bad.includes(a.itemCode);
    await ok(
      owner.put(`/api/inspections/${started.id}/answers/${encodeURIComponent(a.itemCode)}`, {
        result: nonCompliant ? 'non_compliant' : 'compliant',
        note: nonCompliant ? '矩阵测试：不符合' : '',
        evidence: a.isKey && !nonCompliant ? [keyEvidence] : [],
      }),
      `answer ${a.itemCode}`,
    );
  }
  const [hazardId, awaitingHazardId, closedHazardId] = (
    await ok(owner.post(`/api/inspections/${started.id}/complete`), 'complete the inspection')
  ).json<{ hazardIds: string[] }>().hazardIds;

  const extension = await ok(
    owner.post(`/api/hazards/${hazardId}/extension-requests`, {
      requestedDeadline: addDays(chinaDate(new Date()), 50),
      reason: '矩阵测试：设备供货周期长',
      interimControls: '矩阵测试：停用该工位',
    }),
    'request an extension',
  );
  const evidenceSha256 = await uploadEvidence(owner, 'hazard', hazardId, '整改后照片');
  for (const id of [awaitingHazardId, closedHazardId]) {
    const after = await uploadEvidence(owner, 'hazard', id, '整改后照片');
    await ok(
      owner.post(`/api/hazards/${id}/submit`, { closureNote: '已整改', afterEvidence: [after] }),
      'submit a closure',
    );
  }
  await ok(verifier.post(`/api/hazards/${closedHazardId}/verify`, { note: '复核合格' }), 'verify a closure');

  const next = (
    await ok(
      owner.post('/api/inspections', { enterpriseId, kind: 'self', copyFromId: started.id }),
      'start the next inspection',
    )
  ).json<{ id: string; answers: Answer[] }>();
  return {
    inspectionId: next.id,
    completedInspectionId: started.id,
    itemCode: next.answers[0].itemCode,
    hazardId,
    awaitingHazardId,
    closedHazardId,
    extensionId: extension.json<{ id: string }>().id,
    evidenceSha256,
  };
}

interface Target {
  enterpriseId: string;
  readiness: ReadinessForeign;
}
interface MatrixRequest {
  url: string;
  body?: unknown;
}
interface ReadinessEntry<R extends string> {
  refused: readonly R[];
  call: (f: Target, b: unknown, role: R) => MatrixRequest;
  hide?: (f: Target) => string[];
}

/**
 * routeMatrix entries of the getting-ready routes: every role is refused the foreign enterprise's commitment,
 * readiness, inspections, hazards and extension requests. Each write targets an entity in the state the action
 * needs (an in-progress inspection, an awaiting hazard for verify, a closed one for reopen, a pending request),
 * so that what answers is the scope check and not a state check.
 */
export function readinessEntries<R extends string>(all: readonly R[]): Record<string, ReadinessEntry<R>> {
  const hazard = (action: string, id: string, body?: unknown): MatrixRequest => ({
    url: `/api/hazards/${id}${action}`,
    ...(body === undefined ? {} : { body }),
  });
  const extension = (f: Target, action: string, body?: unknown): MatrixRequest => ({
    url: `/api/extension-requests/${f.readiness.extensionId}${action}`,
    ...(body === undefined ? {} : { body }),
  });
  return {
    // ── commitments and readiness ──
    'GET /api/enterprises/{id}/commitment': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/commitment` }),
    },
    'POST /api/enterprises/{id}/commitment': {
      refused: all,
      call: (f) => ({
        url: `/api/enterprises/${f.enterpriseId}/commitment`,
        body: { signatoryName: '张三', signatoryCapacity: 'legal_representative' },
      }),
    },
    'GET /api/enterprises/{id}/readiness': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/readiness` }),
    },

    // ── inspections ──
    'GET /api/inspections': {
      refused: all,
      call: (f) => ({ url: `/api/inspections?enterpriseId=${f.enterpriseId}&pageSize=100` }),
      hide: (f) => [f.readiness.inspectionId, f.readiness.completedInspectionId],
    },
    'POST /api/inspections': {
      refused: all,
      // the kind the role would start: an agency the first inspection, everyone else a self-inspection
      call: (f, _, role) => ({
        url: '/api/inspections',
        body: { enterpriseId: f.enterpriseId, kind: role === 'agency_user' ? 'agency_first' : 'self' },
      }),
    },
    'GET /api/inspections/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/inspections/${f.readiness.inspectionId}` }),
    },
    'PUT /api/inspections/{id}/answers/{code}': {
      refused: all,
      call: (f) => ({
        url: `/api/inspections/${f.readiness.inspectionId}/answers/${encodeURIComponent(f.readiness.itemCode)}`,
        body: { result: 'compliant', note: '越权作答' },
      }),
    },
    'POST /api/inspections/{id}/complete': {
      refused: all,
      call: (f) => ({ url: `/api/inspections/${f.readiness.inspectionId}/complete` }),
    },

    // ── hazards ──
    'GET /api/hazards': {
      refused: all,
      call: (f) => ({ url: `/api/hazards?enterpriseId=${f.enterpriseId}&pageSize=100` }),
      hide: (f) => [f.readiness.hazardId, f.readiness.awaitingHazardId, f.readiness.closedHazardId],
    },
    'GET /api/hazards/{id}': { refused: all, call: (f) => hazard('', f.readiness.hazardId) },
    'PATCH /api/hazards/{id}': {
      refused: all,
      call: (f) => hazard('', f.readiness.hazardId, { ownerName: '越权' }),
    },
    'POST /api/hazards/{id}/start': {
      refused: all,
      call: (f) => hazard('/start', f.readiness.hazardId, { plan: '越权整改方案' }),
    },
    'POST /api/hazards/{id}/submit': {
      refused: all,
      call: (f) =>
        hazard('/submit', f.readiness.hazardId, {
          closureNote: '越权提交',
          afterEvidence: [f.readiness.evidenceSha256],
        }),
    },
    'POST /api/hazards/{id}/verify': {
      refused: all,
      call: (f) => hazard('/verify', f.readiness.awaitingHazardId, { note: '越权验收' }),
    },
    'POST /api/hazards/{id}/reject': {
      refused: all,
      call: (f) => hazard('/reject', f.readiness.awaitingHazardId, { note: '越权退回' }),
    },
    'POST /api/hazards/{id}/reopen': {
      refused: all,
      call: (f) => hazard('/reopen', f.readiness.closedHazardId, { reason: '越权重开' }),
    },
    'POST /api/hazards/{id}/extension-requests': {
      refused: all,
      // a hazard with no pending request, so that EXTENSION_PENDING_EXISTS cannot answer first
      call: (f) =>
        hazard('/extension-requests', f.readiness.awaitingHazardId, {
          requestedDeadline: addDays(chinaDate(new Date()), 40),
          reason: '越权申请',
          interimControls: '越权',
        }),
    },

    // ── extension requests ──
    'GET /api/extension-requests': {
      refused: all,
      call: (f) => ({ url: `/api/extension-requests?enterpriseId=${f.enterpriseId}&pageSize=100` }),
      hide: (f) => [f.readiness.extensionId],
    },
    'GET /api/extension-requests/{id}': { refused: all, call: (f) => extension(f, '') },
    'POST /api/extension-requests/{id}/approve': {
      refused: all,
      call: (f) => extension(f, '/approve', { reason: '越权同意' }),
    },
    'POST /api/extension-requests/{id}/refuse': {
      refused: all,
      call: (f) => extension(f, '/refuse', { reason: '越权不同意' }),
    },
    'POST /api/extension-requests/{id}/withdraw': {
      refused: all,
      call: (f) => extension(f, '/withdraw'),
    },
  };
}
