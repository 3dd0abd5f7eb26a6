import type { Actor } from './actor.js';

type Provider = (actor: Actor) => Record<string, boolean>;

/**
 * What an actor may do at the level of the jurisdiction (menus, "new" buttons), contributed by each module and
 * shipped by `GET /api/me` as `abilities`. Keys are unique across modules.
 */
const providers: Provider[] = [];

export function registerJurisdictionAbilities(provider: Provider): void {
  providers.push(provider);
}

export function allJurisdictionAbilities(actor: Actor): Record<string, boolean> {
  return Object.assign({}, ...providers.map((p) => p(actor))) as Record<string, boolean>;
}
