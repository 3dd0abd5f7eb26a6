import type { AgencyKind, AgencyStatus, EngagementService, EngagementStatus } from '../domain/agencies.js';
import { agencies, enterprises, serviceEngagements } from '../server/db/schema/index.js';
import { eq } from 'drizzle-orm';
import type { TestContext } from './context.js';
import { uniqueUscc } from './registry-factories.js';

export interface BuiltAgency {
  id: string;
  uscc: string;
  name: string;
}

/** An agency row straight in the register (no event: a fixture, not a user action). */
export async function buildAgency(
  ctx: TestContext,
  opts: { kinds?: AgencyKind[]; grade?: string | null; status?: AgencyStatus; name?: string; jurisdictionId?: string } = {},
): Promise<BuiltAgency> {
  const uscc = uniqueUscc();
  const name = opts.name ?? `温州测试安全技术服务有限公司${uscc.slice(10, 16)}`;
  const [row] = await ctx.db
    .insert(agencies)
    .values({
      jurisdictionId: opts.jurisdictionId ?? ctx.jurisdictionId,
      name,
      uscc,
      kinds: opts.kinds ?? ['social_service'],
      grade: opts.grade === undefined ? 'B' : opts.grade,
      gradeValidUntil: '2028-12-31',
      status: opts.status ?? 'active',
    })
    .returning({ id: agencies.id });
  return { id: row.id, uscc, name };
}

/** An engagement row straight in the table (no event), e.g. an active one to give an agency sight of an enterprise. */
export async function buildEngagement(
  ctx: TestContext,
  opts: { enterpriseId: string; agencyId: string; status?: EngagementStatus; services?: EngagementService[] },
): Promise<{ id: string }> {
  const [e] = await ctx.db
    .select({ jurisdictionId: enterprises.jurisdictionId, subdistrictId: enterprises.subdistrictId })
    .from(enterprises)
    .where(eq(enterprises.id, opts.enterpriseId));
  const status = opts.status ?? 'active';
  const [row] = await ctx.db
    .insert(serviceEngagements)
    .values({
      jurisdictionId: e.jurisdictionId,
      enterpriseId: opts.enterpriseId,
      subdistrictId: e.subdistrictId,
      agencyId: opts.agencyId,
      services: opts.services ?? ['first_inspection', 'rectification_guidance'],
      status,
      acceptedAt: status === 'active' ? new Date() : null,
    })
    .returning({ id: serviceEngagements.id });
  return { id: row.id };
}
