/**
 * The base fixtures of the authorization matrix and its HTTP helpers (log in, send): the other jurisdiction (B) with
 * its units, users, enterprise, park, document, import, standard and setting, and for either foreign scope the
 * file, binding, engagement and notification that complete its base set (the session-1 routes' entities; the later
 * modules' come from their own *-matrix.test-support.ts). Used by authz-matrix.test.ts, which owns the sessions and
 * checks; the shapes are in matrix-types.test-support.ts.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production): the test passes what it needs in
 * (its app and database, the default password, its factories' results).
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { Role } from '../../domain/roles.js';
import { roleBindings } from '../db/schema/identity.js';
import { units } from '../db/schema/reference.js';
import { enterprises, parks } from '../db/schema/registry.js';
import { issueDocument } from '../modules/documents/commands/issue-document.js';
import { commitmentTemplate } from '../modules/documents/index.js';
import { createUser } from '../modules/identity/commands/create-user.js';
import { notify } from '../modules/notifications/index.js';
import { seedJurisdiction } from '../modules/identity/seed-jurisdiction.js';
import type { Db } from '../platform/db/client.js';
import { inTransaction } from '../platform/db/tx.js';
import type { App } from '../platform/http/types.js';
import type { ApiRoute } from './openapi-routes.test-support.js';
import { xlsxType, type BaseForeign, type OtherJurisdiction, type Req } from './matrix-types.test-support.js';

// ── HTTP ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** What the fixtures need of test/context.ts's TestContext. */
export interface MatrixEnv {
  app: App;
  db: Db;
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export function multipart(fields: Record<string, string>, bytes: Buffer) {
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

export async function logIn(app: App, user: { username: string; password: string }): Promise<Session> {
  const res = await app.inject({
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

export function sendAs(
  app: App,
  who: Session | null,
  method: ApiRoute['method'],
  req: Req,
  opts: { csrf?: boolean } = {},
) {
  const headers: Record<string, string> = {};
  if (who) {
    headers.cookie = who.cookie;
    if (opts.csrf !== false) headers['x-csrf-token'] = who.csrfToken;
  }
  if (req.raw) headers['content-type'] = req.raw.contentType;
  const payload = req.raw ? req.raw.payload : req.body === undefined ? undefined : (req.body as object);
  return app.inject({ method, url: req.url, headers, ...(payload === undefined ? {} : { payload }) });
}

export async function expectOk(res: LightMyRequestResponse | Promise<LightMyRequestResponse>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

// ── base fixtures ─────────────────────────────────────────────────────────────────────────────────────────────

export const photo = (colour: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();

async function uploadPhoto(app: App, who: Session, documentId: string, colour: string): Promise<string> {
  const res = await expectOk(
    sendAs(app, who, 'POST', {
      url: '/api/files',
      raw: multipart({ entityType: 'document', entityId: documentId }, await photo(colour)),
    }),
    'upload a photo',
  );
  return res.json<{ sha256: string }>().sha256;
}

export async function startImport(
  app: App,
  who: Session,
  sheetBytes: Buffer,
): Promise<{ importId: string; jobId: string }> {
  const res = await expectOk(
    sendAs(app, who, 'POST', {
      url: '/api/enterprise-imports?fileName=fixture.xlsx',
      raw: { payload: sheetBytes, contentType: xlsxType },
    }),
    'start an import',
  );
  return res.json();
}

async function bindingOf(db: Db, userId: string): Promise<string> {
  const [b] = await db
    .select({ id: roleBindings.id })
    .from(roleBindings)
    .where(eq(roleBindings.userId, userId));
  return b.id;
}

export async function issueCommitment(
  db: Db,
  enterprise: { id: string; name: string; uscc: string; subdistrictId: string },
  jurisdictionId: string,
) {
  return inTransaction(db, (tx) =>
    issueDocument(tx, null, {
      template: commitmentTemplate,
      holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
      subdistrictId: enterprise.subdistrictId,
      jurisdictionId,
      data: { ...commitmentTemplate.sample(), enterpriseName: enterprise.name, uscc: enterprise.uscc },
    }),
  );
}

async function notifyUnit(
  db: Db,
  jurisdictionId: string,
  unitKind: 'department',
  unitId: string,
): Promise<string> {
  const { id } = await inTransaction(db, (tx) =>
    notify(tx, { jurisdictionId, unitKind, unitId, kind: 'matrix.test', title: '矩阵测试通知', body: '' }),
  );
  return id;
}

/** Create a user of one role bound to a unit, with the given password; answers its login. */
export type CreateIn = (
  jurisdictionId: string,
  role: Role,
  unitId: string,
) => Promise<{ id: string; username: string; password: string }>;

/**
 * Jurisdiction B: its units, a bureau administrator (and a system administrator: B's owners), an expert user who has
 * logged in, an enterprise, a park, a commitment document, an enterprise import, a draft standard from a template
 * that is not the footwear one, and a setting whose value is a marker.
 */
export async function seedOtherJurisdiction(
  env: MatrixEnv,
  opts: { password: string; sheetBytes: Buffer; uscc: () => string },
) {
  const { app, db } = env;
  const b = await seedJurisdiction(db, {
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
      await db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.jurisdictionId, b), eq(units.code, code)))
    )[0].id;
  const bBureau = await unitOfB('mx-b-yjj');
  const bDepartment = await unitOfB('mx-b-xf');
  const bSubdistrict = await unitOfB('mx-b-jd');
  const createIn: CreateIn = async (jurisdictionId, role, unitId) => {
    const username = `mx.b.${role}.${randomBytes(3).toString('hex')}`;
    const { id } = await createUser(db, null, {
      jurisdictionId,
      username,
      displayName: `外区${role}`,
      password: opts.password,
      mustChangePassword: false,
      bindings: [{ role, unitId }],
    });
    return { id, username, password: opts.password };
  };
  const bBureauAdminUser = await createIn(b, 'bureau_admin', bBureau);
  const bBureauAdmin = await logIn(app, bBureauAdminUser);
  const owners = [bBureauAdmin, await logIn(app, await createIn(b, 'system_admin', b))];
  const bUser = await createIn(b, 'expert', b);
  await logIn(app, bUser); // so that it has login-log rows

  const bUscc = opts.uscc();
  const [bEnterprise] = await db
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
  const [bPark] = await db
    .insert(parks)
    .values({ jurisdictionId: b, name: '外区小微园区', subdistrictId: bSubdistrict })
    .returning();
  const bDocument = await issueCommitment(db, bEnterprise, b);
  const bImport = await startImport(app, bBureauAdmin, opts.sheetBytes);

  const templates = (
    await expectOk(sendAs(app, bBureauAdmin, 'GET', { url: '/api/standards/templates' }), 'templates')
  ).json<{ key: string }[]>();
  // B's draft is not the footwear standard: B files that one for its enterprise's inspections (scopes may not overlap)
  const templateKey = templates.find((t) => t.key !== 'footwear')!.key;
  const version = (
    await expectOk(
      sendAs(app, bBureauAdmin, 'POST', {
        url: '/api/standards/from-template',
        body: { key: templateKey, owningDepartmentId: bDepartment },
      }),
      'B standard',
    )
  ).json<{ id: string; standard: { id: string }; items: { code: string }[] }>();
  const settingMarker = `外区标记应急管理局${randomBytes(3).toString('hex')}`;
  await expectOk(
    sendAs(app, bBureauAdmin, 'PUT', {
      url: '/api/settings/documents.issuerName',
      body: { value: settingMarker, reason: '矩阵测试' },
    }),
    'B setting',
  );

  const other: OtherJurisdiction = {
    jurisdictionId: b,
    bureauId: bBureau,
    departmentId: bDepartment,
    unitIds: [bBureau, bDepartment, bSubdistrict],
    standardId: version.standard.id,
    versionId: version.id,
    itemCode: version.items[0].code,
    settingMarker,
  };
  return {
    other,
    templateKey,
    subdistrictId: bSubdistrict,
    createIn,
    bureauAdminUser: bBureauAdminUser,
    bureauAdmin: bBureauAdmin,
    /** B's bureau and system administrators: they see B's entities */
    owners,
    user: bUser,
    enterprise: bEnterprise,
    parkId: bPark.id,
    documentId: bDocument.id,
    import: bImport,
  };
}

/**
 * The rest of a scope's base set, in this order: a photo on its document (uploaded by an owner), the binding of its
 * user, its engagement (made by `engagementId`), and a notification to a unit.
 */
export async function completeBaseForeign(
  env: MatrixEnv,
  opts: {
    scope: BaseForeign['scope'];
    enterprise: { id: string; uscc: string; subdistrictId: string };
    parkId: string;
    documentId: string;
    /** an owner who uploads the photo, and its colour */
    photo: { by: Session; colour: string };
    user: { id: string; username: string };
    import: { importId: string; jobId: string };
    agencyId: string;
    engagementId: () => Promise<string>;
    notification: { jurisdictionId: string; unitId: string };
  },
): Promise<BaseForeign> {
  return {
    scope: opts.scope,
    enterpriseId: opts.enterprise.id,
    enterpriseUscc: opts.enterprise.uscc,
    subdistrictId: opts.enterprise.subdistrictId,
    parkId: opts.parkId,
    documentId: opts.documentId,
    fileSha256: await uploadPhoto(env.app, opts.photo.by, opts.documentId, opts.photo.colour),
    userId: opts.user.id,
    username: opts.user.username,
    bindingId: await bindingOf(env.db, opts.user.id),
    importId: opts.import.importId,
    jobId: opts.import.jobId,
    agencyId: opts.agencyId,
    engagementId: await opts.engagementId(),
    notificationId: await notifyUnit(
      env.db,
      opts.notification.jurisdictionId,
      'department',
      opts.notification.unitId,
    ),
  };
}
