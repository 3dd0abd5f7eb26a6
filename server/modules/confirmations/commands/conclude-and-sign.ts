import { asc, eq } from 'drizzle-orm';
import { addMonths, requiredSignatures, signatureProblem } from '../../../../domain/confirmations.js';
import { chinaDate } from '../../../../domain/readiness.js';
import { confirmationItems, confirmationSignatures } from '../../../db/schema/confirmations.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { engineersByIds, getAgency } from '../../agencies/index.js';
import { issueDocument } from '../../documents/commands/issue-document.js';
import { notify } from '../../notifications/index.js';
import { enterpriseFacts } from '../../registry/queries.js';
import { hazardSeverity } from '../../../../domain/readiness.js';
import { raiseHazards } from '../../hazards/index.js';
import { versionItems } from '../../standards/index.js';
import { confirmationEvents } from '../events.js';
import { confirmationReportTemplate } from '../templates/confirmation-report.js';
import { assertMayConfirm } from './eligibility.js';
import { loadConfirmationFor, setStatus } from './move-confirmation.js';

/**
 * The agency concludes after checking every key item and visiting the site: "confirmed" only when no key item is
 * non-compliant. The conclusion then waits for the engineers' signatures.
 */
export async function concludeConfirmation(
  db: Db,
  actor: Actor,
  id: string,
  input: { conclusion: 'confirmed' | 'not_confirmed'; note?: string; siteVisitDate: string },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { row, to } = await loadConfirmationFor(tx, actor, id, 'conclude', 'conclude');
    const items = await tx.select().from(confirmationItems).where(eq(confirmationItems.confirmationId, id));
    const open = items.filter((i) => i.result === null);
    if (open.length > 0) {
      throw new AppError('CONFIRMATION_ITEM_UNANSWERED', {
        fieldErrors: open.map((i) => ({
          field: `items/${i.itemCode}`,
          code: 'CONFIRMATION_ITEM_UNANSWERED',
          message: '未检查',
        })),
      });
    }
    const today = chinaDate(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.siteVisitDate) || input.siteVisitDate > today) {
      throw new AppError('CONFIRMATION_SITE_VISIT_REQUIRED', {
        fieldErrors: [
          {
            field: 'body/siteVisitDate',
            code: 'CONFIRMATION_SITE_VISIT_REQUIRED',
            message: '现场核查日期不能晚于今天',
          },
        ],
      });
    }
    const failed = items.filter((i) => i.result === 'non_compliant');
    if (input.conclusion === 'confirmed' && failed.length > 0) {
      throw new AppError('CONFIRMATION_CONFIRMED_WITH_FAILURES', {
        fieldErrors: failed.map((i) => ({
          field: `items/${i.itemCode}`,
          code: 'CONFIRMATION_CONFIRMED_WITH_FAILURES',
          message: '不符合',
        })),
      });
    }
    await setStatus(tx, row, to, {
      conclusion: input.conclusion,
      conclusionNote: input.note?.trim() || null,
      siteVisitDate: input.siteVisitDate,
    });
    await appendEvent(tx, {
      kind: confirmationEvents.concluded,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'confirmation',
      entityId: id,
      before: { status: row.status },
      after: {
        enterpriseId: row.enterpriseId,
        agencyId: row.agencyId,
        conclusion: input.conclusion,
        siteVisitDate: input.siteVisitDate,
      },
    });
  });
}

/**
 * An engineer signs the conclusion as themselves. The engineer must belong to the agency, be approved and hold a
 * certificate valid today, and not have signed already; the agency must still be qualified. The second signature
 * makes the conclusion effective, issues the report and raises a hazard for each key item found non-compliant.
 */
export async function signConfirmation(db: Db, actor: Actor, id: string, engineerId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { row } = await loadConfirmationFor(tx, actor, id, 'sign', 'sign');
    const [engineer] = await engineersByIds(tx, [engineerId]);
    if (!engineer || engineer.jurisdictionId !== row.jurisdictionId) throw new AppError('ENGINEER_NOT_FOUND');
    if (engineer.userId !== actor.userId) throw new AppError('ENGINEER_NOT_YOU');
    const today = chinaDate(new Date());
    const signed = await tx
      .select()
      .from(confirmationSignatures)
      .where(eq(confirmationSignatures.confirmationId, id))
      .orderBy(asc(confirmationSignatures.signedAt));
    const problem = signatureProblem(
      engineer,
      row.agencyId,
      today,
      signed.map((s) => s.engineerId),
    );
    if (problem) throw new AppError(problem);
    const agency = await getAgency(tx, row.agencyId);
    if (!agency) throw new AppError('AGENCY_NOT_FOUND');
    await assertMayConfirm(tx, agency, row.enterpriseId, today);

    const now = new Date();
    await tx
      .insert(confirmationSignatures)
      .values({ confirmationId: id, engineerId, signedBy: actor.userId, signedOn: today, signedAt: now });
    const base = {
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'confirmation',
      entityId: id,
      at: now,
    };
    await appendEvent(tx, {
      ...base,
      kind: confirmationEvents.signed,
      after: {
        enterpriseId: row.enterpriseId,
        agencyId: row.agencyId,
        engineerId,
        certificateNumber: engineer.certificateNumber,
        signedOn: today,
      },
    });
    if (signed.length + 1 < requiredSignatures) return;

    // the second distinct engineer: the conclusion takes effect
    const conclusion = row.conclusion ?? 'not_confirmed';
    const validUntil =
      conclusion === 'confirmed'
        ? addMonths(today, await getSetting(tx, row.jurisdictionId, 'confirmation.validityMonths'))
        : null;
    const signers = await engineersByIds(tx, [...signed.map((s) => s.engineerId), engineerId]);
    const signedOn = new Map([
      ...signed.map((s) => [s.engineerId, s.signedOn] as const),
      [engineerId, today] as const,
    ]);
    const items = await tx
      .select()
      .from(confirmationItems)
      .where(eq(confirmationItems.confirmationId, id))
      .orderBy(asc(confirmationItems.position));
    const enterprise = await enterpriseFacts(tx, row.enterpriseId);
    if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
    const doc = await issueDocument(tx, actor, {
      template: confirmationReportTemplate,
      holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
      subject: { type: 'confirmation', id },
      subdistrictId: row.subdistrictId,
      agencyId: row.agencyId,
      issuedAt: now,
      validUntil: validUntil ? new Date(`${validUntil}T23:59:59+08:00`) : null,
      data: {
        enterpriseName: enterprise.name,
        uscc: enterprise.uscc,
        agencyName: agency.name,
        agencyGrade: agency.grade ?? '',
        standardTitle: row.standardTitle,
        versionNumber: row.versionNumber,
        siteVisitDate: row.siteVisitDate ?? today,
        conclusion,
        conclusionNote: row.conclusionNote ?? '',
        items: items.map((i) => ({
          code: i.itemCode,
          requirement: i.requirement.slice(0, 1000),
          result: i.result ?? 'not_applicable',
          note: i.note.slice(0, 1000),
        })),
        engineers: signers.map((e) => ({
          name: e.name,
          certificateNumber: e.certificateNumber,
          signedOn: signedOn.get(e.id) ?? today,
        })),
        ...(validUntil ? { validUntil } : {}),
      },
    });
    await setStatus(tx, { ...row, status: 'signing' }, conclusion, {
      concludedAt: now,
      validUntil,
      documentId: doc.id,
      documentNumber: doc.number,
    });
    await appendEvent(tx, {
      ...base,
      kind: confirmationEvents.effective,
      before: { status: 'signing' },
      after: {
        enterpriseId: row.enterpriseId,
        agencyId: row.agencyId,
        conclusion,
        validUntil,
        documentNumber: doc.number,
        engineerIds: signers.map((e) => e.id),
      },
    });
    // every key item the agency found non-compliant becomes a hazard the enterprise must fix
    const failedItems = items.filter((i) => i.result === 'non_compliant');
    if (failedItems.length > 0) {
      const pinned = new Map((await versionItems(tx, row.standardVersionId)).map((i) => [i.code, i]));
      await raiseHazards(
        tx,
        actor,
        {
          jurisdictionId: row.jurisdictionId,
          enterpriseId: row.enterpriseId,
          subdistrictId: row.subdistrictId,
          assessmentId: null,
          standardVersionId: row.standardVersionId,
          ownerName: null,
          guidingAgencyId: null,
        },
        failedItems.map((i) => ({
          itemCode: i.itemCode,
          title: `${i.itemCode} ${i.requirement}`.slice(0, 300),
          description: i.note ? `第三方确认发现：${i.note}` : '第三方确认发现不符合',
          ...hazardSeverity({ majorHazard: pinned.get(i.itemCode)?.majorHazard ?? null, markedMajor: false }),
        })),
      );
    }
    await notify(tx, {
      jurisdictionId: row.jurisdictionId,
      unitKind: 'enterprise',
      unitId: row.enterpriseId,
      kind: `confirmation.${conclusion}`,
      title:
        conclusion === 'confirmed' ? `第三方确认：确认合规，有效期至 ${validUntil}` : '第三方确认：不予确认',
      body: agency.name,
      link: `/confirmations/${id}`,
      entityType: 'confirmation',
      entityId: id,
    });
  });
}
