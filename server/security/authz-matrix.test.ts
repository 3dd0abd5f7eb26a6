/**
 * Authorization matrix (issue 9, item 2): every route of the OpenAPI document, called by every role with an entity
 * from a scope that is not theirs, is refused.
 *
 * Scopes. Besides the seeded district (A, 鹿城区) the test seeds a second jurisdiction (B) with its own bureau,
 * department, subdistrict, enterprise, park, document, evidence file, user, import, job, standard and setting.
 * - jurisdiction-wide roles (system and bureau administrators, bureau reviewer, department and enforcement
 *   officers) are pointed at B's entities;
 * - the subdistrict officer (of 仰义), the enterprise user and the expert are pointed at A's entities they must not
 *   reach: a 双屿 enterprise (not the user's own), its park and document, a file on that document, another
 *   user, an import and its job started by someone else.
 * Standards, units and settings are readable across a jurisdiction by design, so for them every role gets B's; so are
 * the association register and the self-discipline standards (associations-matrix.test-support.ts), whose writes the
 * association user (bound to an association of A) is refused on another association of A.
 * Both foreign enterprises (B's, and A's 双屿 one) have a filed footwear standard, a signed commitment, a completed
 * and an in-progress self-inspection, hazards open / awaiting verification / closed and a pending extension request,
 * made through the API by their own users (readiness-matrix.test-support.ts, which also holds those routes' entries).
 * Each foreign scope also has white-list applications in every state a route acts on, an opinion, a collection batch,
 * a running notice with an open objection, an active and a suspended entry with a proposed exit, a submitted annual
 * review and a measure, written into the tables (whitelist-matrix.test-support.ts, with those routes' entries).
 *
 * `routeMatrix` has one entry per `METHOD path` of the OpenAPI document. A route the document has and the table
 * has not fails the test by name (and so does a stale entry), so a new route cannot ship without saying who must
 * be refused. Public routes are listed as such, with the reason. For every private route an anonymous call must
 * answer 401 AUTH_REQUIRED, and a write without the CSRF header 403 AUTH_CSRF_INVALID.
 *
 * Refused means 401, 403 or 404 with a problem `code`; for lists ('hide'), a 200 whose body does not contain the
 * foreign entity also counts. An entry may accept one more answer (e.g. 400 SUBDISTRICT_UNKNOWN for a foreign id in
 * a request body, answered as a field error) only with its code and a written reason.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../test/client.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildUser, defaultPassword, type BuiltUser } from '../../test/factories.js';
import { buildEnterprise, buildPark, buildSheet, uniqueUscc } from '../../test/registry-factories.js';
import { buildAgency, buildEngagement } from '../../test/agency-factories.js';
import { fileFootwearStandard } from '../../test/readiness-factories.js';
import { uploadEvidence } from '../../test/upload.js';
import type { Role } from '../../domain/roles.js';
import { roleBindings } from '../db/schema/identity.js';
import { units } from '../db/schema/reference.js';
import { enterprises, parks } from '../db/schema/registry.js';
import { extensionRequests, hazards } from '../db/schema/hazards.js';
import { assessments } from '../db/schema/inspections.js';
import { engineers } from '../db/schema/agencies.js';
import { confirmations } from '../db/schema/confirmations.js';
import { selfDisciplineStandards } from '../db/schema/associations.js';
import { accidents } from '../db/schema/records.js';
import { issueDocument } from '../modules/documents/commands/issue-document.js';
import { commitmentTemplate } from '../modules/documents/index.js';
import { createUser } from '../modules/identity/commands/create-user.js';
import { actorOfUser } from '../modules/identity/queries.js';
import { notify } from '../modules/notifications/index.js';
import { seedJurisdiction } from '../modules/identity/seed-jurisdiction.js';
import { createFromTemplate } from '../modules/standards/commands/load-reference.js';
import { inTransaction } from '../platform/db/tx.js';
import { openApiRoutes, type ApiRoute } from './openapi-routes.test-support.js';
import {
  associationEntries,
  buildAssociationFixtures,
  type AssociationForeign,
} from './associations-matrix.test-support.js';
import {
  buildConfirmationFixtures,
  confirmationEntries,
  type ConfirmationForeign,
} from './confirmation-matrix.test-support.js';
import {
  buildReadinessFixtures,
  readinessEntries,
  type ReadinessForeign,
} from './readiness-matrix.test-support.js';
import {
  buildWhitelistFixtures,
  whitelistMatrixEntries,
  whitelistStates,
  type WhitelistForeign,
} from './whitelist-matrix.test-support.js';
import { recordsImportEntries, recordsImportFile } from './records-import-matrix.test-support.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sc-authz-'));
process.env.DATA_DIR = dataDir; // evidence files of this test go to a temp dir

/** Every role that can be bound. */
const matrixRoles = [
  'system_admin',
  'bureau_admin',
  'bureau_reviewer',
  'department_officer',
  'subdistrict_officer',
  'enforcement_officer',
  'enterprise_user',
  'agency_user',
  'association_user',
  'expert',
] as const satisfies readonly Role[];
type RoleKey = (typeof matrixRoles)[number];

const all: readonly RoleKey[] = matrixRoles;
const allBut = (...allowed: RoleKey[]): RoleKey[] => matrixRoles.filter((r) => !allowed.includes(r));
const registrars: RoleKey[] = ['system_admin', 'bureau_admin', 'bureau_reviewer'];

/** Roles that see a whole jurisdiction: their foreign entities are the other jurisdiction's. */
const jurisdictionWide = new Set<RoleKey>([
  'system_admin',
  'bureau_admin',
  'bureau_reviewer',
  'department_officer',
  'enforcement_officer',
]);

/** Entities outside one role's scope. */
interface Foreign {
  scope: 'other jurisdiction' | 'same jurisdiction, outside the role';
  enterpriseId: string;
  enterpriseUscc: string;
  subdistrictId: string;
  parkId: string;
  documentId: string;
  fileSha256: string;
  userId: string;
  username: string;
  bindingId: string;
  importId: string;
  jobId: string;
  /** B's active agency; in A a suspended one (only the bureau's register readers see it) */
  agencyId: string;
  /** an engagement of the foreign enterprise */
  engagementId: string;
  /** addressed to a unit the role is not bound to */
  notificationId: string;
  /** the foreign enterprise's signed commitment, inspections, hazards and extension request */
  readiness: ReadinessForeign;
  /** a confirmation agency's engineers, confirmations in four states (the first of `enterpriseId`), adverse records */
  confirmation: ConfirmationForeign;
  /** an association (in A not the association user's own) and its active self-discipline standard */
  association: AssociationForeign;
  /** the white-list workflow's applications, opinion, batch, notice, objection, entries, exit, review and measure */
  whitelist: WhitelistForeign;
}

/** B's entities that every role of A is pointed at. */
interface OtherJurisdiction {
  jurisdictionId: string;
  bureauId: string;
  departmentId: string;
  unitIds: string[];
  standardId: string;
  versionId: string;
  itemCode: string;
  settingMarker: string;
}

interface Req {
  url: string;
  /** JSON body */
  body?: unknown;
  /** raw body with its content type (xlsx, multipart) */
  raw?: { payload: Buffer; contentType: string };
}

type CallFn = (f: Foreign, b: OtherJurisdiction, role: RoleKey) => Req;

type Entry =
  | { public: string }
  /** no entity to be foreign to (own session, reference data): only the anonymous and CSRF checks apply */
  | { own: string; call: CallFn }
  | {
      refused: readonly RoleKey[];
      call: CallFn;
      /** 'hide': a list; a 200 without the foreign entity (`markers`) is a refusal too */
      hide?: (f: Foreign, b: OtherJurisdiction) => string[];
      /** which foreign set a role gets; by default B's for jurisdiction-wide roles, A's out-of-scope ones for others */
      foreign?: 'other jurisdiction';
      alsoAccept?: { status: number; code: string; why: string };
    };

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let sheetBytes: Buffer;
let itemsSheetBytes: Buffer;
/** adverse-records workbooks naming each foreign enterprise, by its code */
const recordsImportFiles = new Map<string, Buffer>();

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

/** One entry per `METHOD path` of the OpenAPI document. */
const routeMatrix: Record<string, Entry> = {
  // ── public ──────────────────────────────────────────────────────────────────────────────────────────────────
  'GET /api/health': { public: 'liveness probe for the load balancer' },
  'POST /api/auth/login': { public: 'logging in' },
  'POST /api/auth/activate': { public: 'an enterprise redeems the one-time activation code it was handed' },
  'GET /api/public/verify/{code}': { public: 'anyone holding a document verifies it by its QR code' },

  // ── own session, reference data ─────────────────────────────────────────────────────────────────────────────
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

  // ── identity ────────────────────────────────────────────────────────────────────────────────────────────────
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
      body: { role: 'expert', unitId: jurisdictionA },
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

  // ── registry ────────────────────────────────────────────────────────────────────────────────────────────────
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
  'GET /api/enterprises/{id}': { refused: all, call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}` }) },
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
      raw: { payload: sheetBytes, contentType: xlsxType },
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

  // ── standards ───────────────────────────────────────────────────────────────────────────────────────────────
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
      body: { key: templateKey, owningDepartmentId: b.departmentId },
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
      raw: { payload: itemsSheetBytes, contentType: xlsxType },
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

  // ── audit, settings, jobs ───────────────────────────────────────────────────────────────────────────────────
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

  // ── documents and files ─────────────────────────────────────────────────────────────────────────────────────
  'GET /api/documents': {
    refused: all,
    call: (f) => ({ url: `/api/documents?holderId=${f.enterpriseId}` }),
    hide: (f) => [f.documentId],
  },
  'GET /api/documents/{id}': { refused: all, call: (f) => ({ url: `/api/documents/${f.documentId}` }) },
  'GET /api/documents/{id}/pdf': {
    refused: all,
    call: (f) => ({ url: `/api/documents/${f.documentId}/pdf` }),
  },
  'POST /api/documents/{id}/revoke': {
    refused: all,
    call: (f) => ({ url: `/api/documents/${f.documentId}/revoke`, body: { reason: '越权撤销' } }),
  },
  'POST /api/documents/preview/{kind}': {
    refused: allBut('bureau_admin', 'bureau_reviewer'),
    call: () => ({ url: '/api/documents/preview/commitment', body: {} }),
  },
  'GET /api/files': {
    refused: all,
    call: (f) => ({ url: `/api/files?entityType=document&entityId=${f.documentId}` }),
  },
  'POST /api/files': {
    refused: all,
    call: (f) => ({
      url: '/api/files',
      raw: multipart({ entityType: 'document', entityId: f.documentId, label: '越权上传' }, photoBytes),
    }),
  },
  'GET /api/files/{sha256}': { refused: all, call: (f) => ({ url: `/api/files/${f.fileSha256}` }) },
  'GET /api/files/{sha256}/thumbnail': {
    refused: all,
    call: (f) => ({ url: `/api/files/${f.fileSha256}/thumbnail` }),
  },

  // ── notifications ───────────────────────────────────────────────────────────────────────────────────────────
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

  // ── agencies and service engagements ────────────────────────────────────────────────────────────────────────
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
  'GET /api/engagements/{id}': { refused: all, call: (f) => ({ url: `/api/engagements/${f.engagementId}` }) },
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

  // ── getting ready: commitments, inspections, hazards, extension requests, readiness ─────────────────────────
  ...readinessEntries(all),

  // ── third-party confirmation: engineers, confirmations, agency record; adverse records; the work calendar ───
  ...confirmationEntries(all, allBut('bureau_admin')),

  // ── industry associations: the register and self-discipline standards ───────────────────────────────────────
  ...associationEntries(all, allBut('bureau_admin'), uniqueUscc),

  // ── the white list: applications, opinions, batches, notices, objections, entries, reviews, exits, measures ──
  ...whitelistMatrixEntries(all),

  // ── adverse records import ──────────────────────────────────────────────────────────────────────────────────
  ...recordsImportEntries(all, allBut('bureau_admin'), recordsImportFiles),
};

/** GET routes whose owner control cannot succeed, and why. */
const noOwnerControl: Record<string, string> = {
  'GET /api/enterprises/import-template': 'no entity: a role gate',
  'GET /api/audit/kinds': 'no entity: a role gate',
  'GET /api/records/import-template': 'no entity: a role gate',
};

// ── fixtures ──────────────────────────────────────────────────────────────────────────────────────────────────

let ctx: TestContext;
let jurisdictionA: string;
let templateKey: string;
let photoBytes: Buffer;
interface Session {
  cookie: string;
  csrfToken: string;
}
const sessions = new Map<RoleKey, Session>();
/** who may see each foreign set: the positive control that the refusals are about scope, not missing rows */
const owners = new Map<Foreign['scope'], Session[]>();
let near: Foreign;
let far: Foreign;
let other: OtherJurisdiction;

function multipart(fields: Record<string, string>, bytes: Buffer) {
  const boundary = `----matrix${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function login(user: Pick<BuiltUser, 'username' | 'password'>): Promise<Session> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`login of ${user.username}: ${res.statusCode} ${res.body}`);
  return {
    cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrfToken: res.json<{ csrfToken: string }>().csrfToken,
  };
}

function send(who: Session | null, method: ApiRoute['method'], req: Req, opts: { csrf?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (who) {
    headers.cookie = who.cookie;
    if (opts.csrf !== false) headers['x-csrf-token'] = who.csrfToken;
  }
  if (req.raw) headers['content-type'] = req.raw.contentType;
  const payload = req.raw ? req.raw.payload : req.body === undefined ? undefined : (req.body as object);
  return ctx.app.inject({ method, url: req.url, headers, ...(payload === undefined ? {} : { payload }) });
}

async function expectOk(res: LightMyRequestResponse | Promise<LightMyRequestResponse>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

const photo = (colour: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();

async function uploadPhoto(who: Session, documentId: string, colour: string): Promise<string> {
  const res = await expectOk(
    send(who, 'POST', {
      url: '/api/files',
      raw: multipart({ entityType: 'document', entityId: documentId }, await photo(colour)),
    }),
    'upload a photo',
  );
  return res.json<{ sha256: string }>().sha256;
}

async function startImport(who: Session): Promise<{ importId: string; jobId: string }> {
  const res = await expectOk(
    send(who, 'POST', {
      url: '/api/enterprise-imports?fileName=fixture.xlsx',
      raw: { payload: sheetBytes, contentType: xlsxType },
    }),
    'start an import',
  );
  return res.json();
}

async function bindingOf(userId: string): Promise<string> {
  const [b] = await ctx.db
    .select({ id: roleBindings.id })
    .from(roleBindings)
    .where(eq(roleBindings.userId, userId));
  return b.id;
}

async function issueCommitment(
  enterprise: { id: string; name: string; uscc: string; subdistrictId: string },
  jurisdictionId: string,
) {
  return inTransaction(ctx.db, (tx) =>
    issueDocument(tx, null, {
      template: commitmentTemplate,
      holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
      subdistrictId: enterprise.subdistrictId,
      jurisdictionId,
      data: { ...commitmentTemplate.sample(), enterpriseName: enterprise.name, uscc: enterprise.uscc },
    }),
  );
}

async function notifyUnit(jurisdictionId: string, unitKind: 'department', unitId: string): Promise<string> {
  const { id } = await inTransaction(ctx.db, (tx) =>
    notify(tx, { jurisdictionId, unitKind, unitId, kind: 'matrix.test', title: '矩阵测试通知', body: '' }),
  );
  return id;
}

/**
 * A confirmation agency of grade B in a jurisdiction, its staff and two engineers with their own logins, and four
 * enterprises (the foreign one and three more) whose confirmations the fixtures take to four states.
 */
async function confirmationFixtures(
  jurisdictionId: string,
  bureauUser: Pick<BuiltUser, 'username' | 'password'>,
  first: [ApiClient, string],
  moreEnterprises: () => Promise<[ApiClient, string]>,
  createIn: (
    jurisdictionId: string,
    role: Role,
    unitId: string,
  ) => Promise<{ id: string; username: string; password: string }>,
): Promise<ConfirmationForeign> {
  const agency = await buildAgency(ctx, {
    jurisdictionId,
    kinds: ['confirmation'],
    grade: 'B',
    name: `矩阵测试确认机构${randomBytes(2).toString('hex')}`,
  });
  const agencyUser = () => createIn(jurisdictionId, 'agency_user', agency.id);
  const engineer = async () => {
    const user = await agencyUser();
    return { client: await loginAs(ctx, user), userId: user.id };
  };
  return buildConfirmationFixtures({
    bureau: await loginAs(ctx, bureauUser),
    agencyId: agency.id,
    staff: await loginAs(ctx, await agencyUser()),
    engineers: [await engineer(), await engineer()],
    enterprises: [first, await moreEnterprises(), await moreEnterprises(), await moreEnterprises()],
  });
}

/** An association registered by the bureau, with a self-discipline standard of three key items of a filed version. */
async function associationFixtures(
  bureau: ApiClient,
  memberOf: (associationId: string) => Promise<ApiClient>,
  versionId: string,
): Promise<AssociationForeign> {
  const version = (await expectOk(bureau.get(`/api/standard-versions/${versionId}`), 'the version')).json<{
    items: { code: string; isKey: boolean }[];
  }>();
  return buildAssociationFixtures({
    bureau,
    uscc: uniqueUscc(),
    memberOf,
    versionId,
    itemCodes: version.items
      .filter((i) => i.isKey)
      .slice(0, 3)
      .map((i) => i.code),
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  jurisdictionA = ctx.jurisdictionId;
  sheetBytes = await buildSheet(
    ['统一社会信用代码', '企业名称', '法定代表人', '所属街镇', '行业代码', '企业规模'],
    [
      [uniqueUscc(), '矩阵测试导入鞋业有限公司', '王五', '双屿街道', '1952', '小型'],
      ['91330302XXXXXXXXXX', '矩阵测试错误行鞋业有限公司', '赵六', '双屿街道', '1952', '小型'],
    ],
  );
  itemsSheetBytes = await buildSheet(
    ['条目编号', '模块代码', '合规要求', '重点审查项'],
    [['MX-1', 'general', '矩阵测试要求', '否']],
  );
  photoBytes = await photo('#2e86c1');

  // ── jurisdiction B ──
  const b = await seedJurisdiction(ctx.db, {
    code: '330399',
    name: '测试外区',
    shortName: '外',
    departments: [
      { code: 'mx-b-yjj', name: '外区应急管理局', isBureau: true },
      { code: 'mx-b-xf', name: '外区消防救援大队' },
    ],
    subdistricts: [{ code: 'mx-b-jd', name: '外区街道', subkind: '街道' }],
  });
  const unitOfB = async (code: string) =>
    (
      await ctx.db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.jurisdictionId, b), eq(units.code, code)))
    )[0].id;
  const bBureau = await unitOfB('mx-b-yjj');
  const bDepartment = await unitOfB('mx-b-xf');
  const bSubdistrict = await unitOfB('mx-b-jd');
  const createIn = async (jurisdictionId: string, role: Role, unitId: string) => {
    const username = `mx.b.${role}.${randomBytes(3).toString('hex')}`;
    const { id } = await createUser(ctx.db, null, {
      jurisdictionId,
      username,
      displayName: `外区${role}`,
      password: defaultPassword,
      mustChangePassword: false,
      bindings: [{ role, unitId }],
    });
    return { id, username, password: defaultPassword };
  };
  const bBureauAdminUser = await createIn(b, 'bureau_admin', bBureau);
  const bBureauAdmin = await login(bBureauAdminUser);
  owners.set('other jurisdiction', [bBureauAdmin, await login(await createIn(b, 'system_admin', b))]);
  const bUser = await createIn(b, 'expert', b);
  await login(bUser); // so that it has login-log rows

  const bUscc = uniqueUscc();
  const [bEnterprise] = await ctx.db
    .insert(enterprises)
    .values({
      jurisdictionId: b,
      uscc: bUscc,
      name: '外区测试鞋业有限公司',
      legalRepresentative: '张三',
      subdistrictId: bSubdistrict,
      industryCode: '1952',
      scale: 'small',
    })
    .returning();
  const [bPark] = await ctx.db
    .insert(parks)
    .values({ jurisdictionId: b, name: '外区小微园区', subdistrictId: bSubdistrict })
    .returning();
  const bDocument = await issueCommitment(bEnterprise, b);
  const bImport = await startImport(bBureauAdmin);

  const templates = (
    await expectOk(send(bBureauAdmin, 'GET', { url: '/api/standards/templates' }), 'templates')
  ).json<{ key: string }[]>();
  // B's draft is not the footwear standard: B files that one for its enterprise's inspections (scopes may not overlap)
  templateKey = templates.find((t) => t.key !== 'footwear')!.key;
  const version = (
    await expectOk(
      send(bBureauAdmin, 'POST', {
        url: '/api/standards/from-template',
        body: { key: templateKey, owningDepartmentId: bDepartment },
      }),
      'B standard',
    )
  ).json<{ id: string; standard: { id: string }; items: { code: string }[] }>();
  const settingMarker = `外区标记应急管理局${randomBytes(3).toString('hex')}`;
  await expectOk(
    send(bBureauAdmin, 'PUT', {
      url: '/api/settings/documents.issuerName',
      body: { value: settingMarker, reason: '矩阵测试' },
    }),
    'B setting',
  );

  other = {
    jurisdictionId: b,
    bureauId: bBureau,
    departmentId: bDepartment,
    unitIds: [bBureau, bDepartment, bSubdistrict],
    standardId: version.standard.id,
    versionId: version.id,
    itemCode: version.items[0].code,
    settingMarker,
  };
  const bAgency = await buildAgency(ctx, { jurisdictionId: b, name: '外区安全技术服务有限公司' });
  const { versionId: bFootwearVersionId } = await createFromTemplate(
    ctx.db,
    (await actorOfUser(ctx.db, bBureauAdminUser.id))!,
    'footwear',
    { owningDepartmentId: bBureau, publishAndFile: true },
  );
  const bOwner = await loginAs(ctx, await createIn(b, 'enterprise_user', bEnterprise.id));
  const bReadiness = await buildReadinessFixtures({
    owner: bOwner,
    verifier: await loginAs(ctx, await createIn(b, 'subdistrict_officer', bSubdistrict)),
    enterpriseId: bEnterprise.id,
    legalRepresentative: bEnterprise.legalRepresentative,
    uploadEvidence,
  });
  far = {
    scope: 'other jurisdiction',
    enterpriseId: bEnterprise.id,
    enterpriseUscc: bUscc,
    subdistrictId: bSubdistrict,
    parkId: bPark.id,
    documentId: bDocument.id,
    fileSha256: await uploadPhoto(bBureauAdmin, bDocument.id, '#7d3c98'),
    userId: bUser.id,
    username: bUser.username,
    bindingId: await bindingOf(bUser.id),
    importId: bImport.importId,
    jobId: bImport.jobId,
    agencyId: bAgency.id,
    engagementId: (await buildEngagement(ctx, { enterpriseId: bEnterprise.id, agencyId: bAgency.id })).id,
    notificationId: await notifyUnit(b, 'department', bBureau),
    readiness: bReadiness,
    confirmation: await confirmationFixtures(
      b,
      bBureauAdminUser,
      [bOwner, bEnterprise.id],
      async () => {
        const [e] = await ctx.db
          .insert(enterprises)
          .values({
            jurisdictionId: b,
            uscc: uniqueUscc(),
            name: `外区确认鞋业有限公司${randomBytes(2).toString('hex')}`,
            legalRepresentative: '张三',
            subdistrictId: bSubdistrict,
            industryCode: '1952',
            scale: 'small',
          })
          .returning({ id: enterprises.id });
        return [await loginAs(ctx, await createIn(b, 'enterprise_user', e.id)), e.id];
      },
      createIn,
    ),
    association: await associationFixtures(
      await loginAs(ctx, bBureauAdminUser),
      async (id) => loginAs(ctx, await createIn(b, 'association_user', id)),
      bFootwearVersionId,
    ),
    whitelist: await buildWhitelistFixtures({
      db: ctx.db,
      jurisdictionId: b,
      subdistrictId: bSubdistrict,
      enterpriseId: bEnterprise.id,
      departmentId: bDepartment,
      uscc: uniqueUscc,
    }),
  };

  // ── A: one user per role, and what lies outside the non-jurisdiction-wide roles ──
  const own = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  // the agency user's own agency: active, engaged by no enterprise of the fixtures
  const ownAgency = await buildAgency(ctx, { name: '矩阵测试本机构' });
  // the association user's own association; the foreign one (near.association) is another of A's
  const aBureau = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }),
  );
  const ownAssociation = (
    await expectOk(
      aBureau.post('/api/associations', {
        name: '矩阵测试本协会',
        uscc: uniqueUscc(),
        industryScope: ['19'],
      }),
      'register the own association',
    )
  ).json<{ id: string }>();
  const bindingUnit: Record<RoleKey, string | undefined> = {
    system_admin: undefined,
    bureau_admin: 'yjj',
    bureau_reviewer: 'yjj',
    department_officer: 'xf',
    subdistrict_officer: 'yangyi',
    enforcement_officer: 'yjj',
    enterprise_user: own.id,
    agency_user: ownAgency.id,
    association_user: ownAssociation.id,
    expert: undefined,
  };
  for (const role of matrixRoles)
    sessions.set(role, await login(await buildUser(ctx, { roles: [{ role, unit: bindingUnit[role] }] })));

  const aBureauAdminUser = await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] });
  const aBureauAdmin = await login(aBureauAdminUser);
  owners.set('same jurisdiction, outside the role', [
    aBureauAdmin,
    await login(await buildUser(ctx, { roles: [{ role: 'system_admin' }] })),
  ]);
  const shuangyuImporter = await login(
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
  );
  const aEnterprise = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  const aPark = await buildPark(ctx, { subdistrict: 'shuangyu' });
  const aDocument = await issueCommitment(aEnterprise, jurisdictionA);
  const aImport = await startImport(shuangyuImporter);
  const aUser = await buildUser(ctx, { roles: [{ role: 'expert' }] });
  await login(aUser);
  const aAgency = await buildAgency(ctx, { status: 'suspended', name: '矩阵测试暂停服务机构' });
  const aEngagement = await buildEngagement(ctx, {
    enterpriseId: aEnterprise.id,
    agencyId: (await buildAgency(ctx)).id,
  });
  const { versionId: aFootwearVersionId } = await fileFootwearStandard(ctx);
  const enterpriseUserOf = (id: string) =>
    buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: id }] }).then((u) => loginAs(ctx, u));
  const aOwner = await enterpriseUserOf(aEnterprise.id);
  const aReadiness = await buildReadinessFixtures({
    owner: aOwner,
    verifier: await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
    ),
    enterpriseId: aEnterprise.id,
    legalRepresentative: '张三', // buildEnterprise's
    uploadEvidence,
  });
  near = {
    scope: 'same jurisdiction, outside the role',
    enterpriseId: aEnterprise.id,
    enterpriseUscc: aEnterprise.uscc,
    subdistrictId: aEnterprise.subdistrictId,
    parkId: aPark.id,
    documentId: aDocument.id,
    fileSha256: await uploadPhoto(aBureauAdmin, aDocument.id, '#138d75'),
    userId: aUser.id,
    username: aUser.username,
    bindingId: await bindingOf(aUser.id),
    importId: aImport.importId,
    jobId: aImport.jobId,
    agencyId: aAgency.id,
    engagementId: aEngagement.id,
    // to the bureau: its administrator (an owner) reads it; the 仰义 officer, the enterprise user and the expert must not
    notificationId: await notifyUnit(jurisdictionA, 'department', await ctx.unit('yjj')),
    readiness: aReadiness,
    confirmation: await confirmationFixtures(
      jurisdictionA,
      aBureauAdminUser,
      [aOwner, aEnterprise.id],
      async () => {
        const e = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
        return [await enterpriseUserOf(e.id), e.id];
      },
      createIn,
    ),
    association: await associationFixtures(
      aBureau,
      async (id) => loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'association_user', unit: id }] })),
      aFootwearVersionId,
    ),
    // asked of the market regulator, not of the matrix's department officer (消防)
    whitelist: await buildWhitelistFixtures({
      db: ctx.db,
      jurisdictionId: jurisdictionA,
      subdistrictId: aEnterprise.subdistrictId,
      enterpriseId: aEnterprise.id,
      departmentId: await ctx.unit('scjg'),
      uscc: uniqueUscc,
    }),
  };
  for (const { enterpriseUscc } of [far, near])
    recordsImportFiles.set(enterpriseUscc, await recordsImportFile(enterpriseUscc));
  await ctx.jobs.drain(); // the imports run, so that their results and error files exist
});

afterAll(async () => {
  await ctx?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// ── checks ────────────────────────────────────────────────────────────────────────────────────────────────────

const deniedStatuses = [401, 403, 404];

function problemCode(res: LightMyRequestResponse): string | undefined {
  try {
    return res.json<{ code?: string }>().code;
  } catch {
    return undefined;
  }
}

/** The text of a response for the "does not contain" check: xlsx bodies are unzipped into their cell texts. */
async function bodyText(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type'] ?? '').startsWith(xlsxType)) return res.body;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join('\n');
}

function entryOf(key: string): Entry | undefined {
  return Object.prototype.hasOwnProperty.call(routeMatrix, key) ? routeMatrix[key] : undefined;
}

describe('authorization matrix', () => {
  it('has an entry for every route of the OpenAPI document, and none for a route that is gone', () => {
    const keys = openApiRoutes(ctx.app).map((r) => r.key);
    const missing = keys.filter((k) => !entryOf(k));
    expect(
      missing,
      `routes without a routeMatrix entry in server/security/authz-matrix.test.ts: ${missing.join(', ')}`,
    ).toEqual([]);
    const stale = Object.keys(routeMatrix).filter((k) => !keys.includes(k));
    expect(
      stale,
      `routeMatrix entries for routes the OpenAPI document does not have: ${stale.join(', ')}`,
    ).toEqual([]);
  });

  it('answers 401 AUTH_REQUIRED to an anonymous call of every route that is not public', async () => {
    const wrong: string[] = [];
    for (const route of openApiRoutes(ctx.app)) {
      const entry = entryOf(route.key);
      if (!entry || 'public' in entry) continue;
      const res = await send(null, route.method, entry.call(far, other, 'system_admin'));
      if (res.statusCode !== 401 || problemCode(res) !== 'AUTH_REQUIRED')
        wrong.push(`${route.key} → ${res.statusCode} ${problemCode(res) ?? res.body.slice(0, 80)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 AUTH_CSRF_INVALID to a logged-in write without the CSRF header', async () => {
    const wrong: string[] = [];
    for (const route of openApiRoutes(ctx.app)) {
      const entry = entryOf(route.key);
      if (!entry || 'public' in entry || route.method === 'GET') continue;
      const res = await send(
        sessions.get('system_admin')!,
        route.method,
        entry.call(far, other, 'system_admin'),
        { csrf: false },
      );
      if (res.statusCode !== 403 || problemCode(res) !== 'AUTH_CSRF_INVALID')
        wrong.push(`${route.key} → ${res.statusCode} ${problemCode(res) ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every role an entity outside its scope, on every route', async () => {
    const leaks: string[] = [];
    for (const route of openApiRoutes(ctx.app)) {
      const entry = entryOf(route.key);
      if (!entry || !('refused' in entry)) continue;
      for (const role of entry.refused) {
        const foreign = entry.foreign === 'other jurisdiction' || jurisdictionWide.has(role) ? far : near;
        const res = await send(sessions.get(role)!, route.method, entry.call(foreign, other, role));
        const code = problemCode(res);
        if (process.env.MATRIX_DEBUG) console.log(`${route.key}\t${role}\t${res.statusCode}\t${code}`);
        if (deniedStatuses.includes(res.statusCode) && code) continue;
        if (entry.alsoAccept && res.statusCode === entry.alsoAccept.status && code === entry.alsoAccept.code)
          continue;
        if (entry.hide && res.statusCode === 200) {
          const text = await bodyText(res);
          const shown = entry.hide(foreign, other).filter((marker) => text.includes(marker));
          if (shown.length === 0) continue;
          leaks.push(`${route.key} as ${role} (${foreign.scope}): lists ${shown.join(', ')}`);
          continue;
        }
        leaks.push(
          `${route.key} as ${role} (${foreign.scope}) → ${res.statusCode} ${code ?? res.body.slice(0, 120)}`,
        );
      }
    }
    expect(leaks).toEqual([]);
  }, 300_000);

  it('shows every foreign entity to its owners (so the refusals above are about scope, not missing rows)', async () => {
    const unseen: string[] = [];
    for (const route of openApiRoutes(ctx.app)) {
      const entry = entryOf(route.key);
      if (
        !entry ||
        !('refused' in entry) ||
        route.method !== 'GET' ||
        Object.hasOwn(noOwnerControl, route.key)
      )
        continue;
      for (const foreign of entry.foreign === 'other jurisdiction' ? [far] : [far, near]) {
        let seen = false;
        for (const owner of owners.get(foreign.scope)!) {
          const res = await send(owner, 'GET', entry.call(foreign, other, 'system_admin'));
          if (res.statusCode !== 200) continue;
          const text = await bodyText(res);
          if (!entry.hide || entry.hide(foreign, other).every((marker) => text.includes(marker))) seen = true;
        }
        if (!seen) unseen.push(`${route.key} (${foreign.scope})`);
      }
    }
    expect(unseen).toEqual([]);
  });

  it('left the foreign entities as they were', async () => {
    // the refused writes above changed nothing: B's enterprise, park and document read back unchanged by B
    const [e] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, far.enterpriseId));
    expect(e.contactName).toBeNull();
    const [p] = await ctx.db.select().from(parks).where(eq(parks.id, far.parkId));
    expect(p.address).toBeNull();
    // and the refused getting-ready actions moved nothing, in either foreign scope
    for (const { readiness: r } of [far, near]) {
      const states = await ctx.db
        .select({ id: hazards.id, status: hazards.status, ownerName: hazards.ownerName })
        .from(hazards)
        .where(inArray(hazards.id, [r.hazardId, r.awaitingHazardId, r.closedHazardId]));
      expect(Object.fromEntries(states.map((h) => [h.id, [h.status, h.ownerName]]))).toEqual({
        [r.hazardId]: ['open', null],
        [r.awaitingHazardId]: ['awaiting_verification', null],
        [r.closedHazardId]: ['closed', null],
      });
      const requests = await ctx.db
        .select({ status: extensionRequests.status })
        .from(extensionRequests)
        .where(inArray(extensionRequests.hazardId, [r.hazardId, r.awaitingHazardId]));
      expect(requests).toEqual([{ status: 'pending' }]);
      const [inspection] = await ctx.db
        .select({ status: assessments.status })
        .from(assessments)
        .where(eq(assessments.id, r.inspectionId));
      expect(inspection.status).toBe('in_progress');
    }
    // nor the refused engineer and confirmation actions
    for (const { confirmation: c } of [far, near]) {
      const moves = await ctx.db
        .select({ id: confirmations.id, status: confirmations.status })
        .from(confirmations)
        .where(inArray(confirmations.id, [c.confirmedId, c.requestedId, c.checkingId, c.signingId]));
      expect(Object.fromEntries(moves.map((m) => [m.id, m.status]))).toEqual({
        [c.confirmedId]: 'confirmed',
        [c.requestedId]: 'requested',
        [c.checkingId]: 'checking',
        [c.signingId]: 'signing',
      });
      const people = await ctx.db
        .select({ id: engineers.id, status: engineers.status })
        .from(engineers)
        .where(eq(engineers.agencyId, c.agencyId));
      expect(Object.fromEntries(people.map((e) => [e.id, e.status]))).toEqual({
        [c.pendingEngineerId]: 'pending',
        [c.signerIds[0]]: 'approved',
        [c.signerIds[1]]: 'approved',
      });
    }
    // nor the refused withdrawals of self-discipline standards
    const kept = await ctx.db
      .select({ status: selfDisciplineStandards.status })
      .from(selfDisciplineStandards)
      .where(inArray(selfDisciplineStandards.id, [far.association.standardId, near.association.standardId]));
    expect(kept).toEqual([{ status: 'active' }, { status: 'active' }]);
    // nor the refused white-list actions
    for (const { whitelist: w } of [far, near]) expect(await whitelistStates(ctx.db, w)).toEqual(w.states);
    // nor the refused imports of adverse records
    expect(await ctx.db.select().from(accidents).where(eq(accidents.source, '导入：matrix.xlsx'))).toEqual([]);
  });
});
