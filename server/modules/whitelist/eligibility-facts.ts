import { evaluateEligibility, isEligible, type EligibilityFacts } from '../../../domain/eligibility.js';
import { chinaDate } from '../../../domain/readiness.js';
import type { Db } from '../../platform/db/client.js';
import { getSettings } from '../../platform/settings/settings.js';
import { currentCommitmentText, latestCommitment } from '../commitments/index.js';
import { validConfirmation } from '../confirmations/index.js';
import { hazardCounts } from '../hazards/index.js';
import { latestAssessments, withCompletedSelfInspection } from '../inspections/index.js';
import { adverseFacts } from '../records/index.js';
import { enterpriseFacts, enterpriseNames, tenantsOfOperatedParks } from '../registry/queries.js';
import { applicableStandard } from '../standards/index.js';
import { reentryBanUntil } from './entry-queries.js';

/** Everything eligibility reads about one enterprise, gathered from the modules that own it. */
export async function gatherEligibilityFacts(
  db: Db,
  enterprise: { id: string; jurisdictionId: string; industryCode: string; hostEnterpriseId: string | null },
  today: string,
): Promise<EligibilityFacts> {
  // one after another: inside a transaction the queries share one connection
  const text = await currentCommitmentText(db, enterprise.jurisdictionId);
  const signed = await latestCommitment(db, enterprise.id);
  const assessments = await latestAssessments(db, enterprise.id);
  const counts = await hazardCounts(db, enterprise.id, today);
  const standard = await applicableStandard(db, enterprise);
  const confirmation = await validConfirmation(db, enterprise.id, today);
  const adverse = await adverseFacts(db, enterprise.id);
  const tenants = await tenantsOfOperatedParks(db, enterprise.id);
  const banUntil = await reentryBanUntil(db, enterprise.id, today);
  // the first inspection may be the enterprise's own or the engaged agency's (DOMAIN.md §4.2)
  const completed = assessments.lastCompleted;
  let host: EligibilityFacts['host'] = null;
  if (enterprise.hostEnterpriseId) {
    const hostFacts = await enterpriseFacts(db, enterprise.hostEnterpriseId);
    const hostCounts = await hazardCounts(db, enterprise.hostEnterpriseId, today);
    host = {
      name:
        hostFacts?.name ??
        (await enterpriseNames(db, [enterprise.hostEnterpriseId])).get(enterprise.hostEnterpriseId) ??
        '',
      openMajor: hostCounts.major,
    };
  }
  let park: EligibilityFacts['park'] = null;
  if (tenants) {
    const known = await withCompletedSelfInspection(db, tenants);
    park = { tenants: tenants.length, unknown: tenants.filter((t) => !known.has(t)).length };
  }
  return {
    commitment: { signed: signed !== undefined, upToDate: signed?.textHash === text.hash },
    selfInspection: {
      completedOn: completed?.completedAt ? chinaDate(completed.completedAt) : null,
      onCurrentVersion:
        completed !== undefined && standard !== null && completed.standardVersionId === standard.versionId,
    },
    hazards: { openMajor: counts.major, overdue: counts.overdue },
    confirmation: { validUntil: confirmation?.validUntil ?? null },
    accidents: adverse.accidents,
    penalties: adverse.penalties,
    dishonesty: adverse.dishonesty,
    reentryBanUntil: banUntil,
    host,
    park,
  };
}

/** The checklist for one enterprise on a day, with the facts it was judged on (an application stores both). */
export async function eligibilityOf(
  db: Db,
  enterprise: Parameters<typeof gatherEligibilityFacts>[1],
  now = new Date(),
) {
  const today = chinaDate(now);
  const facts = await gatherEligibilityFacts(db, enterprise, today);
  const s = await getSettings(db, enterprise.jurisdictionId, [
    'eligibility.accidentLookbackYears',
    'eligibility.penaltyLookbackYears',
    'eligibility.parkRequiresTenantsKnown',
  ]);
  const conditions = evaluateEligibility(
    facts,
    {
      accidentLookbackYears: s['eligibility.accidentLookbackYears'],
      penaltyLookbackYears: s['eligibility.penaltyLookbackYears'],
      parkRequiresTenantsKnown: s['eligibility.parkRequiresTenantsKnown'],
    },
    today,
  );
  return { judgedOn: today, eligible: isEligible(conditions), conditions, facts };
}
