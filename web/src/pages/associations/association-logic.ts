/**
 * Pure logic of the association pages: which versions an association may adopt, the association user's own
 * associations, items grouped by module and the per-module "select all" of the adoption drawer. No React here, so it
 * is tested in node (association-logic.test.ts).
 */
import type { MeBinding } from '../../api/types';
import type { Standard } from '../standards/standards-logic';

/** Only a published or filed version can be adopted (the server answers SELF_DISCIPLINE_VERSION_NOT_PUBLISHED). */
export const adoptableStatuses: readonly string[] = ['published', 'filed'];

export interface AdoptableVersion {
  versionId: string;
  standardTitle: string;
  number: string;
  status: string;
}

/** The published and filed versions of every standard, filed first within a standard, standards by title. */
export function adoptableVersions(standards: readonly Standard[]): AdoptableVersion[] {
  return [...standards]
    .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
    .flatMap((s) =>
      s.versions
        .filter((v) => adoptableStatuses.includes(v.status))
        .sort((a, b) => (a.status === b.status ? 0 : a.status === 'filed' ? -1 : 1))
        .map((v) => ({ versionId: v.id, standardTitle: s.title, number: v.number, status: v.status })),
    );
}

/** The associations the caller keeps standards for: its association_user bindings. */
export function ownAssociations(roles: readonly Pick<MeBinding, 'role' | 'unitId' | 'unitName'>[]) {
  const seen = new Map<string, string>();
  for (const r of roles)
    if (r.role === 'association_user' && !seen.has(r.unitId)) seen.set(r.unitId, r.unitName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

export interface GroupModule {
  code: string;
  name: string;
  common: boolean;
}

export interface ItemGroup<I> {
  module: GroupModule;
  items: I[];
}

/**
 * Items grouped by module in the version's module order, each group keeping the items' order; modules without items
 * are left out, and items of a module the version does not declare come last, one group per module.
 */
export function groupItems<I extends { module: string }>(
  items: readonly I[],
  modules: readonly GroupModule[],
): ItemGroup<I>[] {
  const groups = new Map<string, ItemGroup<I>>(modules.map((m) => [m.code, { module: m, items: [] }]));
  for (const item of items) {
    let group = groups.get(item.module);
    if (!group) {
      group = { module: { code: item.module, name: item.module, common: false }, items: [] };
      groups.set(item.module, group);
    }
    group.items.push(item);
  }
  return [...groups.values()].filter((g) => g.items.length > 0);
}

/** How many of a module's items are chosen: the module checkbox is checked, half-checked or empty. */
export function moduleSelection(codes: readonly string[], selected: ReadonlySet<string>) {
  const chosen = codes.filter((c) => selected.has(c)).length;
  return {
    chosen,
    checked: codes.length > 0 && chosen === codes.length,
    indeterminate: chosen > 0 && chosen < codes.length,
  };
}

/** Ticks (`on`) or clears every code of a module, leaving the other modules' choices alone. */
export function toggleAll(selected: ReadonlySet<string>, codes: readonly string[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const c of codes) {
    if (on) next.add(c);
    else next.delete(c);
  }
  return next;
}

/** Ticks or clears one code. */
export function toggleOne(selected: ReadonlySet<string>, code: string, on: boolean): Set<string> {
  return toggleAll(selected, [code], on);
}

/** The chosen codes in the version's item order (the order the server keeps them in). */
export function chosenInOrder(items: readonly { code: string }[], selected: ReadonlySet<string>): string[] {
  return items.map((i) => i.code).filter((c) => selected.has(c));
}
