/**
 * What the signed-in user may see, decided from what the server sent in /api/me (roles and abilities).
 * Pure functions, so the menu, the routes and the tests agree. The server still checks every request:
 * this only hides what would be refused.
 */
import type { Role } from '../../domain/roles';

export interface Access {
  roles: readonly string[];
  abilities: Readonly<Record<string, boolean>>;
}

/** A page's requirement: an ability from /api/me, and/or one of some roles. Both must hold when both are given. */
export interface Requirement {
  ability?: string;
  anyRole?: readonly Role[];
}

export function allows(requirement: Requirement | undefined, access: Access): boolean {
  if (!requirement) return true;
  if (requirement.ability !== undefined && access.abilities[requirement.ability] !== true) return false;
  if (requirement.anyRole && !requirement.anyRole.some((r) => access.roles.includes(r))) return false;
  return true;
}

export interface MenuItemLike {
  key: string;
  path: string;
  group?: string;
  requires?: Requirement;
  /** a route without a menu item (detail pages) */
  hidden?: boolean;
}

export type MenuNode<E extends MenuItemLike> =
  { type: 'item'; entry: E } | { type: 'group'; key: string; children: E[] };

/**
 * The menu the user sees: allowed, non-hidden entries in declaration order; entries of one group gather under
 * the group at the place of its first entry; a group with nothing allowed does not appear.
 */
export function buildMenu<E extends MenuItemLike>(entries: readonly E[], access: Access): MenuNode<E>[] {
  const nodes: MenuNode<E>[] = [];
  const groups = new Map<string, { type: 'group'; key: string; children: E[] }>();
  for (const entry of entries) {
    if (entry.hidden || !allows(entry.requires, access)) continue;
    if (!entry.group) {
      nodes.push({ type: 'item', entry });
      continue;
    }
    let group = groups.get(entry.group);
    if (!group) {
      group = { type: 'group', key: entry.group, children: [] };
      groups.set(entry.group, group);
      nodes.push(group);
    }
    group.children.push(entry);
  }
  return nodes;
}

/** The entry a location belongs to: the longest path that is the location or a parent of it. */
export function entryForPath<E extends MenuItemLike>(entries: readonly E[], pathname: string): E | undefined {
  let best: E | undefined;
  for (const entry of entries) {
    const p = entry.path;
    const matches = p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`);
    if (matches && (!best || p.length > best.path.length)) best = entry;
  }
  return best;
}
