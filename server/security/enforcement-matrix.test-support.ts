/**
 * The enforcement part of the authorization matrix (the violation-type catalog, inspections and violations, advice
 * campaigns and letters): the routeMatrix entries of those routes, and a second sweep that points department staff at
 * another department's rows of their own jurisdiction. The fixtures of one scope they are pointed at are built in
 * enforcement-matrix-fixtures.test-support.ts. Used by authz-matrix.test.ts, which owns the roles, sessions and
 * checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production): the test passes what it needs in.
 */
import type { EnforcementForeign } from './enforcement-matrix-fixtures.test-support.js';
import type { ApiRoute } from './openapi-routes.test-support.js';

export type { EnforcementForeign } from './enforcement-matrix-fixtures.test-support.js';

interface Target {
  enterpriseId: string;
  subdistrictId: string;
  enforcement: EnforcementForeign;
}
interface MatrixRequest {
  url: string;
  body?: unknown;
}
type EnforcementEntry<R extends string> = {
  refused: readonly R[];
  call: (f: Target) => MatrixRequest;
  hide?: (f: Target) => string[];
  foreign?: 'other jurisdiction';
  alsoAccept?: { status: number; code: string; why: string };
};

/**
 * routeMatrix entries of the enforcement routes. Every role is refused the foreign scope's inspection, violation,
 * letters and campaigns: the jurisdiction-wide roles get the other jurisdiction's (404, or a list without them), the
 * 仰义 subdistrict officer, the enterprise user (of another enterprise), the agency, association and expert users the
 * ones of a 双屿 enterprise made by the market regulator (404: their scope holds no such row, campaigns none at all;
 * or a list without them). Writes by a role that may never make them are a role gate (403). Each write targets an
 * entity in the state the action needs (an open violation, a letter not yet answered, a proposed campaign to approve
 * or reject, a sent one to close), so that what answers is the scope check and not a state check. Recording an
 * inspection of the foreign enterprise is refused by the enterprise lookup (only the enforcement officer passes the
 * role gate); proposing a campaign on the foreign enterprise's subdistrict, with a violation type of the caller's own
 * catalog, is answered as a field error by the proposing roles of the other jurisdiction. The catalog itself is
 * jurisdiction reference data: every role gets the other jurisdiction's, and lists only its own.
 */
export function enforcementEntries<R extends string>(all: readonly R[]): Record<string, EnforcementEntry<R>> {
  const e = (f: Target) => f.enforcement;
  const campaign = (id: string, action = '', body?: unknown): MatrixRequest => ({
    url: `/api/advice/campaigns/${id}${action}`,
    ...(body === undefined ? {} : { body }),
  });
  return {
    'GET /api/violation-types': {
      refused: all,
      foreign: 'other jurisdiction',
      call: () => ({ url: '/api/violation-types' }),
      hide: (f) => e(f).violationTypeIds,
    },

    // ── inspections and violations ──
    'GET /api/enforcement/inspections': {
      refused: all,
      call: () => ({ url: '/api/enforcement/inspections?pageSize=200' }),
      hide: (f) => [e(f).inspectionId],
    },
    'POST /api/enforcement/inspections': {
      refused: all,
      call: (f) => ({
        url: '/api/enforcement/inspections',
        body: {
          enterpriseId: f.enterpriseId,
          inspectedOn: '2025-06-02',
          findings: '越权检查',
          violations: [],
        },
      }),
    },
    'GET /api/enforcement/focus': {
      refused: all,
      call: () => ({ url: '/api/enforcement/focus?pageSize=200' }),
      hide: (f) => [f.enterpriseId],
    },
    'GET /api/enforcement/inspections/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/enforcement/inspections/${e(f).inspectionId}` }),
    },
    'GET /api/enforcement/violations/{id}/leniency': {
      refused: all,
      call: (f) => ({ url: `/api/enforcement/violations/${e(f).violationId}/leniency` }),
    },
    'POST /api/enforcement/violations/{id}/decision': {
      refused: all,
      call: (f) => ({
        url: `/api/enforcement/violations/${e(f).violationId}/decision`,
        body: { outcome: 'ordinary', reason: '越权作出处罚决定' },
      }),
    },
    'POST /api/enforcement/violations/{id}/rectify': {
      refused: all,
      call: (f) => ({
        url: `/api/enforcement/violations/${e(f).violationId}/rectify`,
        body: { note: '越权确认整改' },
      }),
    },

    // ── campaigns ──
    'GET /api/advice/campaigns': {
      refused: all,
      call: () => ({ url: '/api/advice/campaigns?pageSize=200' }),
      hide: (f) => [e(f).proposedCampaignId, e(f).sentCampaignId],
    },
    'POST /api/advice/campaigns': {
      refused: all,
      call: (f) => ({
        url: '/api/advice/campaigns',
        body: {
          violationTypeId: e(f).callerViolationTypeId,
          scopeType: 'subdistrict',
          scopeValue: f.subdistrictId,
          reason: '越权提议',
        },
      }),
      alsoAccept: {
        status: 422,
        code: 'ADVICE_SCOPE_UNKNOWN',
        why: 'bureau and department staff may propose; a subdistrict of another jurisdiction is unknown to theirs: a field error',
      },
    },
    'GET /api/advice/campaigns/{id}': { refused: all, call: (f) => campaign(e(f).proposedCampaignId) },
    'POST /api/advice/campaigns/{id}/approve': {
      refused: all,
      call: (f) => campaign(e(f).proposedCampaignId, '/approve'),
    },
    'POST /api/advice/campaigns/{id}/reject': {
      refused: all,
      call: (f) => campaign(e(f).proposedCampaignId, '/reject', { reason: '越权不予发送' }),
    },
    'POST /api/advice/campaigns/{id}/close': {
      refused: all,
      call: (f) => campaign(e(f).sentCampaignId, '/close'),
    },

    // ── letters ──
    'GET /api/advice/letters': {
      refused: all,
      call: () => ({ url: '/api/advice/letters?pageSize=200' }),
      hide: (f) => [e(f).letterId, e(f).campaignLetterId],
    },
    'GET /api/advice/letters/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/advice/letters/${e(f).letterId}` }),
    },
    'POST /api/advice/letters/{id}/reply': {
      refused: all,
      call: (f) => ({ url: `/api/advice/letters/${e(f).letterId}/reply`, body: { reply: '越权回复' } }),
    },
  };
}

/** The roles whose scope is a department: the main sweep points them at the other jurisdiction only. */
const departmentStaff = ['department_officer', 'enforcement_officer'] as const;
/** The routes that act on an existing row (recording and proposing are open to department staff by design). */
const departmentScoped = [
  'GET /api/enforcement/inspections',
  'GET /api/enforcement/inspections/{id}',
  'GET /api/enforcement/focus',
  'GET /api/enforcement/violations/{id}/leniency',
  'POST /api/enforcement/violations/{id}/decision',
  'POST /api/enforcement/violations/{id}/rectify',
  'GET /api/advice/campaigns',
  'GET /api/advice/campaigns/{id}',
  'POST /api/advice/campaigns/{id}/approve',
  'POST /api/advice/campaigns/{id}/reject',
  'POST /api/advice/campaigns/{id}/close',
  'GET /api/advice/letters',
  'GET /api/advice/letters/{id}',
  'POST /api/advice/letters/{id}/reply',
];

/**
 * Department staff see only their own department's inspections, violations, campaigns and letters. The matrix's
 * department officer (消防) and enforcement officer (of the bureau) are pointed at the rows the market regulator made
 * in their own jurisdiction (`near`): each call must be refused (401, 403 or 404 with a problem code), or be a list
 * without those rows. Answers what leaked, as the main sweep does.
 */
export async function enforcementDepartmentLeaks(
  near: Target,
  send: (
    role: (typeof departmentStaff)[number],
    method: ApiRoute['method'],
    req: MatrixRequest,
  ) => Promise<{ statusCode: number; body: string }>,
): Promise<string[]> {
  const entries = enforcementEntries(departmentStaff);
  const leaks: string[] = [];
  for (const key of departmentScoped) {
    const entry = entries[key];
    const method = key.split(' ')[0] as ApiRoute['method'];
    for (const role of departmentStaff) {
      const res = await send(role, method, entry.call(near));
      let code: string | undefined;
      try {
        code = (JSON.parse(res.body) as { code?: string }).code;
      } catch {
        code = undefined;
      }
      if ([401, 403, 404].includes(res.statusCode) && code) continue;
      if (entry.hide && res.statusCode === 200) {
        const shown = entry.hide(near).filter((marker) => res.body.includes(marker));
        if (shown.length === 0) continue;
        leaks.push(`${key} as ${role} (another department): lists ${shown.join(', ')}`);
        continue;
      }
      leaks.push(
        `${key} as ${role} (another department) → ${res.statusCode} ${code ?? res.body.slice(0, 120)}`,
      );
    }
  }
  return leaks;
}
