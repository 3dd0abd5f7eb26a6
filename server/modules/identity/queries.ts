import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { roleBindings, units, users, loginLog } from '../../db/schema/identity.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeWhere } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/client.js';
import { resolveUnits } from '../../platform/access/units.js';
import { buildActor } from '../../platform/auth/sessions.js';
import { roleUnitKind, isRole } from '../../../domain/roles.js';

/**
 * Users are scoped by jurisdiction; listing them is a system-admin page, the route's policy check says who.
 * Departments and subdistricts of a user's bindings use the same scope as everything else.
 */
function userScope(actor: Actor): SQL {
  return scopeWhere(actor, { jurisdiction: users.jurisdictionId });
}

export interface UserListQuery {
  q?: string;
  role?: string;
  status?: 'active' | 'disabled';
  page: number;
  pageSize: number;
}

export async function listUsers(db: Db, actor: Actor, query: UserListQuery) {
  const conditions: SQL[] = [userScope(actor)];
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
  }
  if (query.status) conditions.push(eq(users.status, query.status));
  if (query.role) {
    conditions.push(
      sql`exists (select 1 from ${roleBindings} where ${roleBindings.userId} = ${users.id} and ${roleBindings.role} = ${query.role})`,
    );
  }
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .where(where);
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const bindings = await bindingsOf(
    db,
    rows.map((r) => r.id),
  );
  return { total, items: rows.map((u) => presentUserRow(u, bindings.get(u.id) ?? [])) };
}

export async function getUser(db: Db, actor: Actor, userId: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), userScope(actor)));
  if (!user) return undefined;
  const bindings = await bindingsOf(db, [user.id]);
  return presentUserRow(user, bindings.get(user.id) ?? []);
}

export interface BindingView {
  id: string;
  role: string;
  unitId: string;
  unitKind: string;
  unitName: string;
}

async function bindingsOf(db: Db, userIds: string[]): Promise<Map<string, BindingView[]>> {
  const out = new Map<string, BindingView[]>();
  if (userIds.length === 0) return out;
  const rows = await db.select().from(roleBindings).where(inArray(roleBindings.userId, userIds));
  const byKind = new Map<string, string[]>();
  for (const r of rows) {
    if (!isRole(r.role)) continue;
    const kind = roleUnitKind[r.role];
    byKind.set(kind, [...(byKind.get(kind) ?? []), r.unitId]);
  }
  const names = new Map<string, string>();
  for (const [kind, ids] of byKind) {
    for (const u of await resolveUnits(db, kind as never, ids)) names.set(u.id, u.name);
  }
  for (const r of rows) {
    const view = {
      id: r.id,
      role: r.role,
      unitId: r.unitId,
      unitKind: isRole(r.role) ? roleUnitKind[r.role] : 'unknown',
      unitName: names.get(r.unitId) ?? '',
    };
    out.set(r.userId, [...(out.get(r.userId) ?? []), view]);
  }
  return out;
}

function presentUserRow(u: typeof users.$inferSelect, bindings: BindingView[]) {
  return {
    id: u.id,
    jurisdictionId: u.jurisdictionId,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    status: u.status,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    bindings,
  };
}

export type UserView = ReturnType<typeof presentUserRow>;

/** Departments and subdistricts of the actor's jurisdiction (reference data every logged-in user may read). */
export async function listUnits(db: Db, actor: Actor, kind?: 'department' | 'subdistrict') {
  const rows = await db
    .select()
    .from(units)
    .where(and(eq(units.jurisdictionId, actor.jurisdictionId), kind ? eq(units.kind, kind) : undefined))
    .orderBy(asc(units.kind), asc(units.sortOrder));
  return rows.map((u) => ({
    id: u.id,
    kind: u.kind,
    code: u.code,
    name: u.name,
    subkind: u.subkind,
    isBureau: u.isBureau,
  }));
}

export async function listLoginLog(
  db: Db,
  actor: Actor,
  query: { userId?: string; page: number; pageSize: number },
) {
  const where = and(
    sql`(exists (select 1 from ${users} where ${users.id} = ${loginLog.userId} and ${userScope(actor)}))`,
    query.userId ? eq(loginLog.userId, query.userId) : undefined,
  );
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(loginLog)
    .where(where);
  const rows = await db
    .select()
    .from(loginLog)
    .where(where)
    .orderBy(desc(loginLog.at))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total,
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

/**
 * The actor of a user by id, for work done on a user's behalf outside a request (a job acting for the user who
 * started it). Undefined when there is no such user; the caller decides what a disabled account may still do.
 */
export async function actorOfUser(
  db: Db,
  userId: string,
): Promise<(Actor & { status: 'active' | 'disabled' }) | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return undefined;
  return { ...(await buildActor(db, user)), status: user.status };
}

/** Active users holding a role on one unit (e.g. an agency's users), for pickers in other modules. */
export async function usersBoundTo(db: Db, role: string, unitId: string) {
  return db
    .selectDistinct({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .innerJoin(roleBindings, eq(roleBindings.userId, users.id))
    .where(and(eq(roleBindings.role, role), eq(roleBindings.unitId, unitId), eq(users.status, 'active')))
    .orderBy(asc(users.username));
}
