import { eq, sql } from 'drizzle-orm';
import { loginLog, users } from '../../../db/schema/identity.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { appendEvent } from '../../../platform/audit/append.js';
import { dummyPasswordHash, verifyPassword } from '../../../platform/auth/passwords.js';
import { createSession } from '../../../platform/auth/sessions.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { identityEvents } from '../events.js';

export interface LoginInput {
  username: string;
  password: string;
  ip?: string;
  userAgent?: string;
  now?: Date;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
  mustChangePassword: boolean;
}

type Outcome = (typeof loginLog.$inferInsert)['outcome'];

/**
 * Password login with lockout: after `auth.lockoutThreshold` consecutive failures the account is locked for
 * `auth.lockoutMinutes`. Every attempt is written to the login log.
 */
export async function login(db: Db, input: LoginInput): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const username = input.username.trim();
  const log = (outcome: Outcome, userId: string | null) =>
    db.insert(loginLog).values({
      userId,
      username,
      outcome,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
      at: now,
    });

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await log('unknown_user', null);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await log('locked', user.id);
    throw new AppError('AUTH_ACCOUNT_LOCKED', { extra: { lockedUntil: user.lockedUntil.toISOString() } });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const policy = await getSettings(db, user.jurisdictionId, [
      'auth.lockoutThreshold',
      'auth.lockoutMinutes',
    ]);
    const locked = await inTransaction(db, async (tx) => {
      // the counter restarts after an expired lock, and the expired lock is cleared so the next failures count
      const lockExpired = sql`${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now.toISOString()}::timestamptz`;
      const [row] = await tx
        .update(users)
        .set({
          failedLogins: sql`case when ${lockExpired} then 1 else ${users.failedLogins} + 1 end`,
          lockedUntil: sql`case when ${lockExpired} then null else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      if (row.failedLogins < policy['auth.lockoutThreshold']) return null;
      const until = new Date(now.getTime() + policy['auth.lockoutMinutes'] * 60_000);
      await tx.update(users).set({ lockedUntil: until, failedLogins: 0 }).where(eq(users.id, user.id));
      await appendEvent(tx, {
        kind: identityEvents.userLocked,
        jurisdictionId: user.jurisdictionId,
        actor: { userId: null, label: 'system' },
        entityType: 'user',
        entityId: user.id,
        after: { until: until.toISOString(), failedLogins: row.failedLogins },
        at: now,
      });
      return until;
    });
    await log('bad_password', user.id);
    if (locked) throw new AppError('AUTH_ACCOUNT_LOCKED', { extra: { lockedUntil: locked.toISOString() } });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await log('disabled', user.id);
    throw new AppError('AUTH_ACCOUNT_DISABLED');
  }
  const session = await inTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    const created = await createSession(tx, user.id, { ip: input.ip, userAgent: input.userAgent });
    await appendEvent(tx, {
      kind: identityEvents.loggedIn,
      jurisdictionId: user.jurisdictionId,
      actor: { userId: user.id, label: `${user.displayName} (${user.username})` },
      entityType: 'user',
      entityId: user.id,
      after: { ip: input.ip ?? null },
      at: now,
    });
    return created;
  });
  await log('success', user.id);
  return { ...session, userId: user.id, mustChangePassword: user.mustChangePassword };
}
