import { and, eq, gt, sql } from 'drizzle-orm';
import { isFrequent, type CampaignScopeType } from '../../../domain/enforcement.js';
import { addDays } from '../../../domain/readiness.js';
import { adviceCampaigns, violations, violationTypes } from '../../db/schema/enforcement.js';
import { appendEvent } from '../../platform/audit/append.js';
import type { Db } from '../../platform/db/client.js';
import { getSetting } from '../../platform/settings/settings.js';
import { notify } from '../notifications/index.js';
import { adviceEvents } from './events.js';
import { bureauOf, industryName, unitOf } from './units.js';

const system = { userId: null, label: '系统（高发违法行为监测）' };

export interface ViolationSite {
  jurisdictionId: string;
  departmentId: string;
  violationTypeId: string;
  industryCode: string;
  subdistrictId: string;
}

/**
 * High-frequency detection (DOMAIN.md §4.5), run in the transaction that recorded violations: when a violation type
 * has occurred `advice.frequencyThreshold` times within `advice.frequencyWindowDays` days in the enterprise's
 * industry or subdistrict, propose a campaign to that scope — once: the partial unique index on live campaigns
 * makes a second proposal for the same type and scope a no-op. Returns the ids of the campaigns proposed.
 */
export async function detectFrequentViolations(tx: Db, site: ViolationSite, today: string, now: Date) {
  const threshold = await getSetting(tx, site.jurisdictionId, 'advice.frequencyThreshold');
  const windowDays = await getSetting(tx, site.jurisdictionId, 'advice.frequencyWindowDays');
  const since = addDays(today, -windowDays);
  const [type] = await tx.select().from(violationTypes).where(eq(violationTypes.id, site.violationTypeId));
  const proposed: string[] = [];
  const scopes: { scopeType: CampaignScopeType; scopeValue: string }[] = [
    { scopeType: 'industry', scopeValue: site.industryCode },
    { scopeType: 'subdistrict', scopeValue: site.subdistrictId },
  ];
  for (const scope of scopes) {
    const column = scope.scopeType === 'industry' ? violations.industryCode : violations.subdistrictId;
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(violations)
      .where(
        and(
          eq(violations.jurisdictionId, site.jurisdictionId),
          eq(violations.violationTypeId, site.violationTypeId),
          eq(column, scope.scopeValue),
          gt(violations.foundOn, since),
        ),
      );
    const count = Number(n);
    if (!isFrequent(count, threshold)) continue;
    const scopeLabel =
      scope.scopeType === 'industry'
        ? `${(await industryName(tx, scope.scopeValue)) ?? scope.scopeValue}行业`
        : ((await unitOf(tx, site.jurisdictionId, scope.scopeValue, 'subdistrict'))?.name ?? '');
    const reason = `近${windowDays}日内本区${scopeLabel}发生“${type.name}”违法行为${count}起`;
    const [row] = await tx
      .insert(adviceCampaigns)
      .values({
        jurisdictionId: site.jurisdictionId,
        departmentId: site.departmentId,
        violationTypeId: site.violationTypeId,
        scopeType: scope.scopeType,
        scopeValue: scope.scopeValue,
        scopeLabel,
        origin: 'frequency',
        reason,
        triggerCount: count,
        windowDays,
        items: type.adviceItems,
        proposedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: adviceCampaigns.id });
    if (!row) continue;
    proposed.push(row.id);
    await appendEvent(tx, {
      kind: adviceEvents.campaignProposed,
      jurisdictionId: site.jurisdictionId,
      actor: system,
      entityType: 'advice_campaign',
      entityId: row.id,
      at: now,
      after: {
        violationTypeId: site.violationTypeId,
        scopeType: scope.scopeType,
        scopeValue: scope.scopeValue,
        origin: 'frequency',
        reason,
        triggerCount: count,
      },
    });
    const bureau = await bureauOf(tx, site.jurisdictionId);
    if (bureau)
      await notify(tx, {
        jurisdictionId: site.jurisdictionId,
        unitKind: 'department',
        unitId: bureau.id,
        kind: 'advice.campaign_proposed',
        title: `违法行为高发，建议批量发送合规建议书：${scopeLabel}`,
        body: reason,
        link: `/advice/campaigns/${row.id}`,
        entityType: 'advice_campaign',
        entityId: row.id,
        at: now,
      });
  }
  return proposed;
}
