import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { enterprises, units, violationTypes } from '../db/schema/index.js';
import type { Actor } from '../platform/access/actor.js';
import type { Db } from '../platform/db/client.js';
import { approveCampaign, proposeCampaign } from '../modules/enforcement/commands/campaigns.js';
import { recordInspection } from '../modules/enforcement/commands/record-inspection.js';
import { sendCampaignChunk } from '../modules/enforcement/index.js';
import { chinaDate } from '../../domain/readiness.js';
import { addDays } from '../../domain/readiness.js';

const findings: Record<string, string> = {
  'AQF-42': '成品仓库通往楼梯间的安全出口被纸箱堆放堵塞，疏散指示标志损坏',
  'AQF-45': '刷胶岗位 6 名员工未佩戴防毒口罩，现场未见劳动防护用品发放台账',
};

/**
 * Enforcement in the demo: the bureau's officer inspects the demo enterprise (a letter it can answer from its phone)
 * and five 皮鞋制造 enterprises across 双屿, 仰义 and 丰门 that all block their exits — the fifth crosses the
 * frequency threshold and proposes a campaign to the whole industry, waiting for `demo.bureau`. The fire brigade's
 * earlier campaign on special-operation certificates in 仰义 was approved and sent.
 */
export async function loadEnforcementDemo(
  db: Db,
  g: { jurisdictionId: string; bureau: Actor; officer: Actor; fire: Actor; demoEnterpriseId: string },
): Promise<void> {
  const today = chinaDate(new Date());
  const type = async (code: string) =>
    (
      await db
        .select({ id: violationTypes.id })
        .from(violationTypes)
        .where(and(eq(violationTypes.jurisdictionId, g.jurisdictionId), eq(violationTypes.code, code)))
    )[0].id;
  const inspect = (enterpriseId: string, code: string, typeId: string, daysAgo: number) =>
    recordInspection(db, g.officer, {
      enterpriseId,
      inspectedOn: addDays(today, -daysAgo),
      findings: '双随机执法检查',
      rectifyBy: addDays(today, 10),
      violations: [{ violationTypeId: typeId, description: findings[code] }],
    });

  // the fire brigade's campaign in 仰义, approved and sent before the rest
  const [yangyi] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.jurisdictionId, g.jurisdictionId), eq(units.code, 'yangyi')));
  const campaignId = await proposeCampaign(db, g.fire, {
    violationTypeId: await type('AQF-30'),
    scopeType: 'subdistrict',
    scopeValue: yangyi.id,
    reason: '仰义街道近期检查中多家企业电焊、叉车作业人员无证上岗',
  });
  await approveCampaign(db, g.bureau, campaignId);
  while (!(await sendCampaignChunk(db, campaignId)).done);

  await inspect(g.demoEnterpriseId, 'AQF-45', await type('AQF-45'), 3);

  const blockedExits = await type('AQF-42');
  const shoes = await db
    .select({ id: enterprises.id, subdistrictId: enterprises.subdistrictId, code: units.code })
    .from(enterprises)
    .innerJoin(units, eq(units.id, enterprises.subdistrictId))
    .where(
      and(
        eq(enterprises.jurisdictionId, g.jurisdictionId),
        eq(enterprises.industryCode, '1952'),
        eq(enterprises.operatingStatus, 'operating'),
        inArray(units.code, ['shuangyu', 'yangyi', 'fengmen']),
        ne(enterprises.id, g.demoEnterpriseId),
      ),
    )
    .orderBy(asc(enterprises.uscc));
  // round-robin over the three subdistricts, so no single subdistrict reaches the threshold before the industry does
  const queues = ['shuangyu', 'yangyi', 'fengmen'].map((code) => shoes.filter((s) => s.code === code));
  const chosen: typeof shoes = [];
  for (let i = 0; chosen.length < 5 && queues.some((q) => q.length > i); i += 1)
    for (const q of queues) if (q[i] && chosen.length < 5) chosen.push(q[i]);
  for (const [i, e] of chosen.entries()) await inspect(e.id, 'AQF-42', blockedExits, 20 - i * 4);
}
