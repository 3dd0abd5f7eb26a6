/**
 * The white-list part of the authorization matrix (applications, opinions, batches, public notices and objections,
 * entries, annual reviews, exits and measures) and its public routes: the fixtures of one scope, written straight
 * into the tables (the workflow's own tests walk the API; here only the states matter), and the routeMatrix entries
 * of those routes. Used by authz-matrix.test.ts, which owns the roles, sessions and checks.
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

interface Target {
  enterpriseId: string;
  whitelist: WhitelistForeign;
}
interface MatrixRequest {
  url: string;
  body?: unknown;
}
type WhitelistEntry<R extends string> =
  | { public: string }
  | {
      refused: readonly R[];
      call: (f: Target) => MatrixRequest;
      hide?: (f: Target, b: { departmentId: string }) => string[];
      foreign?: 'other jurisdiction';
    };

/**
 * routeMatrix entries of the white-list routes. Every role is refused the foreign scope's applications, opinions,
 * batches, notices, objections, entries, reviews, exits and measures: the jurisdiction-wide roles get the other
 * jurisdiction's (404, or a list without them), the 仰义 subdistrict officer, the enterprise user (of another
 * enterprise), the agency, association and expert users a 双屿 enterprise's (404: their scope holds no white-list row,
 * or a list without them). Bureau-only writes on notices and objections are a role gate first (403), then the
 * jurisdiction (404). Each write targets an entity in the state the action needs (a draft to submit, a submitted
 * application to collect, a collected one to review, one in `opinions` to answer and put on notice, an open objection,
 * an active and a suspended entry, a proposed exit, a submitted review), so that what answers is the scope check and
 * not a state check. The department list is the bureau's own jurisdiction's: pointed at the other jurisdiction's.
 * The public routes read and file against notices and entries the public may see.
 */
export function whitelistMatrixEntries<R extends string>(
  all: readonly R[],
): Record<string, WhitelistEntry<R>> {
  const app = (id: string, action = '', body?: unknown): MatrixRequest => ({
    url: `/api/whitelist/applications/${id}${action}`,
    ...(body === undefined ? {} : { body }),
  });
  const entry = (id: string, action = '', body?: unknown): MatrixRequest => ({
    url: `/api/whitelist/entries/${id}${action}`,
    ...(body === undefined ? {} : { body }),
  });
  const wl = (f: Target) => f.whitelist;
  return {
    // ── public ──
    'GET /api/public/whitelist': {
      public: 'anyone looks up the enterprises on the white list (entries in force)',
    },
    'GET /api/public/notices': {
      public: 'the white-list notices whose period is running are published to everyone',
    },
    'POST /api/public/notices/{id}/objections': {
      public: 'anyone may object to an enterprise on public notice (named, rate-limited per address)',
    },

    // ── applications ──
    'GET /api/whitelist/applications': {
      refused: all,
      call: () => ({ url: '/api/whitelist/applications?pageSize=200' }),
      hide: (f) => wl(f).applicationIds,
    },
    'POST /api/whitelist/applications': {
      refused: all,
      call: (f) => ({ url: '/api/whitelist/applications', body: { enterpriseId: f.enterpriseId } }),
    },
    'GET /api/whitelist/applications/{id}': {
      refused: all,
      call: (f) => app(wl(f).opinionsApplicationId),
    },
    'POST /api/whitelist/applications/{id}/submit': {
      refused: all,
      call: (f) => app(wl(f).draftApplicationId, '/submit'),
    },
    'POST /api/whitelist/applications/{id}/withdraw': {
      refused: all,
      call: (f) => app(wl(f).opinionsApplicationId, '/withdraw', { reason: '越权撤回' }),
    },
    'POST /api/whitelist/applications/{id}/return': {
      refused: all,
      call: (f) => app(wl(f).submittedApplicationId, '/return', { reason: '越权退回' }),
    },
    'POST /api/whitelist/applications/{id}/review': {
      refused: all,
      call: (f) => app(wl(f).collectedApplicationId, '/review'),
    },
    'POST /api/whitelist/applications/{id}/reject': {
      refused: all,
      call: (f) => app(wl(f).opinionsApplicationId, '/reject', { reason: '越权不予入库' }),
    },
    'POST /api/whitelist/applications/{id}/opinions': {
      refused: all,
      call: (f) => app(wl(f).opinionsApplicationId, '/opinions', { departmentIds: [wl(f).departmentId] }),
    },
    'POST /api/whitelist/applications/{id}/opinion': {
      refused: all,
      call: (f) => app(wl(f).opinionsApplicationId, '/opinion', { answer: 'agree' }),
    },
    'GET /api/whitelist/opinions': {
      refused: all,
      call: () => ({ url: '/api/whitelist/opinions?pageSize=200' }),
      hide: (f) => [wl(f).opinionId],
    },
    'GET /api/whitelist/departments': {
      refused: all,
      foreign: 'other jurisdiction',
      call: () => ({ url: '/api/whitelist/departments' }),
      hide: (_, b) => [b.departmentId],
    },

    // ── collection batches ──
    'POST /api/whitelist/batches': {
      refused: all,
      call: (f) => ({
        url: '/api/whitelist/batches',
        body: { applicationIds: [wl(f).submittedApplicationId], note: '越权收集' },
      }),
    },
    'GET /api/whitelist/batches': {
      refused: all,
      call: () => ({ url: '/api/whitelist/batches?pageSize=200' }),
      hide: (f) => [wl(f).batchId],
    },

    // ── public notices and objections ──
    'GET /api/whitelist/notices': {
      refused: all,
      call: () => ({ url: '/api/whitelist/notices?pageSize=200' }),
      hide: (f) => [wl(f).noticeId],
    },
    'POST /api/whitelist/notices': {
      refused: all,
      call: (f) => ({
        url: '/api/whitelist/notices',
        body: { applicationIds: [wl(f).opinionsApplicationId], title: '越权公示' },
      }),
    },
    'GET /api/whitelist/notices/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/whitelist/notices/${wl(f).noticeId}` }),
    },
    'POST /api/whitelist/notices/{id}/publish': {
      refused: all,
      call: (f) => ({ url: `/api/whitelist/notices/${wl(f).noticeId}/publish` }),
    },
    'POST /api/whitelist/objections/{id}/handle': {
      refused: all,
      call: (f) => ({
        url: `/api/whitelist/objections/${wl(f).objectionId}/handle`,
        body: { decision: 'dismiss', reason: '越权处理' },
      }),
    },

    // ── entries, exits, reviews, measures ──
    'GET /api/whitelist/entries': {
      refused: all,
      call: () => ({ url: '/api/whitelist/entries?pageSize=200' }),
      hide: (f) => [wl(f).entryId, wl(f).suspendedEntryId],
    },
    'GET /api/whitelist/entries/{id}': { refused: all, call: (f) => entry(wl(f).entryId) },
    'POST /api/whitelist/entries/{id}/suspend': {
      refused: all,
      call: (f) => entry(wl(f).entryId, '/suspend', { reason: '越权暂停' }),
    },
    'POST /api/whitelist/entries/{id}/reinstate': {
      refused: all,
      call: (f) => entry(wl(f).suspendedEntryId, '/reinstate', { reason: '越权恢复' }),
    },
    'POST /api/whitelist/entries/{id}/exit-proposals': {
      refused: all,
      call: (f) => entry(wl(f).entryId, '/exit-proposals', { reason: 'accident', summary: '越权提出退出' }),
    },
    'POST /api/whitelist/entries/{id}/withdraw': {
      refused: all,
      call: (f) => entry(wl(f).entryId, '/withdraw', { summary: '越权申请退出' }),
    },
    'GET /api/whitelist/exits': {
      refused: all,
      call: () => ({ url: '/api/whitelist/exits?pageSize=200' }),
      hide: (f) => [wl(f).exitId],
    },
    'GET /api/whitelist/exits/{id}': {
      refused: all,
      call: (f) => ({ url: `/api/whitelist/exits/${wl(f).exitId}` }),
    },
    'POST /api/whitelist/exits/{id}/decide': {
      refused: all,
      call: (f) => ({
        url: `/api/whitelist/exits/${wl(f).exitId}/decide`,
        body: { decision: 'dismiss', note: '越权决定' },
      }),
    },
    'GET /api/whitelist/reviews': {
      refused: all,
      call: () => ({ url: '/api/whitelist/reviews?pageSize=200' }),
      hide: (f) => [wl(f).reviewId],
    },
    'POST /api/whitelist/reviews/{id}/submit': {
      refused: all,
      call: (f) => ({ url: `/api/whitelist/reviews/${wl(f).reviewId}/submit` }),
    },
    'POST /api/whitelist/reviews/{id}/decide': {
      refused: all,
      call: (f) => ({
        url: `/api/whitelist/reviews/${wl(f).reviewId}/decide`,
        body: { decision: 'pass', note: '越权复核' },
      }),
    },
    'GET /api/enterprises/{id}/whitelist': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/whitelist` }),
      hide: (f) => [wl(f).entryId],
    },
    'GET /api/enterprises/{id}/measures': {
      refused: all,
      call: (f) => ({ url: `/api/enterprises/${f.enterpriseId}/measures` }),
      hide: (f) => [wl(f).measureId],
    },
  };
}
