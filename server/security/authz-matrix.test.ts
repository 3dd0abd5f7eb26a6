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
 * review and a measure, written into the tables (whitelist-matrix-fixtures.test-support.ts; those routes' entries
 * are in whitelist-matrix.test-support.ts).
 * Each foreign scope also has an inspection with an open violation and the advice letter it produced, a proposed and
 * a sent campaign, all of a department no matrix role is bound to, made through the API
 * (enforcement-matrix-fixtures.test-support.ts; entries in enforcement-matrix.test-support.ts, which also points
 * department staff at another department's rows of their own jurisdiction).
 *
 * `routeMatrix` has one entry per `METHOD path` of the OpenAPI document. A route the document has and the table
 * has not fails the test by name (and so does a stale entry), so a new route cannot ship without saying who must
 * be refused. Public routes are listed as such, with the reason. For every private route an anonymous call must
 * answer 401 AUTH_REQUIRED, and a write without the CSRF header 403 AUTH_CSRF_INVALID.
 *
 * Refused means 401, 403 or 404 with a problem `code`; for lists ('hide'), a 200 whose body does not contain the
 * foreign entity also counts. An entry may accept one more answer (e.g. 400 SUBDISTRICT_UNKNOWN for a foreign id in
 * a request body, answered as a field error) only with its code and a written reason.
 *
 * This file is the harness: it builds both foreign scopes by calling the builders, logs in one client per role and
 * runs the checks. The entries and fixtures live next to it, in *.test-support.ts files (which may not import test/,
 * so the test passes its clients and factories in):
 * - matrix-types (roles, the entry and foreign-entity shapes), matrix-fixtures (HTTP helpers, jurisdiction B and
 *   the base set of a scope: enterprise, park, document, file, user, import, job, engagement, notification);
 * - the entries of identity (with the public, own-session and reference routes, audit, settings, jobs and
 *   notifications), registry (with standards), documents and agencies;
 * - entries and fixtures of readiness, confirmation, associations, whitelist, records-import and enforcement.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../test/client.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildUser, defaultPassword, type BuiltUser } from '../../test/factories.js';
import { buildEnterprise, buildPark, buildSheet, uniqueUscc } from '../../test/registry-factories.js';
import { buildAgency, buildEngagement } from '../../test/agency-factories.js';
import { fileFootwearStandard } from '../../test/readiness-factories.js';
import { uploadEvidence } from '../../test/upload.js';
import { enterprises, parks } from '../db/schema/registry.js';
import { extensionRequests, hazards } from '../db/schema/hazards.js';
import { assessments } from '../db/schema/inspections.js';
import { engineers } from '../db/schema/agencies.js';
import { confirmations } from '../db/schema/confirmations.js';
import { selfDisciplineStandards } from '../db/schema/associations.js';
import { accidents } from '../db/schema/records.js';
import { actorOfUser } from '../modules/identity/queries.js';
import { createFromTemplate } from '../modules/standards/commands/load-reference.js';
import { openApiRoutes, type ApiRoute } from './openapi-routes.test-support.js';
import {
  all,
  allBut,
  matrixRoles,
  xlsxType,
  type Entry,
  type Foreign,
  type MatrixInputs,
  type OtherJurisdiction,
  type Req,
  type RoleKey,
} from './matrix-types.test-support.js';
import {
  completeBaseForeign,
  expectOk,
  issueCommitment,
  logIn,
  photo,
  seedOtherJurisdiction,
  sendAs,
  startImport,
  type CreateIn,
  type MatrixEnv,
  type Session,
} from './matrix-fixtures.test-support.js';
import { identityEntries } from './identity-matrix.test-support.js';
import { registryEntries } from './registry-matrix.test-support.js';
import { documentsEntries } from './documents-matrix.test-support.js';
import { agenciesEntries } from './agencies-matrix.test-support.js';
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
import { buildReadinessFixtures, readinessEntries } from './readiness-matrix.test-support.js';
import { buildWhitelistFixtures, whitelistStates } from './whitelist-matrix-fixtures.test-support.js';
import { whitelistMatrixEntries } from './whitelist-matrix.test-support.js';
import { recordsImportEntries, recordsImportFile } from './records-import-matrix.test-support.js';
import { buildEnforcementFixtures, enforcementStates } from './enforcement-matrix-fixtures.test-support.js';
import { enforcementDepartmentLeaks, enforcementEntries } from './enforcement-matrix.test-support.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sc-authz-'));
process.env.DATA_DIR = dataDir; // evidence files of this test go to a temp dir

/** Roles that see a whole jurisdiction: their foreign entities are the other jurisdiction's. */
const jurisdictionWide = new Set<RoleKey>([
  'system_admin',
  'bureau_admin',
  'bureau_reviewer',
  'department_officer',
  'enforcement_officer',
]);

/** Filled by the setup; the entries' calls read it when they run. */
const inputs: MatrixInputs = {
  jurisdictionA: '',
  templateKey: '',
  sheetBytes: Buffer.alloc(0),
  itemsSheetBytes: Buffer.alloc(0),
  photoBytes: Buffer.alloc(0),
};
/** adverse-records workbooks naming each foreign enterprise, by its code */
const recordsImportFiles = new Map<string, Buffer>();

/** One entry per `METHOD path` of the OpenAPI document. */
const routeMatrix: Record<string, Entry> = {
  // ── public, own session, reference data; identity, audit, settings, jobs, notifications ─────────────────────
  ...identityEntries(inputs),

  // ── registry and standards ──────────────────────────────────────────────────────────────────────────────────
  ...registryEntries(inputs, uniqueUscc),

  // ── documents and files ─────────────────────────────────────────────────────────────────────────────────────
  ...documentsEntries(inputs),

  // ── agencies and service engagements ────────────────────────────────────────────────────────────────────────
  ...agenciesEntries(uniqueUscc),

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

  // ── enforcement: violation types, inspections, violations, advice campaigns and letters ─────────────────────
  ...enforcementEntries(all),
};

/** GET routes whose owner control cannot succeed, and why. */
const noOwnerControl: Record<string, string> = {
  'GET /api/enterprises/import-template': 'no entity: a role gate',
  'GET /api/audit/kinds': 'no entity: a role gate',
  'GET /api/records/import-template': 'no entity: a role gate',
};

// ── fixtures ──────────────────────────────────────────────────────────────────────────────────────────────────

let ctx: TestContext;
let env: MatrixEnv;
const sessions = new Map<RoleKey, Session>();
/** who may see each foreign set: the positive control that the refusals are about scope, not missing rows */
const owners = new Map<Foreign['scope'], Session[]>();
let near: Foreign;
let far: Foreign;
let other: OtherJurisdiction;

const login = (user: Pick<BuiltUser, 'username' | 'password'>) => logIn(ctx.app, user);
const send = (who: Session | null, method: ApiRoute['method'], req: Req, opts: { csrf?: boolean } = {}) =>
  sendAs(ctx.app, who, method, req, opts);

/**
 * A confirmation agency of grade B in a jurisdiction, its staff and two engineers with their own logins, and four
 * enterprises (the foreign one and three more) whose confirmations the fixtures take to four states.
 */
async function confirmationFixtures(
  jurisdictionId: string,
  bureauUser: Pick<BuiltUser, 'username' | 'password'>,
  first: [ApiClient, string],
  moreEnterprises: () => Promise<[ApiClient, string]>,
  createIn: CreateIn,
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
  env = { app: ctx.app, db: ctx.db };
  const jurisdictionA = ctx.jurisdictionId;
  inputs.jurisdictionA = jurisdictionA;
  inputs.sheetBytes = await buildSheet(
    ['统一社会信用代码', '企业名称', '法定代表人', '所属街镇', '行业代码', '企业规模'],
    [
      [uniqueUscc(), '矩阵测试导入鞋业有限公司', '王五', '双屿街道', '1952', '小型'],
      ['91330302XXXXXXXXXX', '矩阵测试错误行鞋业有限公司', '赵六', '双屿街道', '1952', '小型'],
    ],
  );
  inputs.itemsSheetBytes = await buildSheet(
    ['条目编号', '模块代码', '合规要求', '重点审查项'],
    [['MX-1', 'general', '矩阵测试要求', '否']],
  );
  inputs.photoBytes = await photo('#2e86c1');

  // ── jurisdiction B ──
  const b = await seedOtherJurisdiction(env, {
    password: defaultPassword,
    sheetBytes: inputs.sheetBytes,
    uscc: uniqueUscc,
  });
  const bId = b.other.jurisdictionId;
  const { createIn, enterprise: bEnterprise } = b;
  owners.set('other jurisdiction', b.owners);
  other = b.other;
  inputs.templateKey = b.templateKey;
  const bAgency = await buildAgency(ctx, { jurisdictionId: bId, name: '外区安全技术服务有限公司' });
  const { versionId: bFootwearVersionId } = await createFromTemplate(
    ctx.db,
    (await actorOfUser(ctx.db, b.bureauAdminUser.id))!,
    'footwear',
    { owningDepartmentId: b.other.bureauId, publishAndFile: true },
  );
  const bOwner = await loginAs(ctx, await createIn(bId, 'enterprise_user', bEnterprise.id));
  const bReadiness = await buildReadinessFixtures({
    owner: bOwner,
    verifier: await loginAs(ctx, await createIn(bId, 'subdistrict_officer', b.subdistrictId)),
    enterpriseId: bEnterprise.id,
    legalRepresentative: bEnterprise.legalRepresentative,
    uploadEvidence,
  });
  far = {
    ...(await completeBaseForeign(env, {
      scope: 'other jurisdiction',
      enterprise: bEnterprise,
      parkId: b.parkId,
      documentId: b.documentId,
      photo: { by: b.bureauAdmin, colour: '#7d3c98' },
      user: b.user,
      import: b.import,
      agencyId: bAgency.id,
      engagementId: async () =>
        (await buildEngagement(ctx, { enterpriseId: bEnterprise.id, agencyId: bAgency.id })).id,
      notification: { jurisdictionId: bId, unitId: b.other.bureauId },
    })),
    readiness: bReadiness,
    confirmation: await confirmationFixtures(
      bId,
      b.bureauAdminUser,
      [bOwner, bEnterprise.id],
      async () => {
        const [e] = await ctx.db
          .insert(enterprises)
          .values({
            jurisdictionId: bId,
            uscc: uniqueUscc(),
            name: `外区确认鞋业有限公司${randomBytes(2).toString('hex')}`,
            legalRepresentative: '张三',
            subdistrictId: b.subdistrictId,
            industryCode: '1952',
            scale: 'small',
          })
          .returning({ id: enterprises.id });
        return [await loginAs(ctx, await createIn(bId, 'enterprise_user', e.id)), e.id];
      },
      createIn,
    ),
    association: await associationFixtures(
      await loginAs(ctx, b.bureauAdminUser),
      async (id) => loginAs(ctx, await createIn(bId, 'association_user', id)),
      bFootwearVersionId,
    ),
    whitelist: await buildWhitelistFixtures({
      db: ctx.db,
      jurisdictionId: bId,
      subdistrictId: b.subdistrictId,
      enterpriseId: bEnterprise.id,
      departmentId: b.other.departmentId,
      uscc: uniqueUscc,
    }),
    enforcement: await buildEnforcementFixtures({
      env,
      enterprise: bEnterprise,
      departmentId: b.other.departmentId,
      userIn: async (role, unitId) => login(await createIn(bId, role, unitId)),
      bureau: b.bureauAdmin,
      callersJurisdictionId: jurisdictionA,
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
  const aDocument = await issueCommitment(ctx.db, aEnterprise, jurisdictionA);
  const aImport = await startImport(ctx.app, shuangyuImporter, inputs.sheetBytes);
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
    ...(await completeBaseForeign(env, {
      scope: 'same jurisdiction, outside the role',
      enterprise: aEnterprise,
      parkId: aPark.id,
      documentId: aDocument.id,
      photo: { by: aBureauAdmin, colour: '#138d75' },
      user: aUser,
      import: aImport,
      agencyId: aAgency.id,
      engagementId: async () => aEngagement.id,
      // to the bureau: its administrator (an owner) reads it; the 仰义 officer, the enterprise user and the expert must not
      notification: { jurisdictionId: jurisdictionA, unitId: await ctx.unit('yjj') },
    })),
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
    // by the market regulator: neither the matrix's department officer's (消防) nor its enforcement officer's (the bureau)
    enforcement: await buildEnforcementFixtures({
      env,
      enterprise: aEnterprise,
      departmentId: await ctx.unit('scjg'),
      userIn: async (role, unit) => login(await buildUser(ctx, { roles: [{ role, unit }] })),
      bureau: aBureauAdmin,
      callersJurisdictionId: jurisdictionA,
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

  it("refuses department staff another department's enforcement rows of their own jurisdiction", async () => {
    const leaks = await enforcementDepartmentLeaks(near, (role, method, req) =>
      send(sessions.get(role)!, method, req),
    );
    expect(leaks).toEqual([]);
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
    // nor the refused enforcement actions (no violation rectified, letter answered, campaign decided or closed)
    for (const { enforcement: e } of [far, near])
      expect(await enforcementStates(ctx.db, e)).toEqual(e.states);
    // nor the refused imports of adverse records
    expect(await ctx.db.select().from(accidents).where(eq(accidents.source, '导入：matrix.xlsx'))).toEqual(
      [],
    );
  });
});
