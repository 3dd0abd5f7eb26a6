import type { AgencyKind, AgencyStatus, EngagementService, EngagementStatus } from '../domain/agencies.js';
import { agencies, enterprises, serviceEngagements } from '../server/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { addDays, chinaDate } from '../domain/readiness.js';
import { loginAs, type ApiClient } from './client.js';
import type { TestContext } from './context.js';
import { buildUser, type BuiltUser } from './factories.js';
import { uniqueUscc } from './registry-factories.js';

export interface BuiltAgency {
  id: string;
  uscc: string;
  name: string;
}

/** An agency row straight in the register (no event: a fixture, not a user action). */
export async function buildAgency(
  ctx: TestContext,
  opts: {
    kinds?: AgencyKind[];
    grade?: string | null;
    status?: AgencyStatus;
    name?: string;
    jurisdictionId?: string;
  } = {},
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

export interface BuiltEngineer {
  user: BuiltUser;
  client: ApiClient;
  id: string;
  certificateNumber: string;
}

let certificates = 0;

/**
 * A registered safety engineer of an agency, added through the API by their own agency login (linked as the
 * engineer's user) and, unless `approve: false`, approved by the bureau client given.
 */
export async function buildEngineer(
  ctx: TestContext,
  bureau: ApiClient,
  agency: BuiltAgency,
  opts: { validTo?: string; approve?: boolean; extraAgency?: string } = {},
): Promise<BuiltEngineer> {
  const roles = [
    { role: 'agency_user' as const, unit: agency.id },
    ...(opts.extraAgency ? [{ role: 'agency_user' as const, unit: opts.extraAgency }] : []),
  ];
  const user = await buildUser(ctx, { roles });
  const client = await loginAs(ctx, user);
  certificates += 1;
  const certificateNumber = `ZAQ${process.pid % 1000}${String(certificates).padStart(6, '0')}`;
  const added = await client.post(`/api/agencies/${agency.id}/engineers`, {
    name: `工程师${certificates}`,
    certificateNumber,
    level: 'intermediate',
    speciality: '安全评价',
    validFrom: '2024-01-01',
    validTo: opts.validTo ?? addDays(chinaDate(new Date()), 365),
    userId: user.id,
  });
  if (added.statusCode !== 201) throw new Error(`adding an engineer: ${added.statusCode} ${added.body}`);
  const id = (added.json() as { id: string }).id;
  if (opts.approve !== false) {
    const approved = await bureau.post(`/api/engineers/${id}/approve`, { note: '证书核验无误' });
    if (approved.statusCode !== 200)
      throw new Error(`approving an engineer: ${approved.statusCode} ${approved.body}`);
  }
  return { user, client, id, certificateNumber };
}
