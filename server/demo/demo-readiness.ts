import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { addDays, chinaDate } from '../../domain/readiness.js';
import { hazards } from '../db/schema/index.js';
import type { Actor } from '../platform/access/actor.js';
import type { Db } from '../platform/db/client.js';
import type { FileStore } from '../platform/files/store.js';
import { signCommitment } from '../modules/commitments/commands/sign-commitment.js';
import { uploadFile } from '../modules/documents/commands/upload-file.js';
import { startInspection } from '../modules/inspections/commands/start-inspection.js';
import { answerItem } from '../modules/inspections/commands/answer-item.js';
import { completeInspection } from '../modules/inspections/commands/complete-inspection.js';
import { answersOf } from '../modules/inspections/queries.js';
import { requestExtension } from '../modules/hazards/commands/extensions.js';
import { moveHazard } from '../modules/hazards/commands/transition-hazard.js';
import { updateHazard } from '../modules/hazards/commands/update-hazard.js';
import type { Random } from './random.js';

/**
 * The demo's getting-ready activity: one enterprise signs, inspects itself and works on the hazards it found, each
 * hazard taken to the state its plan says, through the same commands the UI uses.
 */

/**
 * What happens to each non-compliant item's hazard, one list per enterprise: open; open with an owner and interim
 * measures; major (the assessor's judgement); overdue (deadline moved to last week, then swept); rectifying;
 * awaiting the subdistrict's verification; closed (verified); with an extension request pending for 双屿.
 */
export type HazardFate =
  'open' | 'owned' | 'major' | 'overdue' | 'rectifying' | 'awaiting' | 'closed' | 'extension';
export const gettingReadyPlan: HazardFate[][] = [
  ['owned', 'open'],
  ['major', 'owned'],
  ['overdue'],
  ['awaiting', 'open'],
  ['closed'],
  ['extension', 'owned'],
  ['rectifying', 'closed'],
  [],
];

const findings = [
  '现场检查发现该项未落实，相关记录缺失',
  '部分岗位未按要求执行，现场有违规情况',
  '制度已制定但未执行到位，未见检查记录',
  '现场设施不符合要求，需更换或整改',
];
const owners = ['车间主任 王建华', '安全员 李海燕', '生产主管 陈志强', '设备员 周立新'];

/** A small photo of a given colour: the demo's evidence (uploaded through the same command as the UI's). */
export const demoPhoto = (colour: string) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: colour } })
    .jpeg({ quality: 70 })
    .toBuffer();

export async function getReady(
  db: Db,
  files: FileStore,
  g: {
    enterpriseId: string;
    legalRepresentative: string;
    owner: Actor;
    officer: Actor;
    plan: HazardFate[];
    r: Random;
  },
) {
  const { enterpriseId, owner, officer, plan, r } = g;
  const colour = () => `#${r.int(0x202020, 0xe0e0e0).toString(16).padStart(6, '0')}`;
  const photo = async (entityType: 'assessment' | 'hazard', entityId: string, label: string) =>
    (
      await uploadFile(db, files, owner, {
        bytes: await demoPhoto(colour()),
        originalName: `${label}.jpg`,
        entityType,
        entityId,
        label,
      })
    ).file.sha256;

  await signCommitment(db, owner, enterpriseId, {
    signatoryName: g.legalRepresentative,
    signatoryCapacity: 'legal_representative',
  });
  const assessmentId = await startInspection(db, owner, { enterpriseId, kind: 'self' });
  const answers = await answersOf(db, assessmentId);
  // findings on ordinary items (a key item or a mapped 重大事故隐患 criterion would decide the severity itself)
  const bad = new Map<string, HazardFate>();
  const candidates = answers.filter((a) => !a.isKey && !a.majorHazard);
  for (const fate of plan) {
    const [item] = candidates.splice(r.int(0, candidates.length - 1), 1);
    if (item) bad.set(item.itemCode, fate);
  }
  const keyEvidence = answers.some((a) => a.isKey)
    ? await photo('assessment', assessmentId, '现场照片')
    : null;
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

  const raised = await db
    .select({ id: hazards.id, itemCode: hazards.itemCode, deadline: hazards.deadline })
    .from(hazards)
    .where(eq(hazards.assessmentId, assessmentId));
  const today = chinaDate(new Date());
  for (const h of raised) {
    const fate = bad.get(h.itemCode ?? '');
    switch (fate) {
      case undefined:
      case 'open':
      case 'major':
        break;
      case 'owned':
        await updateHazard(db, owner, h.id, {
          ownerName: r.pick(owners),
          interimMeasures: '设置警示标志，加强巡查，落实专人监护',
        });
        break;
      case 'overdue':
        // reported long enough ago that its deadline passed last week (no command moves a deadline into the past)
        await db
          .update(hazards)
          .set({ deadline: addDays(today, -7), originalDeadline: addDays(today, -7) })
          .where(eq(hazards.id, h.id));
        break;
      case 'rectifying':
        await moveHazard(db, owner, h.id, {
          action: 'start',
          plan: '制定整改方案，落实责任人，两周内完成整改并留存记录',
        });
        break;
      case 'awaiting':
      case 'closed': {
        await moveHazard(db, owner, h.id, { action: 'start', plan: '按要求整改并留存整改前后照片' });
        const after = await photo('hazard', h.id, '整改后照片');
        await moveHazard(db, owner, h.id, {
          action: 'submit',
          closureNote: '已按要求完成整改，附整改后照片',
          afterEvidence: [after],
        });
        if (fate === 'closed')
          await moveHazard(db, officer, h.id, { action: 'verify', note: '现场复核，整改到位' });
        break;
      }
      case 'extension':
        await updateHazard(db, owner, h.id, {
          ownerName: r.pick(owners),
          interimMeasures: '停用相关设备，设置隔离区域',
        });
        await requestExtension(db, owner, h.id, {
          requestedDeadline: addDays(h.deadline, 30),
          reason: '整改所需设备需向厂家定制，供货周期约四周',
          interimControls: '停用相关设备并设置隔离区域，每班专人巡查，作业前检测确认',
        });
        break;
    }
  }
}
