import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { changeAgencyStatus } from '../../agencies/commands/change-agency-status.js';
import { downgradeAgency } from '../../agencies/commands/downgrade-agency.js';
import { notify } from '../../notifications/index.js';
import { confirmationEvents } from '../events.js';
import { loadConfirmationFor, setStatus } from './move-confirmation.js';

/**
 * The bureau decides a confirmation was false: it is revoked, and the agency is blacklisted or downgraded in the same
 * transaction. The enterprise's exit for false compliance is wired by the white-list workflow, which listens for
 * `confirmation.revoked`.
 */
export async function revokeConfirmation(
  db: Db,
  actor: Actor,
  id: string,
  input: { reason: string; penalty: 'blacklist' | 'downgrade' },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { row, to } = await loadConfirmationFor(tx, actor, id, 'revoke', 'revoke');
    const reason = input.reason.trim();
    await setStatus(tx, row, to, { falseConfirmation: true, revokedReason: reason });
    await appendEvent(tx, {
      kind: confirmationEvents.revoked,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'confirmation',
      entityId: id,
      before: { status: row.status },
      after: { enterpriseId: row.enterpriseId, agencyId: row.agencyId, reason, penalty: input.penalty },
    });
    if (input.penalty === 'blacklist')
      await changeAgencyStatus(tx, actor, row.agencyId, 'blacklist', `虚假确认：${reason}`);
    else await downgradeAgency(tx, actor, row.agencyId, `虚假确认：${reason}`);
    await notify(tx, {
      jurisdictionId: row.jurisdictionId,
      unitKind: 'enterprise',
      unitId: row.enterpriseId,
      kind: 'confirmation.revoked',
      title: '第三方确认已被认定为虚假确认并撤销',
      body: reason,
      link: `/confirmations/${id}`,
      entityType: 'confirmation',
      entityId: id,
    });
  });
}
