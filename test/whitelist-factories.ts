import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { addMonths } from '../domain/confirmations.js';
import { chinaDate } from '../domain/readiness.js';
import { confirmations } from '../server/db/schema/confirmations.js';
import { publicNotices } from '../server/db/schema/whitelist.js';
import { keyItemsHash } from '../server/modules/confirmations/index.js';
import { applicableStandard } from '../server/modules/standards/index.js';
import { buildAgency } from './agency-factories.js';
import { loginAs, type ApiClient } from './client.js';
import type { TestContext } from './context.js';
import { buildUser } from './factories.js';
import { buildEnterprise, type BuiltEnterprise } from './registry-factories.js';
import { uploadEvidence } from './upload.js';

const today = () => chinaDate(new Date());

/** Sign, self-inspect with every item compliant: what an enterprise does before it can apply. */
export async function signAndSelfInspect(ctx: TestContext, e: BuiltEnterprise): Promise<ApiClient> {
  const client = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] }),
  );
  await client.post(`/api/enterprises/${e.id}/commitment`, {
    signatoryName: '张三',
    signatoryCapacity: 'legal_representative',
  });
  const started = (await client.post('/api/inspections', { enterpriseId: e.id, kind: 'self' })).json();
  const photo = await uploadEvidence(client, 'assessment', started.id);
  for (const a of started.answers as { itemCode: string; isKey: boolean }[]) {
    await client.put(`/api/inspections/${started.id}/answers/${a.itemCode}`, {
      result: 'compliant',
      evidence: a.isKey ? [photo] : [],
    });
  }
  expect((await client.post(`/api/inspections/${started.id}/complete`)).statusCode).toBe(200);
  return client;
}

/** A confirmed third-party confirmation straight in the table (its own flow is tested in the confirmations module). */
export async function confirmInTable(ctx: TestContext, e: BuiltEnterprise) {
  const agency = await buildAgency(ctx, { kinds: ['confirmation'], grade: 'B' });
  const standard = await applicableStandard(ctx.db, {
    id: e.id,
    jurisdictionId: ctx.jurisdictionId,
    industryCode: '1952',
  });
  await ctx.db.insert(confirmations).values({
    jurisdictionId: ctx.jurisdictionId,
    enterpriseId: e.id,
    subdistrictId: e.subdistrictId,
    agencyId: agency.id,
    status: 'confirmed',
    standardId: standard!.standardId,
    standardVersionId: standard!.versionId,
    standardTitle: standard!.title,
    versionNumber: standard!.versionNumber,
    keyItemsHash: keyItemsHash(standard!.items),
    conclusion: 'confirmed',
    concludedAt: new Date(),
    validUntil: addMonths(today(), 12),
  });
}

/** An enterprise that meets every entry condition, with its user signed in (needs the footwear standard filed). */
export async function buildEligibleEnterprise(
  ctx: TestContext,
  opts: { subdistrict?: string; name?: string } = {},
): Promise<{ enterprise: BuiltEnterprise; client: ApiClient }> {
  const enterprise = await buildEnterprise(ctx, {
    subdistrict: opts.subdistrict ?? 'shuangyu',
    ...(opts.name ? { name: opts.name } : {}),
  });
  const client = await signAndSelfInspect(ctx, enterprise);
  await confirmInTable(ctx, enterprise);
  return { enterprise, client };
}

/** Staff of each side of the workflow, signed in. */
export async function whitelistStaff(ctx: TestContext) {
  return {
    bureau: await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] })),
    subdistrict: await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
    ),
    fire: await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'department_officer', unit: 'xf' }] })),
    fireId: await ctx.unit('xf'),
  };
}

/** Move a notice's period into the past, as if its working days had run out. */
export async function endNoticePeriod(ctx: TestContext, noticeId: string) {
  await ctx.db
    .update(publicNotices)
    .set({ startsOn: '2026-01-05', endsOn: '2026-01-09' })
    .where(eq(publicNotices.id, noticeId));
}

/** An eligible enterprise taken through the whole workflow by the API: on the white list, with its plaque. */
export async function buildListedEnterprise(
  ctx: TestContext,
  staff: Awaited<ReturnType<typeof whitelistStaff>>,
) {
  const { enterprise, client } = await buildEligibleEnterprise(ctx);
  const step = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json() as { id: string };
  };
  const { id } = await step(client.post('/api/whitelist/applications', { enterpriseId: enterprise.id }));
  await step(client.post(`/api/whitelist/applications/${id}/submit`));
  await step(staff.subdistrict.post('/api/whitelist/batches', { applicationIds: [id] }));
  await step(staff.bureau.post(`/api/whitelist/applications/${id}/review`));
  await step(
    staff.bureau.post(`/api/whitelist/applications/${id}/opinions`, { departmentIds: [staff.fireId] }),
  );
  await step(staff.fire.post(`/api/whitelist/applications/${id}/opinion`, { answer: 'agree' }));
  const notice = await step(staff.bureau.post('/api/whitelist/notices', { applicationIds: [id] }));
  await endNoticePeriod(ctx, notice.id);
  const published = (await step(
    staff.bureau.post(`/api/whitelist/notices/${notice.id}/publish`),
  )) as unknown as {
    entries: { id: string; number: string }[];
  };
  return { enterprise, client, applicationId: id, noticeId: notice.id, entry: published.entries[0] };
}
