/**
 * Roles of the programme. Every role binding is (role, unit): the unit kind a role binds to is fixed here,
 * so scope and policy never guess it.
 */
export const roles = [
  'system_admin',
  'bureau_admin',
  'bureau_reviewer',
  'department_officer',
  'subdistrict_officer',
  'enforcement_officer',
  'enterprise_user',
  'agency_user',
  'association_user',
  'expert',
] as const;

export type Role = (typeof roles)[number];

export const unitKinds = [
  'jurisdiction',
  'department',
  'subdistrict',
  'enterprise',
  'agency',
  'association',
] as const;

export type UnitKind = (typeof unitKinds)[number];

/** The kind of unit each role is bound to. */
export const roleUnitKind = {
  system_admin: 'jurisdiction',
  bureau_admin: 'department',
  bureau_reviewer: 'department',
  department_officer: 'department',
  subdistrict_officer: 'subdistrict',
  enforcement_officer: 'department',
  enterprise_user: 'enterprise',
  agency_user: 'agency',
  association_user: 'association',
  expert: 'jurisdiction',
} as const satisfies Record<Role, UnitKind>;

/** Roles that act for the whole jurisdiction when reading registers. */
export const jurisdictionWideRoles: ReadonlySet<Role> = new Set<Role>([
  'system_admin',
  'bureau_admin',
  'bureau_reviewer',
  'department_officer',
  'enforcement_officer',
]);

/** Roles that must be bound to the bureau (the department flagged as the emergency management bureau). */
export const bureauRoles: ReadonlySet<Role> = new Set<Role>(['bureau_admin', 'bureau_reviewer']);

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
