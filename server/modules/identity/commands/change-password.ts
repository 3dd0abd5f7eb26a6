import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema/identity.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from '../../../platform/auth/passwords.js';
import { revokeUserSessions } from '../../../platform/auth/sessions.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { identityEvents } from '../events.js';

/** A user changes their own password; other sessions of the user end. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; sessionId: string },
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('AUTH_WRONG_CURRENT_PASSWORD', {
      fieldErrors: [
        { field: 'body/currentPassword', code: 'AUTH_WRONG_CURRENT_PASSWORD', message: '当前密码不正确' },
      ],
    });
  }
  const minLength = await getSetting(db, user.jurisdictionId, 'auth.passwordMinLength');
  assertPasswordAcceptable(input.newPassword, user.username, minLength, 'body/newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, input.sessionId);
    await appendEvent(tx, {
      kind: identityEvents.userPasswordChanged,
      jurisdictionId: user.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'user',
      entityId: user.id,
      after: { by: 'self' },
    });
  });
}
