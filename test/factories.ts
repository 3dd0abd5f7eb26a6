import { randomBytes } from 'node:crypto';
import type { Role } from '../domain/roles.js';
import { createUser } from '../server/modules/identity/commands/create-user.js';
import type { TestContext } from './context.js';

let counter = 0;
export const defaultPassword = 'Correct-Horse-42';

export interface BuiltUser {
  id: string;
  username: string;
  password: string;
}

/**
 * A user with role bindings. `unit` is a unit code from data/ ('yjj', 'shuangyu'), a unit id, or omitted for
 * jurisdiction-bound roles.
 */
export async function buildUser(
  ctx: TestContext,
  opts: { roles?: { role: Role; unit?: string }[]; username?: string; password?: string; displayName?: string } = {},
): Promise<BuiltUser> {
  counter += 1;
  const username = opts.username ?? `u${counter}_${randomBytes(3).toString('hex')}`;
  const password = opts.password ?? defaultPassword;
  const bindings = [];
  for (const r of opts.roles ?? []) {
    const unitId = !r.unit
      ? ctx.jurisdictionId
      : /^[0-9a-f-]{36}$/.test(r.unit)
        ? r.unit
        : await ctx.unit(r.unit);
    bindings.push({ role: r.role, unitId });
  }
  const { id } = await createUser(ctx.db, null, {
    jurisdictionId: ctx.jurisdictionId,
    username,
    displayName: opts.displayName ?? `测试用户${counter}`,
    password,
    mustChangePassword: false,
    bindings,
  });
  return { id, username, password };
}

export const buildAdmin = (ctx: TestContext) => buildUser(ctx, { roles: [{ role: 'system_admin' }] });
