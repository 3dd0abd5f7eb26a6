import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { addDays, chinaDate } from '../../domain/readiness.js';
import type { Role } from '../../domain/roles.js';
import { hazards, jurisdictions, units, users } from '../db/schema/index.js';
import type { Actor } from '../platform/access/actor.js';
import { buildActor } from '../platform/auth/sessions.js';
import type { Db } from '../platform/db/client.js';
import { inTransaction } from '../platform/db/tx.js';
import { eventActor } from '../platform/access/actor.js';
import { createUser } from '../modules/identity/commands/create-user.js';
import { createPark } from '../modules/registry/parks.js';
import { createFromTemplate } from '../modules/standards/commands/load-reference.js';
import { declareApplicability } from '../modules/standards/commands/declare-applicability.js';
import { applyRows } from '../modules/registry/import/apply-rows.js';
import { createAgency } from '../modules/agencies/commands/save-agency.js';
import { adoptSelfDiscipline, registerAssociation } from '../modules/associations/commands.js';
import { getVersion } from '../modules/standards/queries.js';
import { moveEngagement, requestEngagement } from '../modules/agencies/commands/engagements.js';
import type { ParsedRow } from '../modules/registry/import/validate-rows.js';
import { signCommitment } from '../modules/commitments/commands/sign-commitment.js';
import { uploadFile } from '../modules/documents/commands/upload-file.js';
import { startInspection } from '../modules/inspections/commands/start-inspection.js';
import { answerItem } from '../modules/inspections/commands/answer-item.js';
import { completeInspection } from '../modules/inspections/commands/complete-inspection.js';
import { answersOf } from '../modules/inspections/queries.js';
import { requestExtension } from '../modules/hazards/commands/extensions.js';
import { moveHazard } from '../modules/hazards/commands/transition-hazard.js';
import { updateHazard } from '../modules/hazards/commands/update-hazard.js';
import { sweepHazards } from '../modules/hazards/index.js';
import { addEngineer, reviewEngineer } from '../modules/agencies/engineers/commands.js';
import { requestConfirmation } from '../modules/confirmations/commands/request-confirmation.js';
import { checkItem, moveConfirmation } from '../modules/confirmations/commands/move-confirmation.js';
import { concludeConfirmation, signConfirmation } from '../modules/confirmations/commands/conclude-and-sign.js';
import { linkedHashes } from '../modules/documents/index.js';
import { confirmationItems } from '../db/schema/confirmations.js';
import { loadConfig } from '../platform/config.js';
import { fileStoreFromConfig, type FileStore } from '../platform/files/store.js';
import { companyName, demoIndustries, demoUscc, mobile, personName } from './names.js';
import { Random } from './random.js';

export const DEMO_PASSWORD = 'Lucheng-Demo-2026';

export interface DemoLogin {
  role: Role;
  username: string;
  password: string;
  unit: string;
}

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

const roads = ['鞋都大道', '双屿路', '仰义大道', '丰门路', '牛山北路', '瓯江路', '江滨路', '学院路', '人民路', '府前街', '车站大道', '蒲州路'];

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

  const [existing] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = 'demo.bureau'`);
  if (existing) return { alreadyLoaded: true, logins: demoLogins(unit) };

  // the demo acts as its bureau administrator, so every record has an actor
  const bureauLogin = await ensureUser(db, j.id, 'demo.bureau', '鹿城区应急管理局 管理员', [{ role: 'bureau_admin', unitId: unit('yjj').id }]);
  const [bureauUser] = await db.select().from(users).where(eq(users.id, bureauLogin));
  const actor = await buildActor(db, bureauUser);

  const names = new Set<string>();
  const row = (n: number, over: Partial<ParsedRow['fields']> & { hostUscc?: string | null } = {}): ParsedRow => {
    const group = r.weighted(demoIndustries.map((g) => [g, g.weight] as const));
    const sub = r.next() < 0.75 ? unit(r.pick(group.clusters)) : r.pick(subdistricts);
    const scale = r.weighted([
      ['micro', 50],
      ['small', 35],
      ['medium', 13],
      ['large', 2],
    ] as const);
    const employees = { micro: r.int(3, 19), small: r.int(20, 99), medium: r.int(100, 999), large: r.int(1000, 3000) }[scale];
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
        operatingAddress: r.next() < 0.2 ? `温州市鹿城区${sub.name}${r.pick(roads)}${r.int(1, 399)}号` : address,
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
    const [op] = await db.execute(sql`select id from enterprises where uscc = ${operators[i].fields.uscc}`).then((res) => (res as unknown as { rows: { id: string }[] }).rows);
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
      if (!host.hostUscc && host.fields.subdistrictId === candidate.fields.subdistrictId) candidate.hostUscc = host.fields.uscc;
    }
    rest.push(candidate);
  }
  await inTransaction(db, (tx) => applyRows(tx, source, rest));

  // 3. one login per role
  const footwear = rest.find((e) => e.fields.industryCode === '1952' && e.fields.subdistrictId === unit('shuangyu').id && e.fields.operatingStatus === 'operating')!;
  const [ent] = await db.execute(sql`select id from enterprises where uscc = ${footwear.fields.uscc}`).then((res) => (res as unknown as { rows: { id: string }[] }).rows);
  await ensureUser(db, j.id, 'demo.admin', '系统管理员（演示）', [{ role: 'system_admin', unitId: j.id }]);
  await ensureUser(db, j.id, 'demo.reviewer', '应急管理局 审核员', [{ role: 'bureau_reviewer', unitId: unit('yjj').id }]);
  await ensureUser(db, j.id, 'demo.fire', '区消防救援大队 工作人员', [{ role: 'department_officer', unitId: unit('xf').id }]);
  await ensureUser(db, j.id, 'demo.shuangyu', '双屿街道 安监员', [{ role: 'subdistrict_officer', unitId: unit('shuangyu').id }]);
  await ensureUser(db, j.id, 'demo.officer', '应急管理局 执法人员', [{ role: 'enforcement_officer', unitId: unit('yjj').id }]);
  await ensureUser(db, j.id, 'demo.enterprise', `${footwear.fields.name} 安全管理员`, [{ role: 'enterprise_user', unitId: ent.id }]);
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
  const enterpriseUserId = await ensureUser(db, j.id, 'demo.enterprise', `${footwear.fields.name} 安全管理员`, [{ role: 'enterprise_user', unitId: ent.id }]);
  const agencyUserId = await ensureUser(db, j.id, 'demo.agency', '浙江瓯越安全咨询有限公司 安全顾问', [{ role: 'agency_user', unitId: ouyue }]);
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
  for (const key of ['footwear', 'micro-park']) filed[key] = (await createFromTemplate(db, actor, key, { publishAndFile: true })).versionId;
  await declareApplicability(db, actor, { id: ent.id, jurisdictionId: j.id }, ['solvent_adhesive', 'spray_painting', 'dormitory']);

  // 5. getting ready in 双屿: other footwear enterprises signed, inspected themselves and work on their hazards
  const readyOnes = rest
    .filter((e) => e.fields.industryCode.startsWith('19') && e.fields.subdistrictId === unit('shuangyu').id && e.fields.operatingStatus === 'operating' && e.fields.uscc !== footwear.fields.uscc)
    .slice(0, gettingReadyPlan.length);
  const files = opts.files ?? fileStoreFromConfig({ dataDir: opts.dataDir ?? loadConfig().dataDir });
  const officer = await as(await ensureUser(db, j.id, 'demo.shuangyu', '双屿街道 安监员', []));
  const ready: { enterpriseId: string; userId: string }[] = [];
  for (const [i, e] of readyOnes.entries()) {
    const [{ id }] = await db.execute(sql`select id from enterprises where uscc = ${e.fields.uscc}`).then((res) => (res as unknown as { rows: { id: string }[] }).rows);
    const userId = await ensureUser(db, j.id, `demo.sy${String(i + 1).padStart(2, '0')}`, `${e.fields.name} 安全管理员`, [{ role: 'enterprise_user', unitId: id }]);
    ready.push({ enterpriseId: id, userId });
    await getReady(db, files, { enterpriseId: id, legalRepresentative: e.fields.legalRepresentative, owner: await as(userId), officer, plan: gettingReadyPlan[i], r });
  }
  // the hazard whose deadline passed is found by the sweep, as the hourly job would
  await sweepHazards(db);

  // 6. third-party confirmation: 安信's two registered safety engineers (their own logins, approved by the bureau)
  //    confirm the 双屿 enterprise whose self-inspection found nothing; the bureau sees the report
  const engineerIds: string[] = [];
  const engineerActors: Actor[] = [];
  for (const e of demoEngineers) {
    const userId = await ensureUser(db, j.id, e.username, `温州安信安全技术服务有限公司 注册安全工程师 ${e.name}`, [{ role: 'agency_user', unitId: anxin }]);
    const engineerActor = await as(userId);
    const id = await addEngineer(db, engineerActor, anxin, { name: e.name, certificateNumber: e.certificate, level: e.level, speciality: e.speciality, validFrom: '2023-07-01', validTo: '2028-06-30', userId });
    await reviewEngineer(db, actor, id, 'approve', '注册证书及执业登记核验无误');
    engineerIds.push(id);
    engineerActors.push(engineerActor);
  }
  const clean = ready[gettingReadyPlan.findIndex((plan) => plan.length === 0)];
  if (clean) {
    const { enterpriseId, userId: ownerId } = clean;
    const confirmationId = await requestConfirmation(db, await as(ownerId), { enterpriseId, agencyId: anxin, note: '自查完成，隐患均已整改，申请第三方确认' });
    const [checker, second] = engineerActors;
    await moveConfirmation(db, checker, confirmationId, 'accept');
    const sitePhoto = (await uploadFile(db, files, checker, { bytes: await demoPhoto('#5d6d7e'), originalName: '现场核查.jpg', entityType: 'confirmation', entityId: confirmationId, label: '现场核查' })).file.sha256;
    const items = await db.select({ itemCode: confirmationItems.itemCode }).from(confirmationItems).where(eq(confirmationItems.confirmationId, confirmationId)).orderBy(confirmationItems.position);
    for (const item of items) {
      await checkItem(db, checker, confirmationId, item.itemCode, { result: 'compliant', note: '现场核查符合要求', evidence: [sitePhoto] }, (tx, hashes) => linkedHashes(tx, 'confirmation', confirmationId, hashes));
    }
    await concludeConfirmation(db, checker, confirmationId, { conclusion: 'confirmed', siteVisitDate: chinaDate(new Date()), note: '重点审查项均符合要求' });
    await signConfirmation(db, checker, confirmationId, engineerIds[0]);
    await signConfirmation(db, second, confirmationId, engineerIds[1]);
  }

  // 7. the footwear association, registered by the bureau, adopts 12 key items of the filed footwear standard
  const associationId = await registerAssociation(db, actor, {
    name: demoAssociation.name,
    uscc: demoAssociation.uscc,
    industryScope: ['19'],
    contactName: '郑海波',
    contactPhone: '0577-88331952',
  });
  const associationActor = await as(await ensureUser(db, j.id, 'demo.association', `${demoAssociation.name} 秘书处`, [{ role: 'association_user', unitId: associationId }]));
  const footwearItems = (await getVersion(db, actor, filed.footwear)).items;
  await adoptSelfDiscipline(db, associationActor, associationId, {
    title: '鹿城区鞋业安全生产自律共治标准（2026）',
    standardVersionId: filed.footwear,
    itemCodes: footwearItems.filter((i) => i.isKey).slice(0, 12).map((i) => i.code),
  });

  const logins = demoLogins(unit, footwear.fields.name);
  if (opts.dataDir) writeFileSync(path.join(opts.dataDir, 'demo-logins.json'), `${JSON.stringify(logins, null, 2)}\n`);
  return { alreadyLoaded: false, logins, enterprises: count, parks: parkPlan.length, standards: 2, gettingReady: readyOnes.length };
}

/**
 * What happens to each non-compliant item's hazard, one list per enterprise: open; open with an owner and interim
 * measures; major (the assessor's judgement); overdue (deadline moved to last week, then swept); rectifying;
 * awaiting the subdistrict's verification; closed (verified); with an extension request pending for 双屿.
 */
type HazardFate = 'open' | 'owned' | 'major' | 'overdue' | 'rectifying' | 'awaiting' | 'closed' | 'extension';
const gettingReadyPlan: HazardFate[][] = [
  ['owned', 'open'],
  ['major', 'owned'],
  ['overdue'],
  ['awaiting', 'open'],
  ['closed'],
  ['extension', 'owned'],
  ['rectifying', 'closed'],
  [],
];

/** The demo's industry association (a 社会团体: USCC authority 5, category 1). */
const demoAssociation = { name: '温州市鹿城区鞋业协会', uscc: '51330302MJ87925665' } as const;

/** 安信's registered safety engineers, each with their own login (only an engineer's own login may sign as them). */
const demoEngineers = [
  { username: 'demo.engineer1', name: '陈立明', certificate: '2023330300101', level: 'senior', speciality: '安全评价' },
  { username: 'demo.engineer2', name: '黄思远', certificate: '2023330300102', level: 'intermediate', speciality: '化工安全' },
] as const;

const findings = [
  '现场检查发现该项未落实，相关记录缺失',
  '部分岗位未按要求执行，现场有违规情况',
  '制度已制定但未执行到位，未见检查记录',
  '现场设施不符合要求，需更换或整改',
];
const owners = ['车间主任 王建华', '安全员 李海燕', '生产主管 陈志强', '设备员 周立新'];

/** A small photo of a given colour: the demo's evidence (uploaded through the same command as the UI's). */
const demoPhoto = (colour: string) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: colour } }).jpeg({ quality: 70 }).toBuffer();

async function getReady(
  db: Db,
  files: FileStore,
  g: { enterpriseId: string; legalRepresentative: string; owner: Actor; officer: Actor; plan: HazardFate[]; r: Random },
) {
  const { enterpriseId, owner, officer, plan, r } = g;
  const colour = () => `#${r.int(0x202020, 0xe0e0e0).toString(16).padStart(6, '0')}`;
  const photo = async (entityType: 'assessment' | 'hazard', entityId: string, label: string) =>
    (await uploadFile(db, files, owner, { bytes: await demoPhoto(colour()), originalName: `${label}.jpg`, entityType, entityId, label })).file.sha256;

  await signCommitment(db, owner, enterpriseId, { signatoryName: g.legalRepresentative, signatoryCapacity: 'legal_representative' });
  const assessmentId = await startInspection(db, owner, { enterpriseId, kind: 'self' });
  const answers = await answersOf(db, assessmentId);
  // findings on ordinary items (a key item or a mapped 重大事故隐患 criterion would decide the severity itself)
  const bad = new Map<string, HazardFate>();
  const candidates = answers.filter((a) => !a.isKey && !a.majorHazard);
  for (const fate of plan) {
    const [item] = candidates.splice(r.int(0, candidates.length - 1), 1);
    if (item) bad.set(item.itemCode, fate);
  }
  const keyEvidence = answers.some((a) => a.isKey) ? await photo('assessment', assessmentId, '现场照片') : null;
  for (const a of answers) {
    const fate = bad.get(a.itemCode);
    await answerItem(db, owner, assessmentId, a.itemCode, {
      result: fate ? 'non_compliant' : 'compliant',
      note: fate ? r.pick(findings) : '',
      evidence: a.isKey && !fate && keyEvidence ? [keyEvidence] : [],
      ...(fate === 'major' ? { markedMajor: true } : {}),
    });
  }
  await completeInspection(db, owner, assessmentId);

  const raised = await db.select({ id: hazards.id, itemCode: hazards.itemCode, deadline: hazards.deadline }).from(hazards).where(eq(hazards.assessmentId, assessmentId));
  const today = chinaDate(new Date());
  for (const h of raised) {
    const fate = bad.get(h.itemCode ?? '');
    switch (fate) {
      case undefined:
      case 'open':
      case 'major':
        break;
      case 'owned':
        await updateHazard(db, owner, h.id, { ownerName: r.pick(owners), interimMeasures: '设置警示标志，加强巡查，落实专人监护' });
        break;
      case 'overdue':
        // reported long enough ago that its deadline passed last week (no command moves a deadline into the past)
        await db.update(hazards).set({ deadline: addDays(today, -7), originalDeadline: addDays(today, -7) }).where(eq(hazards.id, h.id));
        break;
      case 'rectifying':
        await moveHazard(db, owner, h.id, { action: 'start', plan: '制定整改方案，落实责任人，两周内完成整改并留存记录' });
        break;
      case 'awaiting':
      case 'closed': {
        await moveHazard(db, owner, h.id, { action: 'start', plan: '按要求整改并留存整改前后照片' });
        const after = await photo('hazard', h.id, '整改后照片');
        await moveHazard(db, owner, h.id, { action: 'submit', closureNote: '已按要求完成整改，附整改后照片', afterEvidence: [after] });
        if (fate === 'closed') await moveHazard(db, officer, h.id, { action: 'verify', note: '现场复核，整改到位' });
        break;
      }
      case 'extension':
        await updateHazard(db, owner, h.id, { ownerName: r.pick(owners), interimMeasures: '停用相关设备，设置隔离区域' });
        await requestExtension(db, owner, h.id, {
          requestedDeadline: addDays(h.deadline, 30),
          reason: '整改所需设备需向厂家定制，供货周期约四周',
          interimControls: '停用相关设备并设置隔离区域，每班专人巡查，作业前检测确认',
        });
        break;
    }
  }
}

async function ensureUser(db: Db, jurisdictionId: string, username: string, displayName: string, bindings: { role: Role; unitId: string }[]) {
  const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.jurisdictionId, jurisdictionId), sql`lower(${users.username}) = ${username}`));
  if (u) return u.id;
  const { id } = await createUser(db, null, { jurisdictionId, username, displayName, password: DEMO_PASSWORD, mustChangePassword: false, bindings });
  return id;
}

function demoLogins(unit: (code: string) => { name: string }, enterpriseName = '双屿街道的一家皮鞋企业'): DemoLogin[] {
  const l = (role: Role, username: string, unitName: string): DemoLogin => ({ role, username, password: DEMO_PASSWORD, unit: unitName });
  return [
    l('system_admin', 'demo.admin', '温州市鹿城区'),
    l('bureau_admin', 'demo.bureau', unit('yjj').name),
    l('bureau_reviewer', 'demo.reviewer', unit('yjj').name),
    l('department_officer', 'demo.fire', unit('xf').name),
    l('subdistrict_officer', 'demo.shuangyu', unit('shuangyu').name),
    l('enforcement_officer', 'demo.officer', unit('yjj').name),
    l('enterprise_user', 'demo.enterprise', enterpriseName),
    l('agency_user', 'demo.agency', '浙江瓯越安全咨询有限公司'),
    l('association_user', 'demo.association', demoAssociation.name),
    l('expert', 'demo.expert', '温州市鹿城区'),
    ...demoEngineers.map((e) => l('agency_user', e.username, '温州安信安全技术服务有限公司')),
  ];
}
