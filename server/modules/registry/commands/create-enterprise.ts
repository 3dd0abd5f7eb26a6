import { and, eq } from 'drizzle-orm';
import { enterprises } from '../../../db/schema/registry.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { registryEvents } from '../events.js';
import { assertValidFields, cleanFields, type EnterpriseFields } from '../fields.js';
import { canRegisterIn } from '../policy.js';

/** Register an enterprise. The bureau registers anywhere; a subdistrict officer only in its subdistrict. */
export async function createEnterprise(
  db: Db,
  actor: Actor,
  input: EnterpriseFields,
): Promise<{ id: string }> {
  const fields = cleanFields(input);
  if (!canRegisterIn(actor, { jurisdictionId: actor.jurisdictionId, subdistrictId: fields.subdistrictId })) {
    throw new AppError('ENTERPRISE_OUTSIDE_SUBDISTRICT');
  }
  await assertValidFields(db, actor.jurisdictionId, fields);
  return inTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.jurisdictionId, actor.jurisdictionId), eq(enterprises.uscc, fields.uscc)));
    if (taken) {
      throw new AppError('ENTERPRISE_USCC_TAKEN', {
        fieldErrors: [
          { field: 'body/uscc', code: 'ENTERPRISE_USCC_TAKEN', message: '该统一社会信用代码的企业已登记' },
        ],
        extra: { enterpriseId: taken.id },
      });
    }
    const [row] = await tx
      .insert(enterprises)
      .values({ ...fields, jurisdictionId: actor.jurisdictionId })
      .onConflictDoNothing()
      .returning({ id: enterprises.id });
    if (!row) throw new AppError('ENTERPRISE_USCC_TAKEN');
    await appendEvent(tx, {
      kind: registryEvents.enterpriseCreated,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'enterprise',
      entityId: row.id,
      after: { fields: { ...fields } },
    });
    return row;
  });
}
