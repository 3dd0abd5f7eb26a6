import type { Actor } from '../access/actor.js';
import type { Db } from '../db/client.js';

/** Whether the actor may read (or attach files to) one entity; false for entities that do not exist. */
export type EntityCheck = (db: Db, actor: Actor, entityId: string) => Promise<boolean>;

interface EntityAccess {
  read: EntityCheck;
  attach: EntityCheck;
}

/**
 * Files are readable by whoever can read an entity they are linked to. The entities live in different modules'
 * tables, so each module registers the checks of its entity types at setup (as with unit resolvers); an entity
 * type nobody registered can take no files.
 */
const checks = new Map<string, EntityAccess>();

export function registerEntityReadCheck(entityType: string, read: EntityCheck, attach?: EntityCheck): void {
  checks.set(entityType, { read, attach: attach ?? read });
}

/** The registered checks of an entity type, or undefined when files cannot be linked to it. */
export function entityAccess(entityType: string): EntityAccess | undefined {
  return checks.get(entityType);
}
