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
import { enterprises } from '../server/db/schema/registry.js';
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
