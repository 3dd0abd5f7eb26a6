import { loginLog } from '../../../db/schema/identity.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import { revokeSession } from '../../../platform/auth/sessions.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { identityEvents } from '../events.js';

export async function logout(db: Db, actor: Actor, sessionId: string, ip?: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await revokeSession(tx, sessionId);
    await appendEvent(tx, {
      kind: identityEvents.loggedOut,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'user',
      entityId: actor.userId,
      after: {},
    });
    await tx
      .insert(loginLog)
      .values({ userId: actor.userId, username: actor.username, outcome: 'logout', ip });
  });
}
