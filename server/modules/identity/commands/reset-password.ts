import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema/identity.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import { assertPasswordAcceptable, hashPassword } from '../../../platform/auth/passwords.js';
import { revokeUserSessions } from '../../../platform/auth/sessions.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { identityEvents } from '../events.js';

/** The administrator sets a temporary password; the user must change it at the next login. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: string,
  newPassword: string,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('USER_NOT_FOUND');
  const minLength = await getSetting(db, user.jurisdictionId, 'auth.passwordMinLength');
  assertPasswordAcceptable(newPassword, user.username, minLength, 'body/newPassword');
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    await revokeUserSessions(tx, userId);
    await appendEvent(tx, {
      kind: identityEvents.userPasswordReset,
      jurisdictionId: user.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'user',
      entityId: userId,
      after: { mustChange: true },
    });
  });
}

export async function unlockUser(db: Db, actor: Actor, userId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    if (!user) throw new AppError('USER_NOT_FOUND');
    await appendEvent(tx, {
      kind: identityEvents.userUnlocked,
      jurisdictionId: user.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'user',
      entityId: userId,
      after: {},
    });
  });
}
