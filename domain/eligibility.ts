/**
 * White-list entry conditions (DOMAIN.md §4.3), computed and explained: one function takes an enterprise's facts and
 * the jurisdiction's rules and says, condition by condition, whether it passes and why. The enterprise sees the same
 * checklist before applying, and the application stores the snapshot it was judged on.
 */
export type AccidentGrade = 'general' | 'larger' | 'major' | 'especially_major';

export interface EligibilityFacts {
  commitment: { signed: boolean; upToDate: boolean };
  /** the newest completed self-inspection, and whether it is on the version that applies now */
  selfInspection: { completedOn: string | null; onCurrentVersion: boolean };
  hazards: { openMajor: number; overdue: number };
  confirmation: { validUntil: string | null };
  accidents: { occurredOn: string; grade: AccidentGrade; deaths: number; seriousInjuries: number }[];
  penalties: { decidedOn: string; workSafety: boolean }[];
  dishonesty: { from: string; to: string | null }[];
  /** the end of a re-entry ban after an exit, if one runs */
  reentryBanUntil: string | null;
  /** a 厂中厂 tenant: its host's open major hazards */
  host: { name: string; openMajor: number } | null;
  /** a park operator: tenants whose status is unknown (no self-inspection) */
  park: { tenants: number; unknown: number } | null;
}

export interface EligibilityRules {
  accidentLookbackYears: number;
  penaltyLookbackYears: number;
  /** whether a park enters only with all its tenants' status known */
  parkRequiresTenantsKnown: boolean;
}

export type ConditionKey =
  | 'commitment'
  | 'selfInspection'
  | 'hazards'
  | 'confirmation'
  | 'accidents'
  | 'penalties'
  | 'dishonesty'
  | 'reentryBan'
  | 'host'
  | 'park';

export interface ConditionResult {
  key: ConditionKey;
  label: string;
  pass: boolean;
  reason: string;
}

const yearsBefore = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;

/** An accident counts when it caused a serious injury or worse (a death counts too). */
const serious = (a: EligibilityFacts['accidents'][number]) =>
  a.deaths > 0 || a.seriousInjuries > 0 || a.grade !== 'general';

export function evaluateEligibility(
  facts: EligibilityFacts,
  rules: EligibilityRules,
  today: string,
): ConditionResult[] {
  const out: ConditionResult[] = [];
  const add = (key: ConditionKey, label: string, pass: boolean, reason: string) =>
    out.push({ key, label, pass, reason });

  const c = facts.commitment;
  add(
    'commitment',
    '已签署现行承诺书',
    c.signed && c.upToDate,
    !c.signed ? '尚未签署承诺书' : !c.upToDate ? '承诺书文本已更新，须重新签署' : '已签署现行文本',
  );

  const s = facts.selfInspection;
  add(
    'selfInspection',
    '按现行标准完成自查',
    s.completedOn !== null && s.onCurrentVersion,
    s.completedOn === null
      ? '尚未完成自查'
      : !s.onCurrentVersion
        ? '自查所依据的标准版本已被替代，须按现行版本重新自查'
        : `已于 ${s.completedOn} 完成自查`,
  );

  const h = facts.hazards;
  add(
    'hazards',
    '无未整改的重大隐患和逾期隐患',
    h.openMajor === 0 && h.overdue === 0,
    h.openMajor > 0
      ? `有 ${h.openMajor} 项重大事故隐患未整改完成`
      : h.overdue > 0
        ? `有 ${h.overdue} 项隐患逾期未整改`
        : '无',
  );

  const validUntil = facts.confirmation.validUntil;
  add(
    'confirmation',
    '持有有效的第三方确认',
    validUntil !== null && validUntil >= today,
    validUntil === null
      ? '无有效的第三方确认'
      : validUntil < today
        ? `第三方确认已于 ${validUntil} 过期`
        : `有效期至 ${validUntil}`,
  );

  const accidentSince = yearsBefore(today, rules.accidentLookbackYears);
  const accidents = facts.accidents.filter(
    (a) => a.occurredOn > accidentSince && a.occurredOn <= today && serious(a),
  );
  add(
    'accidents',
    `近 ${rules.accidentLookbackYears} 年未发生造成重伤及以上后果的生产安全事故`,
    accidents.length === 0,
    accidents.length
      ? `${accidents[0].occurredOn} 发生生产安全事故（死亡 ${accidents[0].deaths} 人，重伤 ${accidents[0].seriousInjuries} 人）`
      : '无',
  );

  const penaltySince = yearsBefore(today, rules.penaltyLookbackYears);
  const penalties = facts.penalties.filter(
    (p) => p.workSafety && p.decidedOn > penaltySince && p.decidedOn <= today,
  );
  add(
    'penalties',
    `近 ${rules.penaltyLookbackYears} 年未受到安全生产行政处罚`,
    penalties.length === 0,
    penalties.length ? `${penalties[0].decidedOn} 受到安全生产行政处罚` : '无',
  );

  const listed = facts.dishonesty.find((d) => d.from <= today && (d.to === null || d.to >= today));
  add(
    'dishonesty',
    '未被列入安全生产严重失信名单',
    !listed,
    listed ? `自 ${listed.from} 起被列入严重失信名单` : '无',
  );

  const ban = facts.reentryBanUntil;
  add(
    'reentryBan',
    '不在退出后的禁止再次申请期内',
    ban === null || ban < today,
    ban && ban >= today ? `退出后 ${ban} 前不得再次申请` : '无',
  );

  if (facts.host) {
    add(
      'host',
      '所在厂房（厂中厂出租方）无未整改的重大隐患',
      facts.host.openMajor === 0,
      facts.host.openMajor ? `出租方“${facts.host.name}”有 ${facts.host.openMajor} 项重大隐患未整改` : '无',
    );
  }
  if (facts.park && rules.parkRequiresTenantsKnown) {
    add(
      'park',
      '园区内入驻企业合规状况均已掌握',
      facts.park.unknown === 0,
      facts.park.unknown
        ? `${facts.park.tenants} 家入驻企业中有 ${facts.park.unknown} 家尚未完成自查`
        : `${facts.park.tenants} 家入驻企业均已完成自查`,
    );
  }
  return out;
}

export const isEligible = (results: readonly ConditionResult[]) => results.every((r) => r.pass);
