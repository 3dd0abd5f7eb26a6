import type { Role, UnitKind } from '../../../domain/roles.js';

export interface Binding {
  role: Role;
  unitId: string;
  unitKind: UnitKind;
  unitName: string;
}

/** Who is acting: built once per request from the session, passed to every policy, scope and command. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  jurisdictionId: string;
  bindings: Binding[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.bindings.some((b) => roles.includes(b.role));
}

export function unitsWithRole(actor: Actor, ...roles: Role[]): string[] {
  return actor.bindings.filter((b) => roles.includes(b.role)).map((b) => b.unitId);
}

/** The label written into audit events, e.g. "张三 (zhangsan)". */
export function actorLabel(actor: Actor): string {
  return `${actor.displayName} (${actor.username})`;
}

export function eventActor(actor: Actor | null): { userId: string | null; label: string } {
  return actor ? { userId: actor.userId, label: actorLabel(actor) } : { userId: null, label: 'system' };
}
