import { and, eq, ne } from 'drizzle-orm';
import { enterprises } from '../../../db/schema/registry.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { authorize } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { registryEvents } from '../events.js';
import { assertValidFields, changedFields, cleanFields, fieldsOf, type EnterpriseFields } from '../fields.js';
import { canRegisterIn, enterprisePolicy } from '../policy.js';

const contactFields = ['contactName', 'contactPhone', 'safetyManagerName', 'safetyManagerPhone'] as const;

/**
 * Edit an enterprise. Registrars may change every field (a subdistrict officer cannot move it out of its
 * subdistrict); the enterprise itself may change only its contacts. Nothing changes when nothing differs.
 */
export async function updateEnterprise(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<EnterpriseFields>,
): Promise<{ changed: string[] }> {
  const [current] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  if (!current || !enterprisePolicy.read(actor, current)) throw new AppError('ENTERPRISE_NOT_FOUND');
  const onlyContacts = Object.keys(patch).every((k) => (contactFields as readonly string[]).includes(k));
  authorize(enterprisePolicy, actor, onlyContacts ? 'updateContacts' : 'update', current);
  const next = cleanFields({ ...fieldsOf(current), ...patch });
  if (
    !canRegisterIn(actor, { jurisdictionId: current.jurisdictionId, subdistrictId: next.subdistrictId }) &&
    !onlyContacts
  ) {
    throw new AppError('ENTERPRISE_OUTSIDE_SUBDISTRICT');
  }
  await assertValidFields(db, current.jurisdictionId, next, id);
  return inTransaction(db, async (tx) => {
    // lock the row: two editors serialise, and the event's "before" is what this edit really replaced
    const [locked] = await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update');
    const diff = changedFields(fieldsOf(locked), next);
    if (Object.keys(diff).length === 0) return { changed: [] };
    if (diff.uscc) {
      const [taken] = await tx
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(
          and(
            eq(enterprises.jurisdictionId, current.jurisdictionId),
            eq(enterprises.uscc, next.uscc),
            ne(enterprises.id, id),
          ),
        );
      if (taken) throw new AppError('ENTERPRISE_USCC_TAKEN');
    }
    await tx
      .update(enterprises)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(enterprises.id, id));
    await appendEvent(tx, {
      kind: registryEvents.enterpriseUpdated,
      jurisdictionId: current.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'enterprise',
      entityId: id,
      before: { fields: Object.fromEntries(Object.entries(diff).map(([k, [b]]) => [k, b])) },
      after: { fields: Object.fromEntries(Object.entries(diff).map(([k, [, a]]) => [k, a])) },
    });
    return { changed: Object.keys(diff) };
  });
}
