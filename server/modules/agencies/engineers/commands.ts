import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { engineerTransitions, type EngineerAction } from '../../../../domain/confirmations.js';
import { nextStatus } from '../../../../domain/transitions.js';
import { agencies, engineers } from '../../../db/schema/agencies.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { can } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { actorOfUser } from '../../identity/queries.js';
import { agencyPolicy } from '../policy.js';
import { engineerEvents } from './events.js';
import { canAddEngineer, engineerPolicy } from './policy.js';
import { findEngineer } from './queries.js';

export interface EngineerInput {
  name: string;
  certificateNumber: string;
  level: 'senior' | 'intermediate' | 'junior';
  speciality?: string;
  validFrom: string;
  validTo: string;
  /** the engineer's own login: an agency user of the same agency */
  userId?: string | null;
}

const isDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

async function checkInput(db: Db, agencyId: string, input: EngineerInput): Promise<void> {
  if (!isDate(input.validFrom) || !isDate(input.validTo) || input.validTo < input.validFrom) {
    throw new AppError('ENGINEER_DATES_INVALID', {
      fieldErrors: [
        { field: 'body/validTo', code: 'ENGINEER_DATES_INVALID', message: '有效期止须不早于有效期起' },
      ],
    });
  }
  if (input.userId) {
    const user = await actorOfUser(db, input.userId);
    const bound = user?.bindings.some((b) => b.role === 'agency_user' && b.unitId === agencyId);
    if (!bound) {
      throw new AppError('VALIDATION_FAILED', {
        fieldErrors: [
          { field: 'body/userId', code: 'not_agency_user', message: '登录账号须为本机构的机构用户' },
        ],
      });
    }
  }
}

function fieldsOf(input: EngineerInput) {
  return {
    name: input.name.trim(),
    certificateNumber: input.certificateNumber.trim(),
    level: input.level,
    speciality: input.speciality?.trim() ?? '',
    validFrom: input.validFrom,
    validTo: input.validTo,
    userId: input.userId ?? null,
  };
}

/** Add an engineer to an agency: by the agency (waits for approval) or by the bureau (approved at once). */
export async function addEngineer(
  db: Db,
  actor: Actor,
  agencyId: string,
  input: EngineerInput,
): Promise<string> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency || !agencyPolicy.read(actor, agency)) throw new AppError('AGENCY_NOT_FOUND');
  if (!canAddEngineer(actor, agency)) throw new AppError('FORBIDDEN');
  await checkInput(db, agencyId, input);
  const byBureau = actor.bindings.some((b) => b.role === 'bureau_admin');
  return inTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: engineers.id })
      .from(engineers)
      .where(
        and(
          eq(engineers.jurisdictionId, agency.jurisdictionId),
          eq(engineers.certificateNumber, input.certificateNumber.trim()),
        ),
      );
    if (taken)
      throw new AppError('ENGINEER_CERTIFICATE_TAKEN', {
        fieldErrors: [
          { field: 'body/certificateNumber', code: 'ENGINEER_CERTIFICATE_TAKEN', message: '证书编号已登记' },
        ],
      });
    const id = randomUUID();
    const now = new Date();
    const status = byBureau ? 'approved' : 'pending';
    await tx.insert(engineers).values({
      id,
      jurisdictionId: agency.jurisdictionId,
      agencyId,
      ...fieldsOf(input),
      status,
      ...(byBureau ? { reviewedBy: actor.userId, reviewedAt: now } : {}),
    });
    await appendEvent(tx, {
      kind: engineerEvents.added,
      jurisdictionId: agency.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'engineer',
      entityId: id,
      after: { agencyId, status, fields: fieldsOf(input) },
    });
    return id;
  });
}

/** Change an engineer record; the change waits for the bureau's approval again unless the bureau made it. */
export async function editEngineer(db: Db, actor: Actor, id: string, input: EngineerInput): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await findEngineer(tx, actor, id, { forUpdate: true });
    if (!row) throw new AppError('ENGINEER_NOT_FOUND');
    if (!nextStatus(engineerTransitions, row.status, 'edit')) throw new AppError('ENGINEER_TRANSITION');
    if (!can(engineerPolicy, actor, 'edit', row)) throw new AppError('FORBIDDEN');
    await checkInput(tx, row.agencyId, input);
    const fields = fieldsOf(input);
    if (fields.certificateNumber !== row.certificateNumber) {
      const [taken] = await tx
        .select({ id: engineers.id })
        .from(engineers)
        .where(
          and(
            eq(engineers.jurisdictionId, row.jurisdictionId),
            eq(engineers.certificateNumber, fields.certificateNumber),
          ),
        );
      if (taken) throw new AppError('ENGINEER_CERTIFICATE_TAKEN');
    }
    const byBureau = actor.bindings.some((b) => b.role === 'bureau_admin');
    const status = byBureau ? row.status : 'pending';
    await tx
      .update(engineers)
      .set({ ...fields, status, updatedAt: new Date() })
      .where(eq(engineers.id, id));
    await appendEvent(tx, {
      kind: engineerEvents.edited,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'engineer',
      entityId: id,
      before: { status: row.status, fields: fieldsOf({ ...row, speciality: row.speciality }) },
      after: { agencyId: row.agencyId, status, fields },
    });
  });
}

/** The bureau approves, rejects or revokes an engineer record, with a note. */
export async function reviewEngineer(
  db: Db,
  actor: Actor,
  id: string,
  action: Exclude<EngineerAction, 'edit'>,
  note?: string,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await findEngineer(tx, actor, id, { forUpdate: true });
    if (!row) throw new AppError('ENGINEER_NOT_FOUND');
    const to = nextStatus(engineerTransitions, row.status, action);
    if (!to) throw new AppError('ENGINEER_TRANSITION');
    if (!can(engineerPolicy, actor, action, row)) throw new AppError('FORBIDDEN');
    const now = new Date();
    await tx
      .update(engineers)
      .set({
        status: to,
        reviewNote: note?.trim() || null,
        reviewedBy: actor.userId,
        reviewedAt: now,
        updatedAt: now,
      })
      .where(and(eq(engineers.id, id), eq(engineers.status, row.status)));
    await appendEvent(tx, {
      kind: engineerEvents.reviewed,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'engineer',
      entityId: id,
      before: { status: row.status },
      after: { agencyId: row.agencyId, status: to, action, note: note?.trim() ?? '' },
    });
  });
}
