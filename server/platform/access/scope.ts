import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor, Binding } from './actor.js';

type Column = AnyPgColumn | SQL;

/**
 * How an entity's rows relate to the units roles are bound to. A module passes the columns its table has.
 * A subdistrict, enterprise, agency, association or expert binding whose dimension the entity lacks grants
 * nothing. Department staff (department and enforcement officers) read registers jurisdiction-wide; when the
 * entity declares a `department` column, they see only their own department's rows.
 */
export interface ScopeColumns {
  jurisdiction: Column;
  subdistrict?: Column;
  enterprise?: Column;
  /** a column, or a condition for rows related to a department another way (e.g. an EXISTS on requests) */
  department?: Column | ((departmentId: string) => SQL);
  /** agencies see what engages them: the module supplies the condition (e.g. an EXISTS on engagements) */
  agency?: (agencyId: string) => SQL;
  association?: (associationId: string) => SQL;
  expert?: (userId: string) => SQL;
}

/**
 * The one scope function: an actor's bindings become the WHERE condition of every list, search, export and
 * dashboard query. Bindings OR together; an actor with no applicable binding sees nothing.
 */
export function scopeWhere(actor: Actor, columns: ScopeColumns): SQL {
  const parts = actor.bindings
    .map((b) => bindingCondition(actor, b, columns))
    .filter((c): c is SQL => c !== undefined);
  if (parts.length === 0) return sql`false`;
  const inJurisdiction = eq(columns.jurisdiction as AnyPgColumn, actor.jurisdictionId);
  return sql`(${inJurisdiction} and (${or(...parts)}))`;
}

function bindingCondition(actor: Actor, b: Binding, c: ScopeColumns): SQL | undefined {
  switch (b.role) {
    case 'system_admin':
    case 'bureau_admin':
    case 'bureau_reviewer':
      return sql`true`;
    // department staff read registers jurisdiction-wide; rows that belong to a department (the entity declares a
    // department column) they see only for their own department
    case 'department_officer':
    case 'enforcement_officer':
      if (typeof c.department === 'function') return c.department(b.unitId);
      return c.department ? eq(c.department as AnyPgColumn, b.unitId) : sql`true`;
    case 'subdistrict_officer':
      return c.subdistrict ? eq(c.subdistrict as AnyPgColumn, b.unitId) : undefined;
    case 'enterprise_user':
      return c.enterprise ? eq(c.enterprise as AnyPgColumn, b.unitId) : undefined;
    case 'agency_user':
      return c.agency?.(b.unitId);
    case 'association_user':
      return c.association?.(b.unitId);
    case 'expert':
      return c.expert?.(actor.userId);
    default: {
      const unreachable: never = b.role;
      return unreachable;
    }
  }
}
