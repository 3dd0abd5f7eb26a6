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

/** Two modules naming the same ability would silently override each other: that is a programming error. */
export function allJurisdictionAbilities(actor: Actor): Record<string, boolean> {
  const all: Record<string, boolean> = {};
  for (const provider of providers) {
    for (const [key, value] of Object.entries(provider(actor))) {
      if (Object.hasOwn(all, key)) throw new Error(`jurisdiction ability ${key} is defined by two modules`);
      all[key] = value;
    }
  }
  return all;
}
