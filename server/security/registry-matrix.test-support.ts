/**
 * The registry and standards part of the authorization matrix: enterprises, parks and enterprise imports; standards,
 * their versions and items, and an enterprise's applicable standard — their routeMatrix entries. Used by
 * authz-matrix.test.ts, which owns the roles, sessions, fixtures and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production): the test passes its code maker
 * (test/registry-factories.ts's uniqueUscc) in.
 */
import { randomBytes } from 'node:crypto';
import {
  all,
  allBut,
  registrars,
  xlsxType,
  type Entry,
  type MatrixInputs,
} from './matrix-types.test-support.js';

const itemBody = {
  code: 'MX-1',
  module: 'general',
  requirement: '矩阵测试条目',
  legalBasis: [],
  checkMethod: '查阅资料',
  evidence: '记录',
  isKey: false,
  tags: [],
  violationTypes: [],
  majorHazard: null,
};

/** `inputs` is filled by the test's setup; the calls read it when they run. */
export function registryEntries(inputs: MatrixInputs, uniqueUscc: () => string): Record<string, Entry> {
  return {
    // ── registry ──────────────────────────────────────────────────────────────────────────────────────────────
    'GET /api/enterprises': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises?subdistrictId=${f.subdistrictId}&pageSize=100` }),
      hide: (f) => [f.enterpriseId, f.enterpriseUscc],
    },
    'POST /api/enterprises': {
      refused: all,
      call: (f) => ({
        url: '/api/enterprises',
        body: {
          uscc: uniqueUscc(),
          name: '越权登记企业有限公司',
          legalRepresentative: '李四',
          subdistrictId: f.subdistrictId,
          industryCode: '1952',
          scale: 'small',
        },
      }),
      alsoAccept: {
        status: 400,
        code: 'SUBDISTRICT_UNKNOWN',
        why: 'a subdistrict of another jurisdiction does not exist for the caller: a field error',
      },
    },
    'GET /api/enterprises/export': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/export?subdistrictId=${f.subdistrictId}` }),
      hide: (f) => [f.enterpriseUscc],
    },
    'GET /api/enterprises/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}` }),
    },
    'PATCH /api/enterprises/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}`, body: { contactName: '越权' } }),
    },
    'POST /api/enterprises/{id}/accounts': {
      refused: all,
      call: (f) => ({
        url: `/api/enterprises/${f.enterpriseId}/accounts`,
        body: {
          username: `mx.${randomBytes(4).toString('hex')}`,
          displayName: '越权账号',
          password: 'Matrix-Pass-12345',
        },
      }),
    },
    'POST /api/enterprises/{id}/activation-codes': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/activation-codes` }),
    },
    'GET /api/parks': {
      refused: all,
      call: (f) => ({ url: `/api/parks?subdistrictId=${f.subdistrictId}` }),
      hide: (f) => [f.parkId],
    },
    'POST /api/parks': {
      refused: all,
      call: (f) => ({
        url: '/api/parks',
        body: { name: `越权园区${randomBytes(3).toString('hex')}`, subdistrictId: f.subdistrictId },
      }),
      alsoAccept: {
        status: 400,
        code: 'SUBDISTRICT_UNKNOWN',
        why: 'a subdistrict of another jurisdiction does not exist for the caller: a field error',
      },
    },
    'GET /api/parks/{id}': { refused: all, call: (f) => ({ url: `/api/parks/${f.parkId}` }) },
    'PATCH /api/parks/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/parks/${f.parkId}`, body: { address: '越权修改' } }),
    },
    'GET /api/enterprises/import-template': {
      refused: allBut(...registrars, 'subdistrict_officer'),
      call: () => ({ url: '/api/enterprises/import-template' }),
    },
    'GET /api/enterprise-imports': {
      refused: all,
      call: () => ({ url: '/api/enterprise-imports' }),
      hide: (f) => [f.importId],
    },
    'POST /api/enterprise-imports': {
      refused: allBut(...registrars, 'subdistrict_officer'),
      call: () => ({
        url: '/api/enterprise-imports?fileName=matrix.xlsx',
        raw: { payload: inputs.sheetBytes, contentType: xlsxType },
      }),
    },
    'GET /api/enterprise-imports/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/enterprise-imports/${f.importId}` }),
    },
    'GET /api/enterprise-imports/{id}/errors.xlsx': {
      refused: all,
      call: (f) => ({ url: `/api/enterprise-imports/${f.importId}/errors.xlsx` }),
    },

    // ── standards ─────────────────────────────────────────────────────────────────────────────────────────────
    'GET /api/standards': {
      refused: all,
      foreign: 'other jurisdiction',
      call: () => ({ url: '/api/standards' }),
      hide: (_, b) => [b.standardId],
    },
    'POST /api/standards': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({
        url: '/api/standards',
        body: { title: '越权标准', owningDepartmentId: b.departmentId, industryScope: ['1952'] },
      }),
    },
    'POST /api/standards/from-template': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({
        url: '/api/standards/from-template',
        body: { key: inputs.templateKey, owningDepartmentId: b.departmentId },
      }),
    },
    'GET /api/standard-versions/{id}': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({ url: `/api/standard-versions/${b.versionId}` }),
    },
    'POST /api/standard-versions/{id}/next-draft': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({ url: `/api/standard-versions/${b.versionId}/next-draft`, body: {} }),
    },
    'POST /api/standard-versions/{id}/items': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({ url: `/api/standard-versions/${b.versionId}/items`, body: itemBody }),
    },
    'PATCH /api/standard-versions/{id}/items/{code}': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({
        url: `/api/standard-versions/${b.versionId}/items/${encodeURIComponent(b.itemCode)}`,
        body: { requirement: '越权修改' },
      }),
    },
    'DELETE /api/standard-versions/{id}/items/{code}': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({
        url: `/api/standard-versions/${b.versionId}/items/${encodeURIComponent(b.itemCode)}`,
      }),
    },
    'PUT /api/standard-versions/{id}/order': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({ url: `/api/standard-versions/${b.versionId}/order`, body: { codes: [b.itemCode] } }),
    },
    'POST /api/standard-versions/{id}/publish': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({
        url: `/api/standard-versions/${b.versionId}/publish`,
        body: { documentNumber: '外应急〔2026〕1号', publishDate: '2026-01-01' },
      }),
    },
    'POST /api/standard-versions/{id}/file': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({ url: `/api/standard-versions/${b.versionId}/file` }),
    },
    'GET /api/standard-versions/{id}/diff': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({ url: `/api/standard-versions/${b.versionId}/diff?against=${b.versionId}` }),
    },
    'GET /api/standard-versions/{id}/items.xlsx': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({ url: `/api/standard-versions/${b.versionId}/items.xlsx` }),
    },
    'GET /api/standard-versions/{id}/pdf': {
      refused: all,
      foreign: 'other jurisdiction',
      call: (_, b) => ({ url: `/api/standard-versions/${b.versionId}/pdf` }),
    },
    'POST /api/standard-versions/{id}/items-import': {
      refused: all,
      foreign: 'other jurisdiction',
      // a well-formed items sheet, so that what answers is the scope check, not the sheet parser
      call: (_, b) => ({
        url: `/api/standard-versions/${b.versionId}/items-import`,
        raw: { payload: inputs.itemsSheetBytes, contentType: xlsxType },
      }),
    },
    'GET /api/enterprises/{id}/applicable-standard': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/applicable-standard` }),
    },
    'GET /api/enterprises/{id}/applicability': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/applicability` }),
    },
    'GET /api/enterprises/{id}/eligibility': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/eligibility` }),
    },
    'PUT /api/enterprises/{id}/applicability': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/applicability`, body: { tags: [] } }),
    },
  };
}
