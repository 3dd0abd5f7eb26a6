/** Pure helpers of the eligibility checklist (入库条件自检). */

export interface ConditionLike {
  key: string;
  pass: boolean;
}

/** Failed conditions first (what to work on), then passed ones; the server's order within each. */
export function failedFirst<C extends ConditionLike>(conditions: readonly C[]): C[] {
  return [...conditions.filter((c) => !c.pass), ...conditions.filter((c) => c.pass)];
}

export function passCount(conditions: readonly ConditionLike[]): { passed: number; total: number } {
  return { passed: conditions.filter((c) => c.pass).length, total: conditions.length };
}
