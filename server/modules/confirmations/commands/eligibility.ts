import { addMonths, agencyEligibility } from '../../../../domain/confirmations.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { guidedSince, type AgencyRow } from '../../agencies/index.js';
import { inspectedBySince } from '../../inspections/index.js';

/**
 * An agency may confirm an enterprise on a date when it is qualified then (active, confirmation kind, grade at
 * least the minimum and in force) and — with the independence rule on — did not do the enterprise's first
 * inspection nor guide its rectification within the avoidance period.
 */
export async function assertMayConfirm(
  db: Db,
  agency: AgencyRow,
  enterpriseId: string,
  onDate: string,
): Promise<void> {
  const s = await getSettings(db, agency.jurisdictionId, [
    'agencies.gradeScale',
    'confirmation.minGrade',
    'confirmation.independence',
    'confirmation.independenceMonths',
  ]);
  const problem = agencyEligibility(
    agency,
    { scale: s['agencies.gradeScale'], minGrade: s['confirmation.minGrade'] },
    onDate,
  );
  if (problem) {
    throw new AppError(
      problem,
      problem === 'CONFIRMATION_AGENCY_GRADE_TOO_LOW'
        ? {
            detail: `第三方确认机构资质须不低于${s['confirmation.minGrade']}级，该机构为${agency.grade ?? '未定级'}`,
          }
        : {},
    );
  }
  if (!s['confirmation.independence']) return;
  const since = new Date(`${addMonths(onDate, -s['confirmation.independenceMonths'])}T00:00:00+08:00`);
  if (
    (await inspectedBySince(db, agency.id, enterpriseId, since)) ||
    (await guidedSince(db, agency.id, enterpriseId, since))
  ) {
    throw new AppError('CONFIRMATION_NOT_INDEPENDENT', {
      detail: `该机构在近${s['confirmation.independenceMonths']}个月内为企业做过首次检查或整改指导，不得为其开展第三方确认`,
    });
  }
}
