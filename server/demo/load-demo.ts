import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { jurisdictions, units, users } from '../db/schema/index.js';
import type { Actor } from '../platform/access/actor.js';
import { buildActor } from '../platform/auth/sessions.js';
import type { Db } from '../platform/db/client.js';
import { inTransaction } from '../platform/db/tx.js';
import { eventActor } from '../platform/access/actor.js';
import { createPark } from '../modules/registry/parks.js';
import { createFromTemplate } from '../modules/standards/commands/load-reference.js';
import { declareApplicability } from '../modules/standards/commands/declare-applicability.js';
import { applyRows } from '../modules/registry/import/apply-rows.js';
import { createAgency } from '../modules/agencies/commands/save-agency.js';
import { moveEngagement, requestEngagement } from '../modules/agencies/commands/engagements.js';
import type { ParsedRow } from '../modules/registry/import/validate-rows.js';
import { sweepHazards } from '../modules/hazards/index.js';
import { addEngineer, reviewEngineer } from '../modules/agencies/engineers/commands.js';
import { loadConfig } from '../platform/config.js';
import { fileStoreFromConfig, type FileStore } from '../platform/files/store.js';
import { loadAssociationDemo } from './demo-association.js';
import { confirmEnterprise } from './demo-confirmation.js';
import { loadEnforcementDemo } from './demo-enforcement.js';
import { demoEngineers, demoLogins, ensureUser } from './demo-logins.js';
import { getReady, gettingReadyPlan } from './demo-readiness.js';
import { loadWhitelistDemo } from './demo-whitelist.js';
export { DEMO_PASSWORD, type DemoLogin } from './demo-logins.js';
import { companyName, demoIndustries, demoUscc, mobile, personName } from './names.js';
import { Random } from './random.js';

const parkPlan = [
  { name: '双屿鞋都小微企业园', subdistrict: 'shuangyu' },
  { name: '双屿时尚鞋业产业园', subdistrict: 'shuangyu' },
  { name: '仰义鞋业小微园', subdistrict: 'yangyi' },
  { name: '仰义智造小微园', subdistrict: 'yangyi' },
  { name: '丰门皮革小微园', subdistrict: 'fengmen' },
  { name: '丰门五金产业园', subdistrict: 'fengmen' },
  { name: '藤桥轻工小微园', subdistrict: 'tengqiao' },
  { name: '七都电气产业园', subdistrict: 'qidu' },
  { name: '南郊眼镜小微园', subdistrict: 'nanjiao' },
  { name: '蒲鞋市服饰创业园', subdistrict: 'puxieshi' },
];

const roads = [
  '鞋都大道',
  '双屿路',
  '仰义大道',
  '丰门路',
  '牛山北路',
  '瓯江路',
  '江滨路',
  '学院路',
  '人民路',
  '府前街',
  '车站大道',
  '蒲州路',
];

/**
 * Load a realistic Lucheng: the register of enterprises (footwear clustered in 双屿, 仰义 and 丰门), ten
 * micro-parks with tenants, 厂中厂 pairs, and one login per role. Deterministic for a given size and seed.
 * Goes through the same commands and import path that users use, so every record has its events.
 */
export async function loadDemo(
  db: Db,
  opts: { enterprises?: number; seed?: number; dataDir?: string; files?: FileStore } = {},
) {
  const count = Math.max(opts.enterprises ?? 2000, parkPlan.length + 50);
  const r = new Random(opts.seed ?? 20261125);
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, '330302'));
  const unitRows = await db.select().from(units).where(eq(units.jurisdictionId, j.id));
  const unit = (code: string) => unitRows.find((u) => u.code === code)!;
  const subdistricts = unitRows.filter((u) => u.kind === 'subdistrict');

  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = 'demo.bureau'`);
  if (existing) return { alreadyLoaded: true, logins: demoLogins(unit) };

  // the demo acts as its bureau administrator, so every record has an actor
  const bureauLogin = await ensureUser(db, j.id, 'demo.bureau', '鹿城区应急管理局 管理员', [
    { role: 'bureau_admin', unitId: unit('yjj').id },
  ]);
  const [bureauUser] = await db.select().from(users).where(eq(users.id, bureauLogin));
  const actor = await buildActor(db, bureauUser);

  const names = new Set<string>();
  const row = (
    n: number,
    over: Partial<ParsedRow['fields']> & { hostUscc?: string | null } = {},
  ): ParsedRow => {
    const group = r.weighted(demoIndustries.map((g) => [g, g.weight] as const));
    const sub = r.next() < 0.75 ? unit(r.pick(group.clusters)) : r.pick(subdistricts);
    const scale = r.weighted([
      ['micro', 50],
      ['small', 35],
      ['medium', 13],
      ['large', 2],
    ] as const);
    const employees = {
      micro: r.int(3, 19),
      small: r.int(20, 99),
      medium: r.int(100, 999),
      large: r.int(1000, 3000),
    }[scale];
    const legal = personName(r);
    const address = `温州市鹿城区${sub.name}${r.pick(roads)}${r.int(1, 399)}号`;
    const { hostUscc, ...fieldOver } = over;
    return {
      rowNumber: n + 2,
      hostUscc: hostUscc ?? null,
      fields: {
        uscc: demoUscc(n),
        name: companyName(r, group.word, names),
        legalRepresentative: legal,
        registeredAddress: address,
        operatingAddress:
          r.next() < 0.2 ? `温州市鹿城区${sub.name}${r.pick(roads)}${r.int(1, 399)}号` : address,
        subdistrictId: sub.id,
        industryCode: r.pick(group.codes),
        scale,
        employeeCount: employees,
        contactName: legal,
        contactPhone: mobile(r),
        safetyManagerName: r.next() < 0.8 ? personName(r) : null,
        safetyManagerPhone: r.next() < 0.8 ? mobile(r) : null,
        operatingStatus: r.weighted([
          ['operating', 92],
          ['suspended', 4],
          ['closed', 2],
          ['deregistered', 2],
        ] as const),
        parkId: null,
        hostEnterpriseId: null,
        ...fieldOver,
      },
    };
  };

  // 1. park operators, then the parks
  const operators = parkPlan.map((p, i) =>
    row(i, {
      name: `温州${p.name.replace(/小微企业园|小微园|产业园|创业园/, '')}园区运营管理有限公司`,
      industryCode: '7221',
      subdistrictId: unit(p.subdistrict).id,
      operatingStatus: 'operating',
      scale: 'small',
    }),
  );
  const source = { jurisdictionId: j.id, actor: eventActor(actor), importId: 'demo' };
  await inTransaction(db, (tx) => applyRows(tx, source, operators));
  const parkIds: { id: string; subdistrictId: string; operatorUscc: string }[] = [];
  for (const [i, p] of parkPlan.entries()) {
    const [op] = await db
      .execute(sql`select id from enterprises where uscc = ${operators[i].fields.uscc}`)
      .then((res) => (res as unknown as { rows: { id: string }[] }).rows);
    const { id } = await createPark(db, actor, {
      name: p.name,
      address: `温州市鹿城区${unit(p.subdistrict).name}${r.pick(roads)}${r.int(1, 200)}号`,
      subdistrictId: unit(p.subdistrict).id,
      operatorEnterpriseId: op.id,
    });
    parkIds.push({ id, subdistrictId: unit(p.subdistrict).id, operatorUscc: operators[i].fields.uscc });
  }

  // 2. everyone else: some in parks, some 厂中厂 tenants of a nearby host
  const rest: ParsedRow[] = [];
  for (let n = parkPlan.length; n < count; n++) {
    const candidate = row(n);
    const parksHere = parkIds.filter((p) => p.subdistrictId === candidate.fields.subdistrictId);
    if (parksHere.length > 0 && r.next() < 0.18) candidate.fields.parkId = r.pick(parksHere).id;
    else if (rest.length > 20 && r.next() < 0.08) {
      const host = rest[r.int(0, rest.length - 1)];
      if (!host.hostUscc && host.fields.subdistrictId === candidate.fields.subdistrictId)
        candidate.hostUscc = host.fields.uscc;
    }
    rest.push(candidate);
  }
  await inTransaction(db, (tx) => applyRows(tx, source, rest));

  // 3. one login per role
  const footwear = rest.find(
    (e) =>
      e.fields.industryCode === '1952' &&
      e.fields.subdistrictId === unit('shuangyu').id &&
      e.fields.operatingStatus === 'operating',
  )!;
  const [ent] = await db
    .execute(sql`select id from enterprises where uscc = ${footwear.fields.uscc}`)
    .then((res) => (res as unknown as { rows: { id: string }[] }).rows);
  await ensureUser(db, j.id, 'demo.admin', '系统管理员（演示）', [{ role: 'system_admin', unitId: j.id }]);
  await ensureUser(db, j.id, 'demo.reviewer', '应急管理局 审核员', [
    { role: 'bureau_reviewer', unitId: unit('yjj').id },
  ]);
  await ensureUser(db, j.id, 'demo.fire', '区消防救援大队 工作人员', [
    { role: 'department_officer', unitId: unit('xf').id },
  ]);
  await ensureUser(db, j.id, 'demo.shuangyu', '双屿街道 安监员', [
    { role: 'subdistrict_officer', unitId: unit('shuangyu').id },
  ]);
  await ensureUser(db, j.id, 'demo.officer', '应急管理局 执法人员', [
    { role: 'enforcement_officer', unitId: unit('yjj').id },
  ]);
  await ensureUser(db, j.id, 'demo.enterprise', `${footwear.fields.name} 安全管理员`, [
    { role: 'enterprise_user', unitId: ent.id },
  ]);
  await ensureUser(db, j.id, 'demo.expert', '安全生产专家（演示）', [{ role: 'expert', unitId: j.id }]);

  // 3b. two agencies; 瓯越 serves the demo enterprise (engaged and accepted through the same commands users use)
  const { id: anxin } = await createAgency(db, actor, {
    name: '温州安信安全技术服务有限公司',
    uscc: '91330302MA2HK7Q349',
    kinds: ['confirmation', 'social_service'],
    grade: 'B',
    gradeValidUntil: '2027-12-31',
    contactName: '陈建国',
    contactPhone: '0577-88203316',
    address: '温州市鹿城区车站大道577号财富中心18楼',
  });
  const { id: ouyue } = await createAgency(db, actor, {
    name: '浙江瓯越安全咨询有限公司',
    uscc: '91330300MA2J8N4D65',
    kinds: ['social_service'],
    grade: 'C',
    gradeValidUntil: '2027-06-30',
    contactName: '林晓燕',
    contactPhone: '0577-88675902',
    address: '温州市鹿城区学院中路288号',
  });
  const enterpriseUserId = await ensureUser(
    db,
    j.id,
    'demo.enterprise',
    `${footwear.fields.name} 安全管理员`,
    [{ role: 'enterprise_user', unitId: ent.id }],
  );
  const agencyUserId = await ensureUser(db, j.id, 'demo.agency', '浙江瓯越安全咨询有限公司 安全顾问', [
    { role: 'agency_user', unitId: ouyue },
  ]);
  const as = async (id: string) => buildActor(db, (await db.select().from(users).where(eq(users.id, id)))[0]);
  const engagement = await requestEngagement(db, await as(enterpriseUserId), {
    enterpriseId: ent.id,
    agencyId: ouyue,
    services: ['first_inspection', 'rectification_guidance'],
    note: '请协助开展首次合规检查并指导隐患整改',
  });
  await moveEngagement(db, await as(agencyUserId), engagement.id, 'accept');

  // 4. the two reference standards, published and filed; the demo enterprise declares what it does
  const filed: Record<string, string> = {};
  for (const key of ['footwear', 'micro-park'])
    filed[key] = (await createFromTemplate(db, actor, key, { publishAndFile: true })).versionId;
  await declareApplicability(db, actor, { id: ent.id, jurisdictionId: j.id }, [
    'solvent_adhesive',
    'spray_painting',
    'dormitory',
  ]);

  // 5. getting ready in 双屿: other footwear enterprises signed, inspected themselves and work on their hazards
  const readyOnes = rest
    .filter(
      (e) =>
        e.fields.industryCode.startsWith('19') &&
        e.fields.subdistrictId === unit('shuangyu').id &&
        e.fields.operatingStatus === 'operating' &&
        e.fields.uscc !== footwear.fields.uscc,
    )
    .slice(0, gettingReadyPlan.length);
  const files = opts.files ?? fileStoreFromConfig({ dataDir: opts.dataDir ?? loadConfig().dataDir });
  const officer = await as(await ensureUser(db, j.id, 'demo.shuangyu', '双屿街道 安监员', []));
  const ready: { enterpriseId: string; userId: string }[] = [];
  for (const [i, e] of readyOnes.entries()) {
    const [{ id }] = await db
      .execute(sql`select id from enterprises where uscc = ${e.fields.uscc}`)
      .then((res) => (res as unknown as { rows: { id: string }[] }).rows);
    const userId = await ensureUser(
      db,
      j.id,
      `demo.sy${String(i + 1).padStart(2, '0')}`,
      `${e.fields.name} 安全管理员`,
      [{ role: 'enterprise_user', unitId: id }],
    );
    ready.push({ enterpriseId: id, userId });
    await getReady(db, files, {
      enterpriseId: id,
      legalRepresentative: e.fields.legalRepresentative,
      owner: await as(userId),
      officer,
      plan: gettingReadyPlan[i],
      r,
    });
  }
  // the hazard whose deadline passed is found by the sweep, as the hourly job would
  await sweepHazards(db);

  // 6. third-party confirmation: 安信's two registered safety engineers (their own logins, approved by the bureau)
  //    confirm the 双屿 enterprise whose self-inspection found nothing; the bureau sees the report
  const engineerIds: string[] = [];
  const engineerActors: Actor[] = [];
  for (const e of demoEngineers) {
    const userId = await ensureUser(
      db,
      j.id,
      e.username,
      `温州安信安全技术服务有限公司 注册安全工程师 ${e.name}`,
      [{ role: 'agency_user', unitId: anxin }],
    );
    const engineerActor = await as(userId);
    const id = await addEngineer(db, engineerActor, anxin, {
      name: e.name,
      certificateNumber: e.certificate,
      level: e.level,
      speciality: e.speciality,
      validFrom: '2023-07-01',
      validTo: '2028-06-30',
      userId,
    });
    await reviewEngineer(db, actor, id, 'approve', '注册证书及执业登记核验无误');
    engineerIds.push(id);
    engineerActors.push(engineerActor);
  }
  const clean = ready[gettingReadyPlan.findIndex((plan) => plan.length === 0)];
  if (clean) {
    await confirmEnterprise(db, files, {
      enterpriseId: clean.enterpriseId,
      owner: await as(clean.userId),
      agencyId: anxin,
      engineers: engineerActors.map((a, i) => ({ actor: a, id: engineerIds[i] })),
    });
  }

  // 6b. the white list: the clean enterprise listed (notice over National Day, a dismissed objection), one on a
  //     running notice, one submitted to 双屿, one waiting for the fire brigade (see demo-whitelist.ts)
  const byPlan = (fates: string) => ready[gettingReadyPlan.findIndex((plan) => plan.join() === fates)];
  const wl = {
    listed: clean,
    onNotice: byPlan('closed'),
    submitted: byPlan('rectifying,closed'),
    opinions: byPlan('owned,open'),
    eligible: byPlan('awaiting,open'),
  };
  const whitelistNames: Partial<Record<keyof typeof wl, { username: string; name: string }>> = {};
  if (Object.values(wl).every(Boolean)) {
    const fire = await as(await ensureUser(db, j.id, 'demo.fire', '区消防救援大队 工作人员', []));
    const owner = async (e: { enterpriseId: string; userId: string }) => ({
      enterpriseId: e.enterpriseId,
      owner: await as(e.userId),
    });
    await loadWhitelistDemo(db, files, {
      bureau: actor,
      officer,
      fire,
      fireDepartmentId: unit('xf').id,
      agencyId: anxin,
      engineers: engineerActors.map((a, i) => ({ actor: a, id: engineerIds[i] })),
      inspector: { actor: await as(agencyUserId), agencyId: ouyue },
      listed: await owner(wl.listed),
      onNotice: await owner(wl.onNotice),
      submitted: await owner(wl.submitted),
      opinions: await owner(wl.opinions),
      eligible: await owner(wl.eligible),
    });
    for (const [key, e] of Object.entries(wl) as [keyof typeof wl, (typeof ready)[number]][]) {
      const i = ready.indexOf(e);
      whitelistNames[key] = {
        username: `demo.sy${String(i + 1).padStart(2, '0')}`,
        name: readyOnes[i].fields.name,
      };
    }
  }

  // 7. the footwear association, registered by the bureau, adopts 12 key items of the filed footwear standard
  await loadAssociationDemo(db, { bureau: actor, jurisdictionId: j.id, footwearVersionId: filed.footwear });

  // 8. enforcement: a sent campaign in 仰义, a letter for the demo enterprise, and five blocked-exit violations in
  //    皮鞋制造 that propose an industry campaign waiting for the bureau (see demo-enforcement.ts)
  await loadEnforcementDemo(db, {
    jurisdictionId: j.id,
    bureau: actor,
    officer: await as(await ensureUser(db, j.id, 'demo.officer', '应急管理局 执法人员', [])),
    fire: await as(await ensureUser(db, j.id, 'demo.fire', '区消防救援大队 工作人员', [])),
    demoEnterpriseId: ent.id,
  });

  const logins = demoLogins(unit, footwear.fields.name, whitelistNames);
  if (opts.dataDir)
    writeFileSync(path.join(opts.dataDir, 'demo-logins.json'), `${JSON.stringify(logins, null, 2)}\n`);
  return {
    alreadyLoaded: false,
    logins,
    enterprises: count,
    parks: parkPlan.length,
    standards: 2,
    gettingReady: readyOnes.length,
  };
}
