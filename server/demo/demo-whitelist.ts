import { eq } from 'drizzle-orm';
import { objections, whitelistApplications } from '../db/schema/whitelist.js';
import type { Actor } from '../platform/access/actor.js';
import type { Db } from '../platform/db/client.js';
import type { FileStore } from '../platform/files/store.js';
import { createApplication, submitApplication } from '../modules/whitelist/commands/apply.js';
import { collectBatch, moveApplication } from '../modules/whitelist/commands/move-application.js';
import { answerOpinion, solicitOpinions } from '../modules/whitelist/commands/opinions.js';
import { openNotice, publishNotice } from '../modules/whitelist/commands/notices.js';
import { fileObjection, handleObjection } from '../modules/whitelist/commands/objections.js';
import { confirmEnterprise } from './demo-confirmation.js';
import { inspectionFindsMajorHazard } from './demo-exit.js';

/**
 * The white-list workflow on the demo data, through the same commands the UI uses. Four 双屿 enterprises that got
 * ready (signed, inspected themselves on the filed footwear standard, no open major or overdue hazard) and were
 * confirmed by 安信's engineers through the real confirmation flow:
 *
 * - `listed` is on the white list: its notice opened on 2026-09-29, so its `whitelist.noticeWorkingDays` run over the
 *   National Day holiday and end on 2026-10-12 by the official calendar; a member of the public objected during the notice,
 *   the bureau dismissed it with reasons, and the list was published on 2026-10-13 (valid from that day); since then
 *   an inspection by 瓯越 found a major hazard there, which opened an exit proposal waiting for the bureau;
 * - `onNotice` is on a public notice opened today (the public portal shows it and takes objections);
 * - `submitted` has submitted its application, waiting for 双屿 to collect it (demo.shuangyu);
 * - `opinions` waits for the fire brigade's opinion (demo.fire);
 * - `eligible` is confirmed and meets every condition, and has not applied: a person applies for it.
 *
 * Only dates are moved into the past by hand (the application's own timestamps and the objection's handling), the
 * way demo-readiness moves an overdue deadline; everything else is what the commands wrote.
 */
export const whitelistDemoDates = {
  submitted: new Date('2026-09-15T10:00:00+08:00'),
  collected: new Date('2026-09-17T15:30:00+08:00'),
  solicited: new Date('2026-09-18T09:30:00+08:00'),
  answered: new Date('2026-09-24T14:00:00+08:00'),
  noticeOpened: new Date('2026-09-29T09:00:00+08:00'),
  objectionFiled: new Date('2026-10-09T20:15:00+08:00'),
  objectionHandled: new Date('2026-10-12T16:00:00+08:00'),
  published: new Date('2026-10-13T10:00:00+08:00'),
} as const;

export interface WhitelistDemoEnterprise {
  enterpriseId: string;
  owner: Actor;
}

export async function loadWhitelistDemo(
  db: Db,
  files: FileStore,
  g: {
    bureau: Actor;
    officer: Actor;
    fire: Actor;
    fireDepartmentId: string;
    agencyId: string;
    /** the social service agency (瓯越) whose later inspection finds a major hazard at the listed enterprise */
    inspector: { actor: Actor; agencyId: string };
    engineers: { actor: Actor; id: string }[];
    /** already confirmed (the demo's clean enterprise) */
    listed: WhitelistDemoEnterprise;
    onNotice: WhitelistDemoEnterprise;
    submitted: WhitelistDemoEnterprise;
    opinions: WhitelistDemoEnterprise;
    /** confirmed and eligible, left to apply by hand */
    eligible: WhitelistDemoEnterprise;
  },
): Promise<{ entryApplicationId: string; listedNoticeId: string; runningNoticeId: string }> {
  const { bureau, officer, fire, fireDepartmentId } = g;
  for (const e of [g.onNotice, g.submitted, g.opinions, g.eligible])
    await confirmEnterprise(db, files, {
      enterpriseId: e.enterpriseId,
      owner: e.owner,
      agencyId: g.agencyId,
      engineers: g.engineers,
    });

  const applyAndSubmit = async (e: WhitelistDemoEnterprise) => {
    const id = await createApplication(db, e.owner, e.enterpriseId);
    await submitApplication(db, e.owner, id);
    return id;
  };
  const upToOpinions = async (e: WhitelistDemoEnterprise, now?: Date) => {
    const id = await applyAndSubmit(e);
    await collectBatch(db, officer, { applicationIds: [id], note: '双屿街道本批次收集汇总' });
    await moveApplication(db, bureau, id, 'review');
    await solicitOpinions(db, bureau, id, [fireDepartmentId], now);
    return id;
  };

  // (a) published through a notice over the National Day holiday, with a dismissed objection
  const d = whitelistDemoDates;
  const listedId = await upToOpinions(g.listed, d.solicited);
  await answerOpinion(
    db,
    fire,
    listedId,
    { answer: 'agree', reason: '消防安全检查合格，无异议' },
    d.answered,
  );
  await db
    .update(whitelistApplications)
    .set({ createdAt: d.submitted, submittedAt: d.submitted, collectedAt: d.collected })
    .where(eq(whitelistApplications.id, listedId));
  const listedNoticeId = await openNotice(
    db,
    bureau,
    { applicationIds: [listedId], title: '鹿城区安全生产合规白名单拟入库企业公示（2026年第一批）' },
    d.noticeOpened,
  );
  const filed = await fileObjection(
    db,
    listedNoticeId,
    {
      applicationId: listedId,
      name: '王先生',
      contact: '13705771234',
      content: '反映该企业车间夜间仍有工人住在仓库楼上，存在“三合一”情况，请核实。',
    },
    '198.51.100.23',
    d.objectionFiled,
  );
  await handleObjection(db, bureau, filed.id, {
    decision: 'dismiss',
    reason:
      '经双屿街道会同消防大队于10月12日现场核查，仓库楼上为原料存放区，无人员住宿，不存在“三合一”情况，异议不成立。',
  });
  await db.update(objections).set({ handledAt: d.objectionHandled }).where(eq(objections.id, filed.id));
  await publishNotice(db, bureau, listedNoticeId, d.published);
  // … and since then an inspection found a major hazard there: an exit proposal waits for the bureau
  await inspectionFindsMajorHazard(db, files, {
    enterpriseId: g.listed.enterpriseId,
    owner: g.listed.owner,
    agency: g.inspector.actor,
    agencyId: g.inspector.agencyId,
  });

  // (b) on a public notice opened today
  const noticeAppId = await upToOpinions(g.onNotice);
  await answerOpinion(db, fire, noticeAppId, { answer: 'agree', reason: '' });
  const runningNoticeId = await openNotice(db, bureau, {
    applicationIds: [noticeAppId],
    title: '鹿城区安全生产合规白名单拟入库企业公示（2026年第二批）',
  });

  // (c) one submitted, waiting for 双屿 to collect it; one waiting for the fire brigade's opinion
  await applyAndSubmit(g.submitted);
  await upToOpinions(g.opinions);

  return { entryApplicationId: listedId, listedNoticeId, runningNoticeId };
}
