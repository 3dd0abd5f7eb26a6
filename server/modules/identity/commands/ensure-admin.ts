import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { jurisdictions, roleBindings } from '../../../db/schema/identity.js';
import type { Db } from '../../../platform/db/client.js';
import { createUser } from './create-user.js';

/**
 * First start: a jurisdiction without a system administrator gets one. The password comes from
 * ADMIN_PASSWORD or is generated and returned so the caller can print it once.
 */
export async function ensureSystemAdmin(
  db: Db,
  jurisdictionCode: string,
  password: string | undefined,
): Promise<{ created: boolean; username: string; password?: string }> {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, jurisdictionCode));
  if (!j) throw new Error(`jurisdiction ${jurisdictionCode} is not seeded`);
  const username = 'admin';
  const [existing] = await db
    .select({ id: roleBindings.id })
    .from(roleBindings)
    .where(and(eq(roleBindings.jurisdictionId, j.id), eq(roleBindings.role, 'system_admin')))
    .limit(1);
  if (existing) return { created: false, username };
  const chosen = password ?? randomBytes(12).toString('base64url');
  await createUser(db, null, {
    jurisdictionId: j.id,
    username,
    displayName: '系统管理员',
    password: chosen,
    mustChangePassword: password === undefined,
    bindings: [{ role: 'system_admin', unitId: j.id }],
  });
  return { created: true, username, password: password ? undefined : chosen };
}
