/**
 * The fixtures of the enforcement part of the authorization matrix: in one foreign scope, an inspection with a
 * violation recorded by an enforcement officer of a department no matrix role is bound to, at the scope's foreign
 * enterprise, the advice letter it produced, and two campaigns of that department on the enterprise's subdistrict
 * (one proposed, one approved by the bureau and sent), all made through the API and the module's own sending step so
 * that every state is real; and their states read back. The routeMatrix entries of those routes are in
 * enforcement-matrix.test-support.ts. Used by authz-matrix.test.ts, which owns the roles, sessions and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production): the test passes what it needs in.
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { addDays, chinaDate } from '../../domain/readiness.js';
import {
  adviceCampaigns,
  adviceLetters,
  enforcementInspections,
  violations,
  violationTypes,
} from '../db/schema/enforcement.js';
import { sendCampaignChunk } from '../modules/enforcement/commands/send-campaign.js';
import { seedViolationTypes } from '../modules/enforcement/seed.js';
import { expectOk, sendAs, type MatrixEnv, type Session } from './matrix-fixtures.test-support.js';

/** A foreign scope's enforcement entities, each in the state its routes act on. */
export interface EnforcementForeign {
  /** the foreign enterprise (inspected, written to) and its subdistrict (the campaigns' scope) */
  enterpriseId: string;
  subdistrictId: string;
  /** the department that inspected and proposed */
  departmentId: string;
  /** the scope's jurisdiction's violation-type catalog */
  violationTypeIds: string[];
  /** a violation type of the matrix sessions' own jurisdiction, for their (refused) proposals */
  callerViolationTypeId: string;
  inspectionId: string;
  /** open (rectify) */
  violationId: string;
  /** the letter the violation produced: sent, not replied (reply) */
  letterId: string;
  /** proposed (approve, reject) */
  proposedCampaignId: string;
  /** approved and sent (close) */
  sentCampaignId: string;
  /** the sent campaign's letter to the foreign enterprise */
  campaignLetterId: string;
  /** id → status of every fixture, and the count of inspections and campaigns of the scope, as built */
  states: Record<string, string>;
}

/** What an enforcement fixture needs to log in as: a new user of the scope's jurisdiction bound to one unit. */
export type UserIn = (role: 'enforcement_officer' | 'department_officer', unitId: string) => Promise<Session>;

/**
 * In one scope: an enforcement officer of `departmentId` inspects the foreign enterprise and finds one violation
 * (which issues a rectification notice and an advice letter); a department officer of the same department proposes
 * two campaigns on the enterprise's subdistrict, for two other violation types; the bureau approves the second, and
 * its letters are sent by the campaign job's own step (sendCampaignChunk), so it is `sent`. The job stays queued and
 * finds nothing left to do when the test drains the queue.
 */
export async function buildEnforcementFixtures(opts: {
  env: MatrixEnv;
  enterprise: { id: string; subdistrictId: string };
  /** a department of the scope's jurisdiction that no matrix role is bound to */
  departmentId: string;
  userIn: UserIn;
  /** a bureau administrator of the scope's jurisdiction */
  bureau: Session;
  /** the jurisdiction of the matrix's sessions (A) */
  callersJurisdictionId: string;
}): Promise<EnforcementForeign> {
  const { env, enterprise, departmentId, bureau } = opts;
  const { app, db } = env;
  // a jurisdiction seeded after the app (the other one) has no catalog yet; idempotent for the rest
  await seedViolationTypes(db);
  const inspector = await opts.userIn('enforcement_officer', departmentId);
  const proposer = await opts.userIn('department_officer', departmentId);
  const get = async <T>(who: Session, url: string, what: string) =>
    (await expectOk(sendAs(app, who, 'GET', { url }), what)).json<T>();
  const post = async <T>(who: Session, url: string, body: unknown, what: string) =>
    (await expectOk(sendAs(app, who, 'POST', { url, body }), what)).json<T>();

  const types = await get<{ id: string }[]>(inspector, '/api/violation-types', 'the violation types');
  if (types.length < 3) throw new Error(`the violation-type catalog has ${types.length} types, 3 needed`);
  const today = chinaDate(new Date());
  const { id: inspectionId } = await post<{ id: string }>(
    inspector,
    '/api/enforcement/inspections',
    {
      enterpriseId: enterprise.id,
      inspectedOn: today,
      findings: '矩阵测试：现场检查',
      rectifyBy: addDays(today, 30),
      violations: [{ violationTypeId: types[0].id, description: '矩阵测试：违法事实' }],
    },
    'record an inspection',
  );
  const inspection = await get<{ violations: { id: string; letterId: string | null }[] }>(
    inspector,
    `/api/enforcement/inspections/${inspectionId}`,
    'the inspection',
  );
  const [violation] = inspection.violations;
  if (!violation?.letterId) throw new Error('the inspection produced no violation with a letter');
  // an earlier inspection whose violation is past its deadline: the enterprise is a focus enterprise
  await post(
    inspector,
    '/api/enforcement/inspections',
    {
      enterpriseId: enterprise.id,
      inspectedOn: addDays(today, -40),
      findings: '矩阵测试：上次检查',
      rectifyBy: addDays(today, -10),
      violations: [{ violationTypeId: types[0].id, description: '矩阵测试：逾期未整改' }],
    },
    'record an earlier inspection',
  );

  const propose = (violationTypeId: string, reason: string) =>
    post<{ id: string }>(
      proposer,
      '/api/advice/campaigns',
      { violationTypeId, scopeType: 'subdistrict', scopeValue: enterprise.subdistrictId, reason },
      'propose a campaign',
    );
  const { id: proposedCampaignId } = await propose(types[1].id, '矩阵测试：待批准的批次');
  const { id: sentCampaignId } = await propose(types[2].id, '矩阵测试：已发送的批次');
  await post(bureau, `/api/advice/campaigns/${sentCampaignId}/approve`, undefined, 'approve the campaign');
  for (let step = await sendCampaignChunk(db, sentCampaignId); !step.done;)
    step = await sendCampaignChunk(db, sentCampaignId);
  const sent = await get<{ status: string }>(bureau, `/api/advice/campaigns/${sentCampaignId}`, 'campaign');
  if (sent.status !== 'sent') throw new Error(`the approved campaign is ${sent.status}, not sent`);
  const letters = await get<{ items: { id: string }[] }>(
    bureau,
    `/api/advice/letters?campaignId=${sentCampaignId}&enterpriseId=${enterprise.id}`,
    'the campaign letter',
  );
  if (letters.items.length !== 1)
    throw new Error('the sent campaign wrote no letter to the foreign enterprise');

  const [callerType] = await db
    .select({ id: violationTypes.id })
    .from(violationTypes)
    .where(
      and(eq(violationTypes.jurisdictionId, opts.callersJurisdictionId), eq(violationTypes.active, true)),
    )
    .orderBy(asc(violationTypes.code))
    .limit(1);
  const built: Omit<EnforcementForeign, 'states'> = {
    enterpriseId: enterprise.id,
    subdistrictId: enterprise.subdistrictId,
    departmentId,
    violationTypeIds: types.map((t) => t.id),
    callerViolationTypeId: callerType.id,
    inspectionId,
    violationId: violation.id,
    letterId: violation.letterId,
    proposedCampaignId,
    sentCampaignId,
    campaignLetterId: letters.items[0].id,
  };
  return { ...built, states: await enforcementStates(db, { ...built, states: {} }) };
}

/**
 * id → status of a scope's violation, letters and campaigns, and how many inspections its enterprise and campaigns
 * its subdistrict have, now (compared with `states` after the refused writes: a refused recording or proposal
 * would have added one).
 */
export async function enforcementStates(db: MatrixEnv['db'], e: EnforcementForeign) {
  const pairs = (rows: { id: string; status: string }[]) => rows.map((r) => [r.id, r.status] as const);
  const [{ inspections }] = await db
    .select({ inspections: count() })
    .from(enforcementInspections)
    .where(eq(enforcementInspections.enterpriseId, e.enterpriseId));
  const [{ campaigns }] = await db
    .select({ campaigns: count() })
    .from(adviceCampaigns)
    .where(eq(adviceCampaigns.scopeValue, e.subdistrictId));
  return Object.fromEntries([
    ...pairs(
      await db
        .select({
          id: violations.id,
          status: sql<string>`${violations.status} || '/' || ${violations.decisionStatus}`,
        })
        .from(violations)
        .where(eq(violations.id, e.violationId)),
    ),
    ...pairs(
      await db
        .select({ id: adviceLetters.id, status: adviceLetters.status })
        .from(adviceLetters)
        .where(inArray(adviceLetters.id, [e.letterId, e.campaignLetterId])),
    ),
    ...pairs(
      await db
        .select({ id: adviceCampaigns.id, status: adviceCampaigns.status })
        .from(adviceCampaigns)
        .where(inArray(adviceCampaigns.id, [e.proposedCampaignId, e.sentCampaignId])),
    ),
    ['inspections of the enterprise', String(inspections)],
    ['campaigns on the subdistrict', String(campaigns)],
  ]) as Record<string, string>;
}
