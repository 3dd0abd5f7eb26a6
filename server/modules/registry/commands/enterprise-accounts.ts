import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { activationCodes, enterprises } from '../../../db/schema/registry.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { authorize } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { createUser } from '../../identity/commands/create-user.js';
import { registryEvents } from '../events.js';
import { enterprisePolicy } from '../policy.js';

async function loadForAccounts(db: Db, actor: Actor, enterpriseId: string) {
  const [e] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (!e || !enterprisePolicy.read(actor, e)) throw new AppError('ENTERPRISE_NOT_FOUND');
  authorize(enterprisePolicy, actor, 'manageAccounts', e);
  return e;
}

/** A registrar creates a login bound to the enterprise; the user must change the password at first login. */
export async function createEnterpriseAccount(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  input: { username: string; displayName: string; phone?: string | null; password: string },
): Promise<{ userId: string }> {
  const e = await loadForAccounts(db, actor, enterpriseId);
  return inTransaction(db, async (tx) => {
    const { id } = await createUser(tx, actor, {
      jurisdictionId: e.jurisdictionId,
      username: input.username,
      displayName: input.displayName,
      phone: input.phone ?? null,
      password: input.password,
      mustChangePassword: true,
      bindings: [{ role: 'enterprise_user', unitId: e.id }],
    });
    await appendEvent(tx, {
      kind: registryEvents.accountCreated,
      jurisdictionId: e.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'enterprise',
      entityId: e.id,
      after: { userId: id, username: input.username, via: 'registrar' },
    });
    return { userId: id };
  });
}

const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest('hex');

/** A one-time activation code the enterprise uses to create its own login (shown once, stored hashed). */
export async function issueActivationCode(
  db: Db,
  actor: Actor,
  enterpriseId: string,
): Promise<{ code: string; expiresAt: string }> {
  const e = await loadForAccounts(db, actor, enterpriseId);
  const days = await getSetting(db, e.jurisdictionId, 'registry.activationCodeDays');
  const code = randomBytes(10).toString('hex').toUpperCase().match(/.{4}/g)!.join('-');
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await inTransaction(db, async (tx) => {
    await tx
      .insert(activationCodes)
      .values({ codeHash: hashCode(code), enterpriseId: e.id, createdBy: actor.userId, expiresAt });
    await appendEvent(tx, {
      kind: registryEvents.activationCodeIssued,
      jurisdictionId: e.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'enterprise',
      entityId: e.id,
      after: { expiresAt: expiresAt.toISOString() },
    });
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

/** Public: redeem an activation code into an enterprise login. The code works once. */
export async function activateEnterpriseAccount(
  db: Db,
  input: { code: string; username: string; displayName: string; phone?: string | null; password: string },
): Promise<{ userId: string }> {
  const now = new Date();
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ a: activationCodes, e: enterprises })
      .from(activationCodes)
      .innerJoin(enterprises, eq(enterprises.id, activationCodes.enterpriseId))
      .where(
        and(
          eq(activationCodes.codeHash, hashCode(input.code)),
          isNull(activationCodes.usedAt),
          gt(activationCodes.expiresAt, now),
        ),
      )
      .for('update', { of: activationCodes });
    if (!row) throw new AppError('ACTIVATION_CODE_INVALID');
    // a refused username or password rolls the whole redemption back, so the code stays usable
    const { id } = await createUser(tx, null, {
      jurisdictionId: row.e.jurisdictionId,
      username: input.username,
      displayName: input.displayName,
      phone: input.phone ?? null,
      password: input.password,
      mustChangePassword: false,
      bindings: [{ role: 'enterprise_user', unitId: row.e.id }],
    });
    const claimed = await tx
      .update(activationCodes)
      .set({ usedAt: now, usedByUserId: id })
      .where(and(eq(activationCodes.id, row.a.id), isNull(activationCodes.usedAt)))
      .returning({ id: activationCodes.id });
    if (claimed.length === 0) throw new AppError('ACTIVATION_CODE_INVALID');
    await appendEvent(tx, {
      kind: registryEvents.accountCreated,
      jurisdictionId: row.e.jurisdictionId,
      actor: { userId: id, label: `${input.displayName} (${input.username})` },
      entityType: 'enterprise',
      entityId: row.e.id,
      after: { userId: id, username: input.username, via: 'activation_code' },
    });
    return { userId: id };
  });
}
