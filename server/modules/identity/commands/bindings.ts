import { and, eq, ne } from 'drizzle-orm';
import { roleBindings, users } from '../../../db/schema/identity.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { identityEvents } from '../events.js';
import { validateBinding } from './validate-binding.js';

export async function addBinding(
  db: Db,
  actor: Actor,
  userId: string,
  input: { role: string; unitId: string },
): Promise<{ id: string }> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('USER_NOT_FOUND');
  const { role, unit } = await validateBinding(db, user.jurisdictionId, input);
  return inTransaction(db, async (tx) => {
    const inserted = await tx
      .insert(roleBindings)
      .values({ userId, jurisdictionId: user.jurisdictionId, role, unitId: unit.id })
      .onConflictDoNothing()
      .returning({ id: roleBindings.id });
    if (inserted.length === 0) throw new AppError('ROLE_BINDING_EXISTS');
    await appendEvent(tx, {
      kind: identityEvents.bindingAdded,
      jurisdictionId: user.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'user',
      entityId: userId,
      after: { role, unitId: unit.id, unitName: unit.name },
    });
    return inserted[0];
  });
}

/** Remove a binding; the jurisdiction never loses its last system administrator. */
export async function removeBinding(db: Db, actor: Actor, userId: string, bindingId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [binding] = await tx
      .select()
      .from(roleBindings)
      .where(and(eq(roleBindings.id, bindingId), eq(roleBindings.userId, userId)))
      .for('update');
    if (!binding) throw new AppError('NOT_FOUND');
    if (binding.role === 'system_admin') {
      const others = await tx
        .select({ id: roleBindings.id })
        .from(roleBindings)
        .innerJoin(users, eq(users.id, roleBindings.userId))
        .where(
          and(
            eq(roleBindings.jurisdictionId, binding.jurisdictionId),
            eq(roleBindings.role, 'system_admin'),
            ne(roleBindings.id, binding.id),
            eq(users.status, 'active'),
          ),
        );
      if (others.length === 0) throw new AppError('ROLE_LAST_ADMIN');
    }
    await tx.delete(roleBindings).where(eq(roleBindings.id, bindingId));
    await appendEvent(tx, {
      kind: identityEvents.bindingRemoved,
      jurisdictionId: binding.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'user',
      entityId: userId,
      before: { role: binding.role, unitId: binding.unitId },
      after: { role: binding.role, unitId: binding.unitId },
    });
  });
}
