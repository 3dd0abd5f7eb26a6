import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { isRole, roleUnitKind, type Role } from '../../../domain/roles.js';
import { roleBindings, sessions, users } from '../../db/schema/index.js';
import type { Db } from '../db/client.js';
import type { Actor, Binding } from '../access/actor.js';
import { resolveUnits } from '../access/units.js';
import { getSetting } from '../settings/settings.js';

export const SESSION_COOKIE = 'sc_session';
export const CSRF_HEADER = 'x-csrf-token';
/** touching last_seen on every request would write on every read; a minute is fine for a 30-minute timeout */
const touchEveryMs = 60_000;

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  userId: string,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: tokenId(token),
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300),
  });
  return { token, csrfToken };
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; actor: Actor; csrfToken: string; sessionId: string };

export async function lookupSession(db: Db, token: string, now = new Date()): Promise<SessionLookup> {
  const id = tokenId(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  if (!row) return { state: 'none' };
  if (row.user.status !== 'active') return { state: 'expired' };
  const idleMinutes = await getSetting(db, row.user.jurisdictionId, 'auth.idleTimeoutMinutes');
  if (now.getTime() - row.session.lastSeenAt.getTime() > idleMinutes * 60_000) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, id));
    return { state: 'expired' };
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const actor = await buildActor(db, row.user);
  return { state: 'active', actor, csrfToken: row.session.csrfToken, sessionId: id };
}

export async function buildActor(
  db: Db,
  user: { id: string; username: string; displayName: string; jurisdictionId: string },
): Promise<Actor> {
  const rows = await db.select().from(roleBindings).where(eq(roleBindings.userId, user.id));
  const bindings: Binding[] = [];
  const byKind = new Map<string, string[]>();
  for (const r of rows) {
    if (!isRole(r.role)) continue;
    const kind = roleUnitKind[r.role];
    byKind.set(kind, [...(byKind.get(kind) ?? []), r.unitId]);
  }
  const names = new Map<string, string>();
  for (const [kind, ids] of byKind) {
    for (const u of await resolveUnits(db, kind as Binding['unitKind'], ids)) names.set(u.id, u.name);
  }
  for (const r of rows) {
    if (!isRole(r.role)) continue;
    const role: Role = r.role;
    bindings.push({ role, unitId: r.unitId, unitKind: roleUnitKind[role], unitName: names.get(r.unitId) ?? '' });
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    jurisdictionId: user.jurisdictionId,
    bindings,
  };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function revokeUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  for (const r of rows) if (r.id !== exceptSessionId) await revokeSession(db, r.id);
}
