/**
 * The fixtures of the white-list part of the authorization matrix: a foreign scope's applications, opinions, batches,
 * public notices and objections, entries, annual reviews, exits and measures, written straight into the tables (the
 * workflow's own tests walk the API; here only the states matter), and their states read back. The routeMatrix
 * entries of those routes are in whitelist-matrix.test-support.ts. Used by authz-matrix.test.ts, which owns the
 * roles, sessions and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production): the test passes what it needs in.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { chinaDate } from '../../domain/readiness.js';
import { enterprises } from '../db/schema/registry.js';
import {
  annualReviews,
  collectionBatches,
  measures,
  objections,
  publicNotices,
  whitelistApplications,
  whitelistEntries,
  whitelistExits,
  whitelistOpinions,
} from '../db/schema/whitelist.js';
import type { Db } from '../platform/db/client.js';

/** A foreign scope's white-list entities, each in the state its routes act on. */
export interface WhitelistForeign {
  /** in `opinions`, with a pending opinion of `departmentId` (withdraw, reject, solicit, answer, put on notice) */
  opinionsApplicationId: string;
  /** the pending opinion on it */
  opinionId: string;
  /** the department it was asked of */
  departmentId: string;
  /** a draft (submit) */
  draftApplicationId: string;
  /** submitted, not collected (collect into a batch, return by the subdistrict) */
  submittedApplicationId: string;
  /** collected in `batchId` (start formal review) */
  collectedApplicationId: string;
  batchId: string;
  /** on `noticeId`, with the open objection `objectionId` */
  noticedApplicationId: string;
  /** open, its period running (publish) */
  noticeId: string;
  objectionId: string;
  /** active, of the foreign enterprise itself, with `exitId` proposed and `reviewId` submitted (suspend, propose, withdraw) */
  entryId: string;
  /** suspended (reinstate) */
  suspendedEntryId: string;
  exitId: string;
  reviewId: string;
  /** a measure of the foreign enterprise */
  measureId: string;
  /** every application, and the published ones behind the two entries */
  applicationIds: string[];
  /** id → status of every fixture, as built: the refused writes must leave them so */
  states: Record<string, string>;
}

const eligibility = { judgedOn: '2025-01-06', eligible: true, conditions: [] };

/**
 * In one scope: the foreign enterprise gets an active entry (with a proposed exit, a submitted annual review and a
 * measure) and an application in `opinions`; four more enterprises of its subdistrict get an application each
 * (draft, submitted, collected into a batch, on a running notice with an open objection), the last one also a
 * suspended entry from an earlier application.
 */
export async function buildWhitelistFixtures(opts: {
  db: Db;
  jurisdictionId: string;
  subdistrictId: string;
  enterpriseId: string;
  /** a department (not the bureau) the opinion is asked of */
  departmentId: string;
  uscc: () => string;
}): Promise<WhitelistForeign> {
  const { db, jurisdictionId, subdistrictId, departmentId } = opts;
  const tag = randomBytes(3).toString('hex');
  const today = chinaDate(new Date());
  const more = async (i: number) =>
    (
      await db
        .insert(enterprises)
        .values({
          jurisdictionId,
          uscc: opts.uscc(),
          name: `矩阵白名单鞋业有限公司${tag}${i}`,
          legalRepresentative: '张三',
          subdistrictId,
          industryCode: '1952',
          scale: 'small',
        })
        .returning({ id: enterprises.id })
    )[0].id;
  const application = async (
    enterpriseId: string,
    status: (typeof whitelistApplications.$inferInsert)['status'],
    extra: Partial<typeof whitelistApplications.$inferInsert> = {},
  ) =>
    (
      await db
        .insert(whitelistApplications)
        .values({
          jurisdictionId,
          enterpriseId,
          subdistrictId,
          enterpriseName: `矩阵白名单申请${tag}`,
          uscc: '913303020000000000',
          industryCode: '1952',
          status,
          eligibility,
          ...extra,
        })
        .returning({ id: whitelistApplications.id })
    )[0].id;
  const entry = async (enterpriseId: string, applicationId: string, status: 'active' | 'suspended') =>
    (
      await db
        .insert(whitelistEntries)
        .values({
          jurisdictionId,
          enterpriseId,
          subdistrictId,
          enterpriseName: `矩阵白名单企业${tag}`,
          uscc: '913303020000000000',
          industryCode: '1952',
          applicationId,
          number: `MX-${tag}-${status}`,
          validFrom: '2025-01-01',
          validTo: '2099-12-31',
          status,
          plaqueDocumentId: randomUUID(),
          plaqueNumber: `MXP-${tag}-${status}`,
          plaqueVerifyUrl: `/verify/mx${tag}${status}`,
          ...(status === 'suspended' ? { suspendedReason: '矩阵测试：事故调查期间' } : {}),
        })
        .returning({ id: whitelistEntries.id })
    )[0].id;

  // the foreign enterprise: listed, and (as the tables allow) an open application of its own
  const publishedX = await application(opts.enterpriseId, 'published');
  const entryId = await entry(opts.enterpriseId, publishedX, 'active');
  const [{ id: exitId }] = await db
    .insert(whitelistExits)
    .values({
      jurisdictionId,
      entryId,
      enterpriseId: opts.enterpriseId,
      subdistrictId,
      reason: 'major_hazard',
      sourceKind: 'manual',
      summary: '矩阵测试：重大事故隐患',
    })
    .returning({ id: whitelistExits.id });
  const [{ id: reviewId }] = await db
    .insert(annualReviews)
    .values({
      jurisdictionId,
      entryId,
      enterpriseId: opts.enterpriseId,
      subdistrictId,
      dueOn: '2099-12-31',
      status: 'submitted',
      eligibility,
      submittedAt: new Date(),
    })
    .returning({ id: annualReviews.id });
  const [{ id: measureId }] = await db
    .insert(measures)
    .values({
      jurisdictionId,
      enterpriseId: opts.enterpriseId,
      kind: 'intensified_inspection',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      note: '矩阵测试',
    })
    .returning({ id: measures.id });
  const opinionsApplicationId = await application(opts.enterpriseId, 'opinions');
  const [{ id: opinionId }] = await db
    .insert(whitelistOpinions)
    .values({ jurisdictionId, applicationId: opinionsApplicationId, departmentId, deadline: '2099-12-31' })
    .returning({ id: whitelistOpinions.id });

  const draftApplicationId = await application(await more(1), 'draft');
  const submittedApplicationId = await application(await more(2), 'submitted', { submittedAt: new Date() });
  const [{ id: batchId }] = await db
    .insert(collectionBatches)
    .values({ jurisdictionId, subdistrictId, note: '矩阵测试批次' })
    .returning({ id: collectionBatches.id });
  const collectedApplicationId = await application(await more(3), 'collected', {
    batchId,
    submittedAt: new Date(),
    collectedAt: new Date(),
  });
  const [{ id: noticeId }] = await db
    .insert(publicNotices)
    .values({
      jurisdictionId,
      title: '矩阵测试公示',
      number: `MXN-${tag}`,
      documentId: randomUUID(),
      verifyUrl: `/verify/mxn${tag}`,
      startsOn: today,
      endsOn: '2099-12-31',
    })
    .returning({ id: publicNotices.id });
  const y = await more(4);
  const publishedY = await application(y, 'published');
  const suspendedEntryId = await entry(y, publishedY, 'suspended');
  const noticedApplicationId = await application(y, 'public_notice', { noticeId });
  const [{ id: objectionId }] = await db
    .insert(objections)
    .values({
      jurisdictionId,
      noticeId,
      applicationId: noticedApplicationId,
      name: '矩阵',
      contact: '13800000000',
      content: '矩阵测试：该企业存在违法行为',
      sourceHash: `mx${tag}`,
    })
    .returning({ id: objections.id });

  const applicationIds = [
    publishedX,
    opinionsApplicationId,
    draftApplicationId,
    submittedApplicationId,
    collectedApplicationId,
    publishedY,
    noticedApplicationId,
  ];
  const built: Omit<WhitelistForeign, 'states'> = {
    opinionsApplicationId,
    opinionId,
    departmentId,
    draftApplicationId,
    submittedApplicationId,
    collectedApplicationId,
    batchId,
    noticedApplicationId,
    noticeId,
    objectionId,
    entryId,
    suspendedEntryId,
    exitId,
    reviewId,
    measureId,
    applicationIds,
  };
  return { ...built, states: await whitelistStates(db, { ...built, states: {} }) };
}

/** id → status of every fixture of a scope, now (compared with `states` after the refused writes). */
export async function whitelistStates(db: Db, w: WhitelistForeign): Promise<Record<string, string>> {
  const pairs = (rows: { id: string; status: string }[]) => rows.map((r) => [r.id, r.status] as const);
  const A = whitelistApplications;
  return Object.fromEntries([
    ...pairs(await db.select({ id: A.id, status: A.status }).from(A).where(inArray(A.id, w.applicationIds))),
    ...pairs(
      await db
        .select({ id: whitelistOpinions.id, status: whitelistOpinions.status })
        .from(whitelistOpinions)
        .where(inArray(whitelistOpinions.id, [w.opinionId])),
    ),
    ...pairs(
      await db
        .select({ id: publicNotices.id, status: publicNotices.status })
        .from(publicNotices)
        .where(inArray(publicNotices.id, [w.noticeId])),
    ),
    ...pairs(
      await db
        .select({ id: objections.id, status: objections.status })
        .from(objections)
        .where(inArray(objections.id, [w.objectionId])),
    ),
    ...pairs(
      await db
        .select({ id: whitelistEntries.id, status: whitelistEntries.status })
        .from(whitelistEntries)
        .where(inArray(whitelistEntries.id, [w.entryId, w.suspendedEntryId])),
    ),
    ...pairs(
      await db
        .select({ id: whitelistExits.id, status: whitelistExits.status })
        .from(whitelistExits)
        .where(inArray(whitelistExits.enterpriseId, await entryEnterprises(db, w))),
    ),
    ...pairs(
      await db
        .select({ id: annualReviews.id, status: annualReviews.status })
        .from(annualReviews)
        .where(inArray(annualReviews.entryId, [w.entryId, w.suspendedEntryId])),
    ),
  ]);
}

/** the enterprises of the two entries: a refused exit proposal or withdrawal would have added an exit of theirs */
async function entryEnterprises(db: Db, w: WhitelistForeign) {
  return (
    await db
      .select({ id: whitelistEntries.enterpriseId })
      .from(whitelistEntries)
      .where(inArray(whitelistEntries.id, [w.entryId, w.suspendedEntryId]))
  ).map((r) => r.id);
}
