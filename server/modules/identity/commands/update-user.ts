import { and, eq } from 'drizzle-orm';
import { users } from '../../../db/schema/identity.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import { revokeUserSessions } from '../../../platform/auth/sessions.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { identityEvents } from '../events.js';

export interface UpdateUserInput {
  displayName?: string;
  phone?: string | null;
  status?: 'active' | 'disabled';
}

/** Edit a user's profile or disable / re-enable the account; disabling ends its sessions. */
export async function updateUser(
  db: Db,
  actor: Actor,
  userId: string,
  input: UpdateUserInput,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw new AppError('USER_NOT_FOUND');
    if (input.status === 'disabled' && userId === actor.userId) {
      throw new AppError('FORBIDDEN', { detail: '不能停用自己的账号' });
    }
    const [after] = await tx
      .update(users)
      .set({
        displayName: input.displayName?.trim() ?? before.displayName,
        phone: input.phone === undefined ? before.phone : input.phone,
        status: input.status ?? before.status,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, userId)))
      .returning();
    if (after.status === 'disabled' && before.status !== 'disabled') await revokeUserSessions(tx, userId);
    const snap = (u: typeof after) => ({
      username: u.username,
      displayName: u.displayName,
      phone: u.phone,
      status: u.status,
    });
    await appendEvent(tx, {
      kind: identityEvents.userUpdated,
      jurisdictionId: after.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'user',
      entityId: userId,
      before: snap(before),
      after: snap(after),
    });
  });
}
