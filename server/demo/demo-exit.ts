import type { Actor } from '../platform/access/actor.js';
import type { Db } from '../platform/db/client.js';
import type { FileStore } from '../platform/files/store.js';
import { moveEngagement, requestEngagement } from '../modules/agencies/commands/engagements.js';
import { uploadFile } from '../modules/documents/commands/upload-file.js';
import { answerItem } from '../modules/inspections/commands/answer-item.js';
import { completeInspection } from '../modules/inspections/commands/complete-inspection.js';
import { startInspection } from '../modules/inspections/commands/start-inspection.js';
import { answersOf } from '../modules/inspections/queries.js';
import { demoPhoto } from './demo-readiness.js';

/**
 * After the listed enterprise's entry, it engages 瓯越 for an inspection against the standard, and 瓯越 finds a 重大事故
 * 隐患 (a spraying line in the same building as the dormitory). The hazard it reports opens an exit proposal by
 * itself (the white list listens for major hazards the enterprise did not report): the bureau's 退出管理 shows it,
 * waiting for a decision.
 */
export async function inspectionFindsMajorHazard(
  db: Db,
  files: FileStore,
  g: { enterpriseId: string; owner: Actor; agency: Actor; agencyId: string },
): Promise<void> {
  const engagement = await requestEngagement(db, g.owner, {
    enterpriseId: g.enterpriseId,
    agencyId: g.agencyId,
    services: ['first_inspection'],
    note: '入库后委托开展一次全面合规检查',
  });
  await moveEngagement(db, g.agency, engagement.id, 'accept');
  const assessmentId = await startInspection(db, g.agency, {
    enterpriseId: g.enterpriseId,
    kind: 'agency_first',
  });
  const answers = await answersOf(db, assessmentId);
  const photo = (
    await uploadFile(db, files, g.agency, {
      bytes: await demoPhoto('#8a9aa8'),
      originalName: '现场照片.jpg',
      entityType: 'assessment',
      entityId: assessmentId,
      label: '现场照片',
    })
  ).file.sha256;
  const finding = answers.find((a) => !a.isKey && !a.majorHazard) ?? answers[0];
  for (const a of answers) {
    const bad = a.itemCode === finding.itemCode;
    await answerItem(db, g.agency, assessmentId, a.itemCode, {
      result: bad ? 'non_compliant' : 'compliant',
      note: bad ? '喷胶作业线与员工宿舍同处一栋建筑，未采取防火分隔（“三合一”）' : '',
      evidence: a.isKey && !bad ? [photo] : [],
      ...(bad ? { markedMajor: true } : {}),
    });
  }
  await completeInspection(db, g.agency, assessmentId);
}
