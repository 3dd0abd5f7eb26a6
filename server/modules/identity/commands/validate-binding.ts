import { bureauRoles, isRole, roleUnitKind, type Role } from '../../../../domain/roles.js';
import { resolveUnits, type ResolvedUnit } from '../../../platform/access/units.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/app-error.js';

/** A binding is valid when the unit exists in the user's jurisdiction and is of the kind the role needs. */
export async function validateBinding(
  db: Db,
  jurisdictionId: string,
  input: { role: string; unitId: string },
  field = 'body',
): Promise<{ role: Role; unit: ResolvedUnit }> {
  if (!isRole(input.role)) {
    throw new AppError('ROLE_UNKNOWN', {
      fieldErrors: [{ field: `${field}/role`, code: 'ROLE_UNKNOWN', message: '未知的角色' }],
    });
  }
  const role = input.role;
  const [unit] = await resolveUnits(db, roleUnitKind[role], [input.unitId]);
  if (!unit || unit.jurisdictionId !== jurisdictionId) {
    throw new AppError('ROLE_UNIT_MISMATCH', {
      fieldErrors: [
        { field: `${field}/unitId`, code: 'ROLE_UNIT_MISMATCH', message: '角色与所属单位类型不匹配' },
      ],
    });
  }
  if (bureauRoles.has(role) && !unit.isBureau) {
    throw new AppError('ROLE_UNIT_MISMATCH', {
      detail: '局管理员与局审核员只能绑定到应急管理局',
      fieldErrors: [
        { field: `${field}/unitId`, code: 'ROLE_UNIT_MISMATCH', message: '只能绑定到应急管理局' },
      ],
    });
  }
  return { role, unit };
}
