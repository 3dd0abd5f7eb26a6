/**
 * The industry association part of the authorization matrix: the register and the self-discipline standards. The
 * fixtures of one scope are made through the real API as the bureau and the association's own user would, and the
 * routeMatrix entries of those routes live here. Used by authz-matrix.test.ts, which owns the roles, sessions and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production): the test passes its API clients in.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';

/** What the fixtures need of test/client.ts's ApiClient. */
interface Client {
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** A foreign scope's association and its active self-discipline standard. */
export interface AssociationForeign {
  associationId: string;
  standardId: string;
  /** the version it was taken from, and the codes it keeps: a well-formed adoption, so the scope check answers */
  versionId: string;
  itemCodes: string[];
}

async function ok(res: Promise<LightMyRequestResponse>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

/** The bureau registers an association; the caller makes it a user of its own; that user adopts three items. */
export async function buildAssociationFixtures<C extends Client>(opts: {
  bureau: C;
  uscc: string;
  /** a logged-in association_user of the new association */
  memberOf: (associationId: string) => Promise<C>;
  /** a published or filed version, and codes of three of its items */
  versionId: string;
  itemCodes: string[];
}): Promise<AssociationForeign> {
  const associationId = (
    await ok(
      opts.bureau.post('/api/associations', {
        name: `矩阵测试鞋业协会${randomBytes(2).toString('hex')}`,
        uscc: opts.uscc,
        industryScope: ['19'],
      }),
      'register an association',
    )
  ).json<{ id: string }>().id;
  const member = await opts.memberOf(associationId);
  const standardId = (
    await ok(
      member.post(`/api/associations/${associationId}/self-discipline-standards`, {
        title: '矩阵测试自律共治标准',
        standardVersionId: opts.versionId,
        itemCodes: opts.itemCodes,
      }),
      'adopt a self-discipline standard',
    )
  ).json<{ id: string }>().id;
  return { associationId, standardId, versionId: opts.versionId, itemCodes: opts.itemCodes };
}

interface Target {
  association: AssociationForeign;
}
interface MatrixRequest {
  url: string;
  body?: unknown;
}
type AssociationEntry<R extends string> = {
  refused: readonly R[];
  call: (f: Target) => MatrixRequest;
  hide?: (f: Target) => string[];
  foreign?: 'other jurisdiction';
};

/**
 * routeMatrix entries of the association routes. The register and the self-discipline standards are public norms of
 * a jurisdiction: every logged-in user of it reads them, so the reads are pointed at the other jurisdiction's
 * association and standard. Registering is the bureau administrator's alone (a role gate: no entity). Adopting and
 * withdrawing are the association's own users': jurisdiction-wide roles get the other jurisdiction's association
 * (404), every other role, the association user included, an association of its own jurisdiction that is not its own
 * (403).
 */
export function associationEntries<R extends string>(
  all: readonly R[],
  /** every role but the bureau administrator */
  notBureauAdmin: readonly R[],
  uscc: () => string,
): Record<string, AssociationEntry<R>> {
  return {
    'GET /api/associations': {
      refused: all,
      foreign: 'other jurisdiction',
      call: () => ({ url: '/api/associations' }),
      hide: (f) => [f.association.associationId],
    },
    'POST /api/associations': {
      refused: notBureauAdmin,
      call: () => ({
        url: '/api/associations',
        body: { name: '越权登记鞋业协会', uscc: uscc(), industryScope: ['19'] },
      }),
    },
    'GET /api/self-discipline-standards': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (f) => ({ url: `/api/self-discipline-standards?associationId=${f.association.associationId}` }),
      hide: (f) => [f.association.standardId],
    },
    'GET /api/self-discipline-standards/{id}': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (f) => ({ url: `/api/self-discipline-standards/${f.association.standardId}` }),
    },
    'POST /api/associations/{id}/self-discipline-standards': {
      refused: all,
      call: (f) => ({
        url: `/api/associations/${f.association.associationId}/self-discipline-standards`,
        body: {
          title: '越权制定',
          standardVersionId: f.association.versionId,
          itemCodes: f.association.itemCodes,
        },
      }),
    },
    'POST /api/self-discipline-standards/{id}/withdraw': {
      refused: all,
      call: (f) => ({ url: `/api/self-discipline-standards/${f.association.standardId}/withdraw` }),
    },
  };
}
