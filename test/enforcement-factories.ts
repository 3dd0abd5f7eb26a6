import { eq, sql } from 'drizzle-orm';
import { violationTypes } from '../server/db/schema/index.js';
import { queryRows } from '../server/platform/db/client.js';
import { loginAs, type ApiClient } from './client.js';
import type { TestContext } from './context.js';
import { buildUser } from './factories.js';
import { buildEnterprise, type BuiltEnterprise } from './registry-factories.js';

/** The people of the enforcement workflow, logged in. */
export async function enforcementStaff(ctx: TestContext) {
  const as = async (role: Parameters<typeof buildUser>[1] & object) =>
    loginAs(ctx, await buildUser(ctx, role));
  return {
    bureauAdmin: await as({ roles: [{ role: 'bureau_admin', unit: 'yjj' }] }),
    bureauReviewer: await as({ roles: [{ role: 'bureau_reviewer', unit: 'yjj' }] }),
    /** an enforcement officer of the bureau */
    officer: await as({ roles: [{ role: 'enforcement_officer', unit: 'yjj' }] }),
    /** an enforcement officer of the fire brigade */
    fireOfficer: await as({ roles: [{ role: 'enforcement_officer', unit: 'xf' }] }),
    fireStaff: await as({ roles: [{ role: 'department_officer', unit: 'xf' }] }),
    shuangyu: await as({ roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
    yangyi: await as({ roles: [{ role: 'subdistrict_officer', unit: 'yangyi' }] }),
  };
}

export async function violationTypeId(ctx: TestContext, code: string): Promise<string> {
  const [row] = await ctx.db.select().from(violationTypes).where(eq(violationTypes.code, code));
  if (!row) throw new Error(`no violation type ${code}`);
  return row.id;
}

/** An enterprise with a logged-in user of its own. */
export async function enterpriseWithUser(
  ctx: TestContext,
  opts: Parameters<typeof buildEnterprise>[1] = {},
): Promise<{ enterprise: BuiltEnterprise; client: ApiClient }> {
  const enterprise = await buildEnterprise(ctx, opts);
  const client = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: enterprise.id }] }),
  );
  return { enterprise, client };
}

/** POST an inspection with the given violations (type codes), dated today, expecting success. */
export async function inspect(
  ctx: TestContext,
  officer: ApiClient,
  enterpriseId: string,
  codes: string[],
  today: string,
): Promise<{ id: string; proposedCampaignIds: string[] }> {
  const res = await officer.post('/api/enforcement/inspections', {
    enterpriseId,
    inspectedOn: today,
    findings: '现场检查',
    rectifyBy: codes.length > 0 ? today : null,
    violations: await Promise.all(
      codes.map(async (code) => ({
        violationTypeId: await violationTypeId(ctx, code),
        description: `${code} 现场发现`,
      })),
    ),
  });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
}

/** Rows of a table, counted (a failed write must leave these unchanged). */
export async function countRows(ctx: TestContext, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row.n);
}
