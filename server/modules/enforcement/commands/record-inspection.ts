import { and, eq, inArray } from 'drizzle-orm';
import type { Harm } from '../../../../domain/enforcement.js';
import { chinaDate, isCalendarDate } from '../../../../domain/readiness.js';
import { enforcementInspections, violations, violationTypes } from '../../../db/schema/enforcement.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError, type FieldError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { workingDayEnd } from '../../calendar/queries.js';
import { issueDocument } from '../../documents/commands/issue-document.js';
import { loadHazard } from '../../hazards/queries.js';
import { enterpriseFacts } from '../../registry/queries.js';
import { adviceEvents, enforcementEvents } from '../events.js';
import { detectFrequentViolations } from '../frequency.js';
import { issueLetters } from '../letters.js';
import { inspectingDepartments } from '../policy.js';
import { rectificationNoticeTemplate } from '../templates/rectification-notice.js';
import { unitOf } from '../units.js';

export interface InspectionInput {
  enterpriseId: string;
  /** needed only when the officer inspects for more than one department */
  departmentId?: string;
  inspectedOn: string;
  findings?: string;
  /** the rectification deadline; required when violations were found */
  rectifyBy?: string | null;
  violations: {
    violationTypeId: string;
    description: string;
    harm?: Harm;
    /** the enterprise's own hazard report this violation matches (it may earn a lighter penalty) */
    selfReportedHazardId?: string | null;
  }[];
}

/**
 * An enforcement officer records an inspection of one enterprise. Every violation found produces, in the same
 * transaction: one 责令限期整改指令书 listing them all, one advice letter per violation about its kind, and a check
 * of whether that kind has become frequent in the enterprise's industry or subdistrict (which proposes a campaign).
 */
export async function recordInspection(db: Db, actor: Actor, input: InspectionInput, now = new Date()) {
  const departments = inspectingDepartments(actor);
  const departmentId = input.departmentId ?? departments[0];
  if (!departmentId || !departments.includes(departmentId)) throw new AppError('FORBIDDEN');
  const today = chinaDate(now);
  const found = input.violations;
  const fieldErrors: FieldError[] = [];
  if (!isCalendarDate(input.inspectedOn) || input.inspectedOn > today)
    fieldErrors.push({
      field: 'body/inspectedOn',
      code: 'invalid',
      message: '检查日期须为不晚于今天的有效日期',
    });
  if (found.length > 0 && !input.rectifyBy)
    fieldErrors.push({ field: 'body/rectifyBy', code: 'invalid', message: '发现违法行为时须填写整改期限' });
  if (input.rectifyBy && (!isCalendarDate(input.rectifyBy) || input.rectifyBy < input.inspectedOn))
    fieldErrors.push({
      field: 'body/rectifyBy',
      code: 'invalid',
      message: '整改期限须为不早于检查日期的有效日期',
    });
  found.forEach((v, i) => {
    if (!v.description.trim())
      fieldErrors.push({
        field: `body/violations/${i}/description`,
        code: 'invalid',
        message: '请描述违法事实',
      });
  });
  if (fieldErrors.length > 0) throw new AppError('INSPECTION_DATES', { fieldErrors });

  return inTransaction(db, async (tx) => {
    const enterprise = await enterpriseFacts(tx, input.enterpriseId);
    if (!enterprise || enterprise.jurisdictionId !== actor.jurisdictionId)
      throw new AppError('ENTERPRISE_NOT_FOUND');
    const department = await unitOf(tx, actor.jurisdictionId, departmentId, 'department');
    if (!department) throw new AppError('FORBIDDEN');
    const typeIds = [...new Set(found.map((v) => v.violationTypeId))];
    const types =
      typeIds.length === 0
        ? []
        : await tx
            .select()
            .from(violationTypes)
            .where(
              and(
                inArray(violationTypes.id, typeIds),
                eq(violationTypes.jurisdictionId, actor.jurisdictionId),
                eq(violationTypes.active, true),
              ),
            );
    const typeById = new Map(types.map((t) => [t.id, t]));
    const unknown = found.findIndex((v) => !typeById.has(v.violationTypeId));
    if (unknown >= 0)
      throw new AppError('VIOLATION_TYPE_NOT_FOUND', {
        fieldErrors: [
          {
            field: `body/violations/${unknown}/violationTypeId`,
            code: 'invalid',
            message: '违法行为类型不存在或已停用',
          },
        ],
      });

    for (const [i, v] of found.entries()) {
      if (!v.selfReportedHazardId) continue;
      const hazard = await loadHazard(tx, actor, v.selfReportedHazardId);
      if (!hazard || hazard.enterpriseId !== enterprise.id)
        throw new AppError('VIOLATION_HAZARD_MISMATCH', {
          fieldErrors: [
            {
              field: `body/violations/${i}/selfReportedHazardId`,
              code: 'invalid',
              message: '所选隐患不是该企业的隐患记录',
            },
          ],
        });
    }
    const [inspection] = await tx
      .insert(enforcementInspections)
      .values({
        jurisdictionId: actor.jurisdictionId,
        departmentId,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        subdistrictId: enterprise.subdistrictId,
        industryCode: enterprise.industryCode,
        inspectedOn: input.inspectedOn,
        findings: input.findings?.trim() ?? '',
        rectifyBy: found.length > 0 ? input.rectifyBy! : null,
        officerId: actor.userId,
        createdAt: now,
      })
      .returning();
    const rows =
      found.length === 0
        ? []
        : await tx
            .insert(violations)
            .values(
              found.map((v) => ({
                jurisdictionId: actor.jurisdictionId,
                inspectionId: inspection.id,
                violationTypeId: v.violationTypeId,
                enterpriseId: enterprise.id,
                departmentId,
                subdistrictId: enterprise.subdistrictId,
                industryCode: enterprise.industryCode,
                description: v.description.trim(),
                foundOn: input.inspectedOn,
                harm: v.harm ?? 'none',
                selfReportedHazardId: v.selfReportedHazardId ?? null,
              })),
            )
            .returning();

    let noticeNumber: string | null = null;
    if (rows.length > 0) {
      const notice = await issueDocument(tx, actor, {
        template: rectificationNoticeTemplate,
        holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
        subject: { type: 'enforcement_inspection', id: inspection.id },
        subdistrictId: enterprise.subdistrictId,
        issuedAt: now,
        data: {
          enterpriseName: enterprise.name,
          uscc: enterprise.uscc,
          departmentName: department.name,
          inspectedOn: input.inspectedOn,
          violations: rows.map((r) => {
            const t = typeById.get(r.violationTypeId)!;
            return { typeName: t.name, description: r.description, legalBasis: t.legalBasis };
          }),
          deadline: input.rectifyBy!,
        },
      });
      noticeNumber = notice.number;
      await tx
        .update(enforcementInspections)
        .set({ noticeDocumentId: notice.id, noticeNumber: notice.number })
        .where(eq(enforcementInspections.id, inspection.id));

      const replyDays = await getSetting(tx, actor.jurisdictionId, 'advice.replyWorkingDays');
      const replyBy = (await workingDayEnd(tx, today, replyDays)).date;
      for (const violation of rows) {
        const type = typeById.get(violation.violationTypeId)!;
        const [letter] = await issueLetters(
          tx,
          {
            jurisdictionId: actor.jurisdictionId,
            departmentId,
            departmentName: department.name,
            violationType: type,
            reason: `${input.inspectedOn}执法检查发现你单位存在“${type.name}”的违法行为`,
            items: type.adviceItems,
            replyBy,
            campaignId: null,
          },
          [
            {
              enterpriseId: enterprise.id,
              enterpriseName: enterprise.name,
              uscc: enterprise.uscc,
              subdistrictId: enterprise.subdistrictId,
              violationId: violation.id,
            },
          ],
          now,
        );
        await tx.update(violations).set({ letterId: letter.id }).where(eq(violations.id, violation.id));
        await appendEvent(tx, {
          kind: adviceEvents.letterSent,
          jurisdictionId: actor.jurisdictionId,
          actor: eventActor(actor),
          entityType: 'advice_letter',
          entityId: letter.id,
          at: now,
          after: { enterpriseId: enterprise.id, number: letter.number, violationId: violation.id },
        });
      }
    }
    await appendEvent(tx, {
      kind: enforcementEvents.inspectionRecorded,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'enforcement_inspection',
      entityId: inspection.id,
      at: now,
      after: {
        enterpriseId: enterprise.id,
        departmentId,
        inspectedOn: input.inspectedOn,
        violations: rows.map((r) => ({ id: r.id, typeCode: typeById.get(r.violationTypeId)!.code })),
        noticeNumber,
        rectifyBy: inspection.rectifyBy,
      },
    });
    const proposed: string[] = [];
    for (const typeId of typeIds) {
      proposed.push(
        ...(await detectFrequentViolations(
          tx,
          {
            jurisdictionId: actor.jurisdictionId,
            departmentId,
            violationTypeId: typeId,
            industryCode: enterprise.industryCode,
            subdistrictId: enterprise.subdistrictId,
          },
          today,
          now,
        )),
      );
    }
    return { id: inspection.id, proposedCampaignIds: proposed };
  });
}
