import type { UnitKind } from '../../../../domain/roles.js';
import { notifications } from '../../../db/schema/notifications.js';
import type { Db } from '../../../platform/db/client.js';

/** What a module says when it notifies a unit. Title and body are Chinese, as the users read them. */
export interface NotifyInput {
  jurisdictionId: string;
  /** the unit addressed: every user bound to it sees the notification */
  unitKind: UnitKind;
  unitId: string;
  /** dotted kind, e.g. 'hazard.reminder' */
  kind: string;
  title: string;
  body: string;
  /** a route of the web app, e.g. /hazards/<id>; never an outside URL */
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** when it happened; defaults to the transaction's now() (jobs with an explicit clock pass theirs) */
  at?: Date;
}

const kindPattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
/** an app route: one leading slash, no scheme, no protocol-relative //host */
const linkPattern = /^\/(?![/\\])[^\s]*$/;

/** Programming errors of the caller, thrown before anything is written (the caller's transaction rolls back). */
function check(input: NotifyInput): void {
  if (!kindPattern.test(input.kind) || input.kind.length > 60)
    throw new Error(`notify: bad kind ${JSON.stringify(input.kind)}`);
  if (input.title.trim() === '' || input.title.length > 200)
    throw new Error('notify: the title must be 1–200 characters');
  if (input.body.length > 2000) throw new Error('notify: the body must be at most 2000 characters');
  if (input.link != null && (!linkPattern.test(input.link) || input.link.length > 500))
    throw new Error(
      `notify: the link must be an app route like /hazards/<id>, got ${JSON.stringify(input.link)}`,
    );
}

const row = (input: NotifyInput) => ({
  jurisdictionId: input.jurisdictionId,
  unitKind: input.unitKind,
  unitId: input.unitId,
  kind: input.kind,
  title: input.title.trim(),
  body: input.body,
  link: input.link ?? null,
  entityType: input.entityType ?? null,
  entityId: input.entityId ?? null,
  ...(input.at ? { createdAt: input.at } : {}),
});

/**
 * Notifies one unit. Call it inside the transaction of the change that causes it, so the notification commits
 * (or rolls back) with that change. Not audited: a notification is a message about a change, and the change
 * itself carries the audit event.
 */
export async function notify(tx: Db, input: NotifyInput): Promise<{ id: string }> {
  check(input);
  const [created] = await tx.insert(notifications).values(row(input)).returning({ id: notifications.id });
  return created;
}

/** Notifies several units in one statement (e.g. an enterprise and its subdistrict). */
export async function notifyMany(tx: Db, inputs: readonly NotifyInput[]): Promise<{ id: string }[]> {
  if (inputs.length === 0) return [];
  inputs.forEach(check);
  return tx.insert(notifications).values(inputs.map(row)).returning({ id: notifications.id });
}
