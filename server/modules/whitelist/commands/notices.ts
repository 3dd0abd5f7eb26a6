import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { addMonths } from '../../../../domain/confirmations.js';
import { addDays, chinaDate } from '../../../../domain/readiness.js';
import { opinionsCleared, type OpinionStatus } from '../../../../domain/whitelist.js';
import {
  objections,
  publicNotices,
  whitelistApplications as apps,
  whitelistEntries,
  whitelistOpinions,
} from '../../../db/schema/whitelist.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { chinaDayEnd } from '../../../platform/documents/format.js';
import { documentIssuer } from '../../../platform/documents/issuer.js';
import { formatDocumentNumber, takeNextNumber } from '../../../platform/documents/numbering.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { workingDayEnd } from '../../calendar/index.js';
import { issueDocument } from '../../documents/commands/issue-document.js';
import { plaqueTemplate } from '../../documents/index.js';
import { notify } from '../../notifications/index.js';
import { listIndustries } from '../../registry/queries.js';
import { applicationEvents, noticeEvents } from '../events.js';
import { mayPublishNotices } from '../policy.js';
import { unitNames } from '../unit-names.js';
import { publicNoticeTemplate } from '../templates/public-notice.js';
import { loadApplicationFor, setApplicationStatus } from './move-application.js';

/** How the plaque names the jurisdiction: 鹿城区, not 温州市鹿城区. */
export async function plaqueJurisdictionName(tx: Db, jurisdictionId: string): Promise<string> {
  const issuer = await documentIssuer(tx, jurisdictionId);
  return issuer.jurisdictionName.replace(/^.*?市/, '');
}

/**
 * The bureau puts applications on public notice: each must have every current opinion agreed. The notice starts
 * `now` and runs for `whitelist.noticeWorkingDays` working days; it is issued as a numbered 公示 document.
 */
export async function openNotice(
  db: Db,
  actor: Actor,
  input: { applicationIds: string[]; title?: string },
  now = new Date(),
): Promise<string> {
  return inTransaction(db, async (tx) => {
    if (!mayPublishNotices(actor)) throw new AppError('FORBIDDEN');
    const ids = [...new Set(input.applicationIds)];
    const rows = [];
    for (const id of ids) {
      const { row } = await loadApplicationFor(tx, actor, id, 'notice', 'notice');
      const opinions = await tx
        .select({ status: whitelistOpinions.status })
        .from(whitelistOpinions)
        .where(eq(whitelistOpinions.applicationId, id));
      if (!opinionsCleared(opinions.map((o) => o.status as OpinionStatus)))
        throw new AppError('WHITELIST_OPINIONS_OPEN', {
          detail: `${row.enterpriseName}：部门意见尚未全部同意，不能进入公示`,
        });
      rows.push(row);
    }
    if (rows.length === 0) throw new AppError('WHITELIST_APPLICATION_NOT_FOUND');
    const startsOn = chinaDate(now);
    const s = await getSettings(tx, actor.jurisdictionId, ['whitelist.noticeWorkingDays']);
    const days = s['whitelist.noticeWorkingDays'];
    const end = await workingDayEnd(tx, startsOn, days);
    const endsEstimated = end.unknownYears.length > 0;
    const title = input.title?.trim() || `${startsOn.slice(0, 4)}年安全生产合规企业白名单拟入库名单公示`;
    const subdistricts = await unitNames(
      tx,
      rows.map((r) => r.subdistrictId),
    );
    const industries = await listIndustries(tx);
    const industryName = new Map(industries.map((i) => [i.code, i.name]));
    const id = randomUUID();
    const doc = await issueDocument(tx, actor, {
      template: publicNoticeTemplate,
      holder: { type: 'unit', id: null, name: '社会公众' },
      subject: { type: 'public_notice', id },
      data: {
        title,
        startsOn,
        endsOn: end.date,
        workingDays: days,
        endsEstimated,
        enterprises: rows.map((r) => ({
          enterpriseName: r.enterpriseName,
          uscc: r.uscc,
          subdistrictName: subdistricts.get(r.subdistrictId) ?? '',
          industryName: industryName.get(r.industryCode) ?? r.industryCode,
        })),
        objectionChannel: '通过本平台公众服务“公示公告”页面在线提出，须留真实姓名与联系方式',
      },
      enterpriseId: null,
      issuedAt: now,
    });
    await tx.insert(publicNotices).values({
      id,
      jurisdictionId: actor.jurisdictionId,
      title,
      number: doc.number,
      documentId: doc.id,
      verifyUrl: doc.verifyUrl,
      startsOn,
      endsOn: end.date,
      endsEstimated,
      createdBy: actor.userId,
      createdAt: now,
    });
    for (const row of rows) {
      await setApplicationStatus(tx, row, 'public_notice', { noticeId: id });
      await appendEvent(tx, {
        kind: applicationEvents.noticed,
        jurisdictionId: row.jurisdictionId,
        actor: eventActor(actor),
        entityType: 'whitelist_application',
        entityId: row.id,
        at: now,
        before: { status: row.status },
        after: { enterpriseId: row.enterpriseId, noticeId: id },
      });
    }
    await appendEvent(tx, {
      kind: noticeEvents.noticeOpened,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'public_notice',
      entityId: id,
      at: now,
      after: { number: doc.number, startsOn, endsOn: end.date, endsEstimated, applicationIds: ids },
    });
    return id;
  });
}

/**
 * After the period, with every objection handled, each application still on the notice becomes a white-list
 * entry: a number, a validity, a plaque. Applications taken off the notice by an upheld objection are not there.
 */
export async function publishNotice(
  db: Db,
  actor: Actor,
  noticeId: string,
  now = new Date(),
): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    if (!mayPublishNotices(actor)) throw new AppError('FORBIDDEN');
    const [notice] = await tx
      .select()
      .from(publicNotices)
      .where(and(eq(publicNotices.id, noticeId), eq(publicNotices.jurisdictionId, actor.jurisdictionId)))
      .for('update');
    if (!notice) throw new AppError('WHITELIST_NOTICE_NOT_FOUND');
    if (notice.status === 'published') throw new AppError('WHITELIST_NOTICE_PUBLISHED');
    const today = chinaDate(now);
    if (today <= notice.endsOn)
      throw new AppError('WHITELIST_NOTICE_NOT_ENDED', {
        detail: `公示期至 ${notice.endsOn} 届满，届满后方可发布`,
      });
    const [openObjection] = await tx
      .select({ id: objections.id })
      .from(objections)
      .where(and(eq(objections.noticeId, noticeId), eq(objections.status, 'open')));
    if (openObjection) throw new AppError('WHITELIST_OBJECTION_OPEN');
    const rows = await tx
      .select()
      .from(apps)
      .where(and(eq(apps.noticeId, noticeId), eq(apps.status, 'public_notice')))
      .orderBy(asc(apps.enterpriseName))
      .for('update');
    const s = await getSettings(tx, actor.jurisdictionId, [
      'whitelist.validityMonths',
      'whitelist.numberPattern',
    ]);
    const issuer = await documentIssuer(tx, actor.jurisdictionId);
    const year = Number(today.slice(0, 4));
    const validFrom = today;
    const validTo = addDays(addMonths(validFrom, s['whitelist.validityMonths']), -1);
    const entryIds: string[] = [];
    for (const row of rows) {
      const n = await takeNextNumber(tx, actor.jurisdictionId, 'whitelist_entry', year);
      const number = formatDocumentNumber(s['whitelist.numberPattern'], { short: issuer.shortName, year, n });
      const entryId = randomUUID();
      const plaque = await issueDocument(tx, actor, {
        template: plaqueTemplate,
        holder: { type: 'enterprise', id: row.enterpriseId, name: row.enterpriseName },
        subject: { type: 'whitelist_entry', id: entryId },
        data: {
          jurisdictionName: await plaqueJurisdictionName(tx, actor.jurisdictionId),
          enterpriseName: row.enterpriseName,
          whitelistNumber: number,
          validFrom,
          validTo,
        },
        validUntil: chinaDayEnd(validTo),
        subdistrictId: row.subdistrictId,
        issuedAt: now,
      });
      await tx.insert(whitelistEntries).values({
        id: entryId,
        jurisdictionId: row.jurisdictionId,
        enterpriseId: row.enterpriseId,
        subdistrictId: row.subdistrictId,
        enterpriseName: row.enterpriseName,
        uscc: row.uscc,
        industryCode: row.industryCode,
        applicationId: row.id,
        number,
        validFrom,
        validTo,
        plaqueDocumentId: plaque.id,
        plaqueNumber: plaque.number,
        plaqueVerifyUrl: plaque.verifyUrl,
        publishedAt: now,
      });
      await setApplicationStatus(tx, row, 'published', { decidedAt: now });
      await appendEvent(tx, {
        kind: applicationEvents.published,
        jurisdictionId: row.jurisdictionId,
        actor: eventActor(actor),
        entityType: 'whitelist_application',
        entityId: row.id,
        at: now,
        before: { status: row.status },
        after: { enterpriseId: row.enterpriseId, entryId, number },
      });
      await notify(tx, {
        jurisdictionId: row.jurisdictionId,
        unitKind: 'enterprise',
        unitId: row.enterpriseId,
        kind: 'whitelist.published',
        title: `已纳入安全生产合规白名单（${number}）`,
        body: `有效期 ${validFrom} 至 ${validTo}，可下载“安全生产合规企业”牌匾`,
        link: `/whitelist/entries/${entryId}`,
        entityType: 'whitelist_entry',
        entityId: entryId,
        at: now,
      });
      entryIds.push(entryId);
    }
    await tx
      .update(publicNotices)
      .set({ status: 'published', publishedAt: now })
      .where(and(eq(publicNotices.id, noticeId), ne(publicNotices.status, 'published')));
    await appendEvent(tx, {
      kind: noticeEvents.noticePublished,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'public_notice',
      entityId: noticeId,
      at: now,
      after: { number: notice.number, entryIds },
    });
    return entryIds;
  });
}

export async function applicationsOnNotice(tx: Db, noticeId: string) {
  return tx
    .select()
    .from(apps)
    .where(and(eq(apps.noticeId, noticeId), inArray(apps.status, ['public_notice', 'published'])));
}
