import { hasRole, unitsWithRole, type Actor } from '../../platform/access/actor.js';

export const canRegisterAssociations = (actor: Actor) => hasRole(actor, 'bureau_admin');

/** An association's own users keep its self-discipline standards. */
export const keepsStandardsOf = (actor: Actor, associationId: string) =>
  unitsWithRole(actor, 'association_user').includes(associationId);

export function associationAbilities(actor: Actor) {
  return {
    manageAssociations: canRegisterAssociations(actor),
    viewAssociations: actor.bindings.length > 0,
  };
}
