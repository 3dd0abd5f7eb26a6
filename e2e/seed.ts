/**
 * Prepares what the journeys need beyond the demo data, on the same database and BEFORE the server starts
 * (PGlite is one process per data directory). Issuing documents is an internal command (no route issues one),
 * so a commitment letter is issued here through `issueDocument`, as a module would.
 *
 *   DATA_DIR=<dir> PUBLIC_BASE_URL=http://localhost:<port> node --import tsx e2e/seed.ts <out.json>
 *
 * Writes the Seed (see harness.ts) as JSON to <out.json>.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { composeUscc, USCC_CHARSET } from '../domain/uscc.js';
import { roleBindings, users } from '../server/db/schema/identity.js';
import { jurisdictions, units } from '../server/db/schema/reference.js';
import { settings } from '../server/db/schema/platform.js';
import { enterprises } from '../server/db/schema/registry.js';
import { serviceEngagements } from '../server/db/schema/agencies.js';
import { createAgency } from '../server/modules/agencies/commands/save-agency.js';
import { addEngineer } from '../server/modules/agencies/engineers/commands.js';
import { issueDocument } from '../server/modules/documents/commands/issue-document.js';
import { commitmentTemplate } from '../server/modules/documents/index.js';
import { createUser } from '../server/modules/identity/commands/create-user.js';
import { createEnterprise } from '../server/modules/registry/commands/create-enterprise.js';
import { declareApplicability } from '../server/modules/standards/commands/declare-applicability.js';
import { buildActor } from '../server/platform/auth/sessions.js';
import { setupModules } from '../server/modules/index.js';
import { loadConfig } from '../server/platform/config.js';
import { openAndMigrate } from '../server/platform/db/open-and-migrate.js';
import { inTransaction } from '../server/platform/db/tx.js';
import type { Seed } from './harness.js';

const out = process.argv[2];
if (!out) throw new Error('usage: seed.ts <out.json>');

setupModules();
const config = loadConfig();
const database = await openAndMigrate(config);
const db = database.db;
try {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, config.jurisdictionCode));
  // every journey logs in from 127.0.0.1, several people a minute: a district's users come from many addresses
  await db.insert(settings).values([
    { jurisdictionId: j.id, key: 'auth.loginRateLimitPerMinute', value: 1000, reason: 'browser journeys: one address' },
    { jurisdictionId: j.id, key: 'auth.loginRateLimitPerUsernamePerMinute', value: 1000, reason: 'browser journeys' },
  ]);

  // the demo enterprise: the unit of demo.enterprise's binding
  const [binding] = await db
    .select({ unitId: roleBindings.unitId })
    .from(roleBindings)
    .innerJoin(users, eq(users.id, roleBindings.userId))
    .where(and(sql`lower(${users.username}) = 'demo.enterprise'`, eq(roleBindings.role, 'enterprise_user')));
  if (!binding) throw new Error('demo.enterprise not found: load the demo first');
  const [enterprise] = await db.select().from(enterprises).where(eq(enterprises.id, binding.unitId));

  const issued = await inTransaction(db, (tx) =>
    issueDocument(tx, null, {
      template: commitmentTemplate,
      holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
      subject: { type: 'enterprise', id: enterprise.id },
      subdistrictId: enterprise.subdistrictId,
      jurisdictionId: j.id,
      data: {
        ...commitmentTemplate.sample(),
        enterpriseName: enterprise.name,
        uscc: enterprise.uscc,
        legalRepresentative: enterprise.legalRepresentative,
      },
    }),
  );

  const lockUser = {
    username: `e2e.lockout.${randomBytes(3).toString('hex')}`,
    password: 'E2e-Lockout-Pass-1',
  };
  await createUser(db, null, {
    jurisdictionId: j.id,
    username: lockUser.username,
    displayName: '锁定测试用户',
    password: lockUser.password,
    mustChangePassword: false,
    bindings: [{ role: 'expert', unitId: j.id }],
  });

  // a register sheet as an office would fill it in: new footwear enterprises in 双屿 and one row with a bad code
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow([
    '统一社会信用代码',
    '企业名称',
    '法定代表人',
    '所属街镇',
    '行业代码',
    '企业规模',
    '从业人数',
  ]);
  const goodRows = 24;
  const tag = randomBytes(2).readUInt16BE(0);
  for (let i = 0; i < goodRows; i++) {
    let n = 7_000_000 + tag * 100 + i;
    let body = '';
    for (let k = 0; k < 8; k++) {
      body = USCC_CHARSET[n % 31] + body;
      n = Math.floor(n / 31);
    }
    const uscc = composeUscc({ authority: '9', category: '1', division: '330302', orgBody: body });
    sheet.addRow([
      uscc,
      `温州市鹿城区端到端导入鞋业有限公司${tag}-${i + 1}`,
      '王五',
      '双屿街道',
      '1952',
      '小型',
      30 + i,
    ]);
  }
  sheet.addRow([
    '91330302XXXXXXXXXX',
    '温州市鹿城区代码错误鞋业有限公司',
    '赵六',
    '双屿街道',
    '1952',
    '小型',
    12,
  ]);
  const importPath = path.join(path.dirname(out), '企业名录-端到端导入.xlsx');
  await workbook.xlsx.writeFile(importPath);

  const [foreign] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .innerJoin(units, eq(units.id, enterprises.subdistrictId))
    .where(and(eq(enterprises.jurisdictionId, j.id), eq(units.code, 'yangyi')))
    .limit(1);
  if (!foreign) throw new Error('the demo has no enterprise in 仰义街道');

  // getting ready: a footwear enterprise of 双屿 that has done nothing yet (the demo's own enterprise is left as it
  // is for the other journeys), registered by the bureau, with its own enterprise user; the footwear standard is
  // published and filed by the demo loader (createFromTemplate(…, 'footwear', { publishAndFile: true }))
  const [bureauUser] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = 'demo.bureau'`);
  if (!bureauUser) throw new Error('demo.bureau not found: load the demo first');
  const bureau = await buildActor(db, bureauUser);
  const [shuangyu] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.jurisdictionId, j.id), eq(units.code, 'shuangyu')));
  if (!shuangyu) throw new Error('no 双屿街道 unit');
  let n = 9_000_000 + tag * 10;
  let body = '';
  for (let k = 0; k < 8; k++) {
    body = USCC_CHARSET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const readyName = `温州市鹿城区端到端准备鞋业有限公司${tag}`;
  const legalRepresentative = '郑国强';
  const { id: readyId } = await createEnterprise(db, bureau, {
    uscc: composeUscc({ authority: '9', category: '1', division: '330302', orgBody: body }),
    name: readyName,
    legalRepresentative,
    registeredAddress: '温州市鹿城区双屿街道鞋都大道88号',
    operatingAddress: '温州市鹿城区双屿街道鞋都大道88号',
    subdistrictId: shuangyu.id,
    industryCode: '1952',
    scale: 'small',
    employeeCount: 45,
    contactName: legalRepresentative,
    contactPhone: '13905770088',
    safetyManagerName: '林安全',
    safetyManagerPhone: '13905770089',
    operatingStatus: 'operating',
    parkId: null,
    hostEnterpriseId: null,
  });
  await declareApplicability(db, bureau, { id: readyId, jurisdictionId: j.id }, ['solvent_adhesive']);
  const readyUser = {
    username: `e2e.ready.${randomBytes(3).toString('hex')}`,
    password: 'E2e-Ready-Pass-1',
  };
  await createUser(db, null, {
    jurisdictionId: j.id,
    username: readyUser.username,
    displayName: `${readyName} 安全管理员`,
    password: readyUser.password,
    mustChangePassword: false,
    bindings: [{ role: 'enterprise_user', unitId: readyId }],
  });

  // third-party confirmation: a fresh 双屿 footwear enterprise with its user; a grade-B confirmation agency with a
  // staff login and two approved engineers, each linked to their own login (added by the bureau: approved at once);
  // a grade-C confirmation agency; and a grade-A agency that guides the enterprise's rectification (not independent)
  const usccOf = (seq: number) => {
    let k = seq;
    let b = '';
    for (let i = 0; i < 8; i++) {
      b = USCC_CHARSET[k % 31] + b;
      k = Math.floor(k / 31);
    }
    return composeUscc({ authority: '9', category: '1', division: '330302', orgBody: b });
  };
  const cfBase = 11_000_000 + tag * 10;
  const cfName = `温州市鹿城区端到端确认鞋业有限公司${tag}`;
  const { id: cfEnterpriseId } = await createEnterprise(db, bureau, {
    uscc: usccOf(cfBase),
    name: cfName,
    legalRepresentative: '吴建设',
    registeredAddress: '温州市鹿城区双屿街道鞋都大道99号',
    operatingAddress: '温州市鹿城区双屿街道鞋都大道99号',
    subdistrictId: shuangyu.id,
    industryCode: '1952',
    scale: 'small',
    employeeCount: 60,
    contactName: '吴建设',
    contactPhone: '13905770099',
    safetyManagerName: null,
    safetyManagerPhone: null,
    operatingStatus: 'operating',
    parkId: null,
    hostEnterpriseId: null,
  });
  const login = async (
    prefix: string,
    displayName: string,
    role: 'enterprise_user' | 'agency_user',
    unitId: string,
  ) => {
    const user = {
      username: `e2e.${prefix}.${randomBytes(3).toString('hex')}`,
      password: 'E2e-Confirm-Pass-1',
    };
    const { id } = await createUser(db, null, {
      jurisdictionId: j.id,
      username: user.username,
      displayName,
      password: user.password,
      mustChangePassword: false,
      bindings: [{ role, unitId }],
    });
    return { ...user, id };
  };
  const cfOwner = await login('cf.owner', `${cfName} 安全管理员`, 'enterprise_user', cfEnterpriseId);
  const agency = async (
    name: string,
    grade: string,
    kinds: ('confirmation' | 'social_service')[],
    seq: number,
  ) => {
    const { id } = await createAgency(db, bureau, {
      name,
      uscc: usccOf(seq),
      kinds,
      grade,
      gradeValidUntil: '2028-12-31',
      contactName: '端到端联系人',
      contactPhone: '0577-88000000',
      address: '温州市鹿城区车站大道1号',
    });
    return { id, name };
  };
  const cfAgency = await agency(`温州端到端确认技术服务有限公司${tag}`, 'B', ['confirmation'], cfBase + 1);
  const lowAgency = await agency(`温州端到端丙级确认服务有限公司${tag}`, 'C', ['confirmation'], cfBase + 2);
  const guidingAgency = await agency(
    `温州端到端整改指导服务有限公司${tag}`,
    'A',
    ['confirmation', 'social_service'],
    cfBase + 3,
  );
  await db.insert(serviceEngagements).values({
    jurisdictionId: j.id,
    enterpriseId: cfEnterpriseId,
    subdistrictId: shuangyu.id,
    agencyId: guidingAgency.id,
    services: ['rectification_guidance'],
    status: 'active',
    acceptedAt: new Date(),
  });
  const cfStaff = await login('cf.staff', `${cfAgency.name} 项目负责人`, 'agency_user', cfAgency.id);
  const cfEngineers = [];
  for (const [i, name] of ['端到端工程师甲', '端到端工程师乙'].entries()) {
    const user = await login(`cf.eng${i + 1}`, `${cfAgency.name} ${name}`, 'agency_user', cfAgency.id);
    const certificateNumber = `E2E${tag}${i + 1}${randomBytes(2).toString('hex').toUpperCase()}`;
    await addEngineer(db, bureau, cfAgency.id, {
      name,
      certificateNumber,
      level: 'intermediate',
      speciality: '安全评价',
      validFrom: '2024-01-01',
      validTo: '2030-12-31',
      userId: user.id,
    });
    cfEngineers.push({ username: user.username, password: user.password, name, certificateNumber });
  }

  const seed: Seed = {
    foreignEnterpriseId: foreign.id,
    readiness: {
      enterpriseId: readyId,
      enterpriseName: readyName,
      legalRepresentative,
      user: readyUser,
    },
    document: {
      verificationCode: issued.verificationCode,
      number: issued.number,
      holderName: enterprise.name,
    },
    confirmation: {
      enterpriseName: cfName,
      user: { username: cfOwner.username, password: cfOwner.password },
      agencyName: cfAgency.name,
      lowAgencyName: lowAgency.name,
      guidingAgencyName: guidingAgency.name,
      staff: { username: cfStaff.username, password: cfStaff.password },
      engineers: cfEngineers,
    },
    lockUser,
    importFile: { path: importPath, rows: goodRows + 1 },
  };
  writeFileSync(out, `${JSON.stringify(seed, null, 2)}\n`);
  console.log(
    `seeded: document ${issued.number}, user ${lockUser.username}, ${goodRows + 1}-row import sheet, ${readyName} (${readyUser.username})`,
  );
} finally {
  await database.close();
}
