import { settingDefinitions, isSettingKey } from '../../../../domain/settings.js';
import { settings } from '../../../db/schema/platform.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import { platformEvents } from '../../../platform/audit/event-kinds.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';

/** Record a new value for a jurisdiction setting; older values stay as its history. */
export async function changeSetting(
  db: Db,
  actor: Actor,
  key: string,
  value: unknown,
  reason?: string,
): Promise<void> {
  if (!isSettingKey(key)) throw new AppError('SETTING_UNKNOWN');
  const definition = settingDefinitions[key];
  if (!definition.validate(value)) {
    throw new AppError('SETTING_INVALID', {
      fieldErrors: [
        { field: 'body/value', code: 'SETTING_INVALID', message: `${definition.label}的取值不符合要求` },
      ],
    });
  }
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(settings)
      .values({ jurisdictionId: actor.jurisdictionId, key, value, changedBy: actor.userId, reason })
      .returning();
    await appendEvent(tx, {
      kind: platformEvents.settingChanged,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'setting',
      entityId: key,
      after: { key, value, ...(reason ? { reason } : {}) },
      at: row.changedAt,
    });
  });
}
