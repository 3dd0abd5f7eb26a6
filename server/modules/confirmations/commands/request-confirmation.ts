import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { openConfirmationStatuses } from '../../../../domain/confirmations.js';
import { chinaDate } from '../../../../domain/readiness.js';
import { confirmationItems, confirmations } from '../../../db/schema/confirmations.js';
import { eventActor, unitsWithRole, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getAgency } from '../../agencies/index.js';
import { notify } from '../../notifications/index.js';
import { getEnterprise } from '../../registry/queries.js';
import { applicableStandard } from '../../standards/index.js';
import { confirmationEvents } from '../events.js';
import { keyItemsHash } from '../key-items.js';
import { assertMayConfirm } from './eligibility.js';

/**
 * The enterprise asks a qualified agency for a third-party confirmation. The request pins the standard version and
 * the key items that apply to the enterprise now; the agency checks exactly those.
 */
export async function requestConfirmation(
  db: Db,
  actor: Actor,
  input: { enterpriseId: string; agencyId: string; note?: string },
): Promise<string> {
  const enterprise = await getEnterprise(db, actor, input.enterpriseId);
  if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
  if (!unitsWithRole(actor, 'enterprise_user').includes(enterprise.id)) throw new AppError('FORBIDDEN');
  const agency = await getAgency(db, input.agencyId);
  if (!agency || agency.jurisdictionId !== enterprise.jurisdictionId) throw new AppError('AGENCY_NOT_FOUND');
  await assertMayConfirm(db, agency, enterprise.id, chinaDate(new Date()));
  const standard = await applicableStandard(db, enterprise);
  if (!standard) throw new AppError('CONFIRMATION_NO_STANDARD');
  const keyItems = standard.items.filter((i) => i.isKey);

  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`confirmation:${enterprise.id}`}))`);
    const [open] = await tx
      .select({ id: confirmations.id })
      .from(confirmations)
      .where(
        and(
          eq(confirmations.enterpriseId, enterprise.id),
          inArray(confirmations.status, [...openConfirmationStatuses]),
        ),
      );
    if (open) throw new AppError('CONFIRMATION_OPEN_EXISTS', { extra: { confirmationId: open.id } });
    const id = randomUUID();
    await tx.insert(confirmations).values({
      id,
      jurisdictionId: enterprise.jurisdictionId,
      enterpriseId: enterprise.id,
      subdistrictId: enterprise.subdistrictId,
      agencyId: agency.id,
      standardId: standard.standardId,
      standardVersionId: standard.versionId,
      standardTitle: standard.title,
      versionNumber: standard.versionNumber,
      keyItemsHash: keyItemsHash(standard.items),
      requestedBy: actor.userId,
      note: input.note?.trim() || null,
    });
    if (keyItems.length > 0) {
      await tx.insert(confirmationItems).values(
        keyItems.map((i) => ({
          confirmationId: id,
          itemCode: i.code,
          position: i.position,
          module: i.module,
          requirement: i.requirement,
        })),
      );
    }
    await appendEvent(tx, {
      kind: confirmationEvents.requested,
      jurisdictionId: enterprise.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'confirmation',
      entityId: id,
      after: {
        enterpriseId: enterprise.id,
        agencyId: agency.id,
        standardVersionId: standard.versionId,
        keyItems: keyItems.length,
      },
    });
    await notify(tx, {
      jurisdictionId: enterprise.jurisdictionId,
      unitKind: 'agency',
      unitId: agency.id,
      kind: 'confirmation.requested',
      title: '收到第三方确认委托',
      body: enterprise.name,
      link: `/confirmations/${id}`,
      entityType: 'confirmation',
      entityId: id,
    });
    return id;
  });
}
