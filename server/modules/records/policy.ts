import { hasRole, type Actor } from '../../platform/access/actor.js';

/** Accidents and dishonesty listings are the bureau's record; penalties come from any supervising department. */
export function recordAbilities(actor: Actor) {
  return {
    recordAccidents: hasRole(actor, 'bureau_admin', 'bureau_reviewer'),
    recordPenalties: hasRole(
      actor,
      'bureau_admin',
      'bureau_reviewer',
      'department_officer',
      'enforcement_officer',
    ),
    listDishonesty: hasRole(actor, 'bureau_admin'),
    /** the spreadsheet of all three kinds at once (POST /api/records/import) */
    importAdverseRecords: hasRole(actor, 'bureau_admin'),
    viewAdverseRecords: hasRole(
      actor,
      'system_admin',
      'bureau_admin',
      'bureau_reviewer',
      'department_officer',
      'enforcement_officer',
      'subdistrict_officer',
      'enterprise_user',
    ),
  };
}
