import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

type EngagedCondition = (agencyId: string, enterpriseColumn: AnyPgColumn | SQL) => SQL;

let condition: EngagedCondition | undefined;

/**
 * Agencies see an enterprise's rows while the enterprise engages them. The engagements live in the agencies
 * module, which registers the condition at setup; other modules use `engagedBy(column)` as their scope's
 * `agency` entry, so they never read the engagement table themselves.
 */
export function registerEngagedCondition(fn: EngagedCondition): void {
  condition = fn;
}

export function engagedBy(enterpriseColumn: AnyPgColumn | SQL): (agencyId: string) => SQL {
  return (agencyId) => (condition ? condition(agencyId, enterpriseColumn) : sql`false`);
}
