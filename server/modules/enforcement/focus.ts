import { sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/readiness.js';
import {
  adviceCampaigns,
  adviceCampaignTargets,
  adviceLetters,
  enforcementInspections,
  violations,
} from '../../db/schema/enforcement.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeWhere } from '../../platform/access/scope.js';
import { queryRows, type Db } from '../../platform/db/client.js';
import { letterScope, violationScope } from './queries.js';
import { unitNameMap } from './units.js';

/** Why an enterprise is a focus enterprise (不放心企业), and how much each reason weighs in the ranking. */
export const focusWeights = { overdue_letter: 3, overdue_violation: 2, hot_spot: 1 } as const;
export type FocusReason = keyof typeof focusWeights;

interface FocusRow {
  enterprise_id: string;
  enterprise_name: string;
  subdistrict_id: string;
  overdue_letter: number;
  overdue_violation: number;
  hot_spot: number;
  score: number;
  total: number;
}

/**
 * 不放心企业 (DOMAIN.md §4.5): enterprises that ignore advice letters (letters overdue without a reply), leave violations
 * unrectified past their deadline, or sit in a violation hot spot (a target of a live campaign the frequency detector
 * proposed). Each reason is read through the scope of the table it comes from, so an actor sees the reasons it may
 * see. Ranked by a weighted score (`focusWeights`), then by name: the same data always gives the same list.
 */
export async function listFocusEnterprises(
  db: Db,
  actor: Actor,
  query: { page: number; pageSize: number },
  now = new Date(),
) {
  const today = chinaDate(now);
  const targetScope = scopeWhere(actor, {
    jurisdiction: adviceCampaigns.jurisdictionId,
    subdistrict: adviceCampaignTargets.subdistrictId,
    enterprise: adviceCampaignTargets.enterpriseId,
    department: adviceCampaigns.departmentId,
  });
  const w = focusWeights;
  const rows = await queryRows<FocusRow>(
    db,
    sql`with reasons as (
      select ${adviceLetters.enterpriseId} as enterprise_id, ${adviceLetters.enterpriseName} as enterprise_name,
             ${adviceLetters.subdistrictId} as subdistrict_id, 'overdue_letter' as kind, count(*)::int as n
        from ${adviceLetters}
       where ${letterScope(actor)} and ${adviceLetters.status} = 'overdue'
       group by 1, 2, 3
      union all
      select ${violations.enterpriseId}, ${enforcementInspections.enterpriseName}, ${violations.subdistrictId},
             'overdue_violation', count(*)::int
        from ${violations}
        join ${enforcementInspections} on ${enforcementInspections.id} = ${violations.inspectionId}
       where ${violationScope(actor)} and ${violations.status} = 'open' and ${enforcementInspections.rectifyBy} < ${today}
       group by 1, 2, 3
      union all
      select ${adviceCampaignTargets.enterpriseId}, ${adviceCampaignTargets.enterpriseName},
             ${adviceCampaignTargets.subdistrictId}, 'hot_spot', count(*)::int
        from ${adviceCampaignTargets}
        join ${adviceCampaigns} on ${adviceCampaigns.id} = ${adviceCampaignTargets.campaignId}
       where ${targetScope} and ${adviceCampaigns.origin} = 'frequency'
         and ${adviceCampaigns.status} in ('sending', 'sent')
       group by 1, 2, 3
    ), ranked as (
      select enterprise_id, min(enterprise_name) as enterprise_name, min(subdistrict_id::text) as subdistrict_id,
             coalesce(sum(n) filter (where kind = 'overdue_letter'), 0)::int as overdue_letter,
             coalesce(sum(n) filter (where kind = 'overdue_violation'), 0)::int as overdue_violation,
             coalesce(sum(n) filter (where kind = 'hot_spot'), 0)::int as hot_spot
        from reasons group by enterprise_id
    )
    select *, (${w.overdue_letter} * sign(overdue_letter) + ${w.overdue_violation} * sign(overdue_violation)
               + ${w.hot_spot} * sign(hot_spot))::int as score, count(*) over ()::int as total
      from ranked
     order by score desc, enterprise_name, enterprise_id
     limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const names = await unitNameMap(
    db,
    rows.map((r) => r.subdistrict_id),
  );
  return {
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    items: rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      subdistrictName: names.get(r.subdistrict_id) ?? '',
      score: Number(r.score),
      overdueLetters: Number(r.overdue_letter),
      overdueViolations: Number(r.overdue_violation),
      hotSpots: Number(r.hot_spot),
    })),
  };
}
