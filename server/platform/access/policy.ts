import type { Actor } from './actor.js';
import { AppError } from '../errors/app-error.js';

/** A policy: for each action, whether the actor may do it to this entity. Pure; tested as tables. */
export type Policy<E, A extends string> = Record<A, (actor: Actor, entity: E) => boolean>;

export function can<E, A extends string>(policy: Policy<E, A>, actor: Actor, action: A, entity: E): boolean {
  return policy[action](actor, entity);
}

export function authorize<E, A extends string>(policy: Policy<E, A>, actor: Actor, action: A, entity: E): void {
  if (!policy[action](actor, entity)) throw new AppError('FORBIDDEN');
}

/** The abilities shipped with an entity, so the UI shows exactly what the server would allow. */
export function abilities<E, A extends string>(policy: Policy<E, A>, actor: Actor, entity: E): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const action of Object.keys(policy) as A[]) out[action] = policy[action](actor, entity);
  return out;
}

/**
 * Set-based check for bulk actions: load the requested rows through the scoped loader (rows out of scope
 * are simply absent) and keep the ids the policy allows.
 */
export async function allowedIds<E extends { id: string }, A extends string>(
  actor: Actor,
  policy: Policy<E, A>,
  action: A,
  ids: readonly string[],
  loadScoped: (ids: readonly string[]) => Promise<E[]>,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await loadScoped([...new Set(ids)]);
  return new Set(rows.filter((row) => policy[action](actor, row)).map((row) => row.id));
}
