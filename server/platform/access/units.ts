import type { UnitKind } from '../../../domain/roles.js';
import type { Db } from '../db/client.js';

export interface ResolvedUnit {
  id: string;
  kind: UnitKind;
  name: string;
  jurisdictionId: string;
  /** for departments: whether it is the emergency management bureau */
  isBureau?: boolean;
}

type Resolver = (db: Db, ids: readonly string[]) => Promise<ResolvedUnit[]>;

/**
 * Role bindings point at units that live in different modules' tables (departments and subdistricts in
 * identity, enterprises in registry, agencies in confirmation …). Each module registers how to resolve its
 * kind, so identity never reads another module's tables.
 */
const resolvers = new Map<UnitKind, Resolver>();

export function registerUnitResolver(kind: UnitKind, resolver: Resolver): void {
  resolvers.set(kind, resolver);
}

export async function resolveUnits(db: Db, kind: UnitKind, ids: readonly string[]): Promise<ResolvedUnit[]> {
  const resolver = resolvers.get(kind);
  if (!resolver || ids.length === 0) return [];
  return resolver(db, ids);
}
