import { sql } from 'drizzle-orm';
import { roleBindings, users } from '../../../db/schema/identity.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import { assertPasswordAcceptable, hashPassword } from '../../../platform/auth/passwords.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { identityEvents } from '../events.js';
import { validateBinding } from './validate-binding.js';

export interface CreateUserInput {
  jurisdictionId: string;
  username: string;
  displayName: string;
  phone?: string | null;
  password: string;
  mustChangePassword?: boolean;
  bindings: { role: string; unitId: string }[];
}

/**
 * Create a login with its role bindings in one transaction. `actor` null is the system itself (first start,
 * demo loader); otherwise the caller has already authorized the actor.
 */
export async function createUser(
  db: Db,
  actor: Actor | null,
  input: CreateUserInput,
): Promise<{ id: string }> {
  const username = input.username.trim();
  const minLength = await getSetting(db, input.jurisdictionId, 'auth.passwordMinLength');
  assertPasswordAcceptable(input.password, username, minLength, 'body/password');
  const validated: Awaited<ReturnType<typeof validateBinding>>[] = [];
  for (const [i, b] of input.bindings.entries()) {
    validated.push(await validateBinding(db, input.jurisdictionId, b, `body/bindings/${i}`));
  }
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`);
    if (taken) {
      throw new AppError('USER_USERNAME_TAKEN', {
        fieldErrors: [{ field: 'body/username', code: 'USER_USERNAME_TAKEN', message: '用户名已被使用' }],
      });
    }
    const [user] = await tx
      .insert(users)
      .values({
        jurisdictionId: input.jurisdictionId,
        username,
        displayName: input.displayName.trim(),
        phone: input.phone ?? null,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? actor !== null,
      })
      .returning();
    await appendEvent(tx, {
      kind: identityEvents.userCreated,
      jurisdictionId: input.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'user',
      entityId: user.id,
      after: {
        username: user.username,
        displayName: user.displayName,
        phone: user.phone,
        status: user.status,
      },
    });
    const seen = new Set<string>();
    for (const { role, unit } of validated) {
      if (seen.has(`${role}:${unit.id}`)) continue;
      seen.add(`${role}:${unit.id}`);
      await tx
        .insert(roleBindings)
        .values({ userId: user.id, jurisdictionId: input.jurisdictionId, role, unitId: unit.id });
      await appendEvent(tx, {
        kind: identityEvents.bindingAdded,
        jurisdictionId: input.jurisdictionId,
        actor: eventActor(actor),
        entityType: 'user',
        entityId: user.id,
        after: { role, unitId: unit.id, unitName: unit.name },
      });
    }
    return { id: user.id };
  });
}
