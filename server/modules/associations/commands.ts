import { and, eq } from 'drizzle-orm';
import { usccProblem, usccProblemMessages } from '../../../domain/uscc.js';
import { associations, selfDisciplineStandards } from '../../db/schema/associations.js';
import { eventActor, type Actor } from '../../platform/access/actor.js';
import { appendEvent } from '../../platform/audit/append.js';
import type { Db } from '../../platform/db/client.js';
import { inTransaction } from '../../platform/db/tx.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getVersion } from '../standards/queries.js';
import { associationEvents } from './events.js';
import { canRegisterAssociations, keepsStandardsOf } from './policy.js';
import { findAssociation } from './queries.js';

export interface AssociationInput {
  name: string;
  uscc: string;
  industryScope: string[];
  contactName?: string;
  contactPhone?: string;
}

/** The bureau registers an industry association. */
export async function registerAssociation(db: Db, actor: Actor, input: AssociationInput): Promise<string> {
  if (!canRegisterAssociations(actor)) throw new AppError('FORBIDDEN');
  const uscc = input.uscc.trim().toUpperCase();
  const problem = usccProblem(uscc);
  if (problem)
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [{ field: 'body/uscc', code: problem, message: usccProblemMessages[problem] }],
    });
  return inTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: associations.id })
      .from(associations)
      .where(and(eq(associations.jurisdictionId, actor.jurisdictionId), eq(associations.uscc, uscc)));
    if (taken) throw new AppError('ASSOCIATION_USCC_TAKEN');
    const [row] = await tx
      .insert(associations)
      .values({
        jurisdictionId: actor.jurisdictionId,
        name: input.name.trim(),
        uscc,
        industryScope: input.industryScope,
        contactName: input.contactName?.trim() || null,
        contactPhone: input.contactPhone?.trim() || null,
      })
      .returning({ id: associations.id });
    await appendEvent(tx, {
      kind: associationEvents.registered,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'association',
      entityId: row.id,
      after: { name: input.name.trim(), uscc, industryScope: input.industryScope },
    });
    return row.id;
  });
}

/**
 * An association adopts a subset of a published or filed standard version as its self-discipline standard. The items
 * are kept as codes of that version: the standard shows the version's own texts and never copies them.
 */
export async function adoptSelfDiscipline(
  db: Db,
  actor: Actor,
  associationId: string,
  input: { title: string; standardVersionId: string; itemCodes: string[] },
): Promise<string> {
  const association = await findAssociation(db, actor, associationId);
  if (!keepsStandardsOf(actor, association.id)) throw new AppError('FORBIDDEN');
  if (association.status !== 'active') throw new AppError('ASSOCIATION_NOT_ACTIVE');
  const version = await getVersion(db, actor, input.standardVersionId);
  if (version.status !== 'published' && version.status !== 'filed')
    throw new AppError('SELF_DISCIPLINE_VERSION_NOT_PUBLISHED');
  const known = new Set(version.items.map((i) => i.code));
  const codes = [...new Set(input.itemCodes)];
  const unknown = codes.filter((c) => !known.has(c));
  if (codes.length === 0 || unknown.length > 0) {
    throw new AppError('SELF_DISCIPLINE_ITEMS_INVALID', {
      fieldErrors: (unknown.length ? unknown : ['']).map((c) => ({
        field: 'body/itemCodes',
        code: 'SELF_DISCIPLINE_ITEMS_INVALID',
        message: c ? `条目 ${c} 不属于该标准版本` : '至少选择一个条目',
      })),
    });
  }
  const ordered = version.items.map((i) => i.code).filter((c) => codes.includes(c));
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(selfDisciplineStandards)
      .values({
        jurisdictionId: association.jurisdictionId,
        associationId,
        standardVersionId: input.standardVersionId,
        title: input.title.trim(),
        itemCodes: ordered,
        createdBy: actor.userId,
      })
      .returning({ id: selfDisciplineStandards.id });
    await appendEvent(tx, {
      kind: associationEvents.standardAdopted,
      jurisdictionId: association.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'self_discipline_standard',
      entityId: row.id,
      after: {
        associationId,
        standardVersionId: input.standardVersionId,
        title: input.title.trim(),
        itemCodes: ordered,
      },
    });
    return row.id;
  });
}

export async function withdrawSelfDiscipline(db: Db, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(selfDisciplineStandards)
      .where(
        and(
          eq(selfDisciplineStandards.id, id),
          eq(selfDisciplineStandards.jurisdictionId, actor.jurisdictionId),
        ),
      )
      .for('update');
    if (!row) throw new AppError('SELF_DISCIPLINE_NOT_FOUND');
    if (!keepsStandardsOf(actor, row.associationId)) throw new AppError('FORBIDDEN');
    if (row.status !== 'active') throw new AppError('CONFLICT_STATE');
    await tx
      .update(selfDisciplineStandards)
      .set({ status: 'withdrawn', withdrawnAt: new Date() })
      .where(eq(selfDisciplineStandards.id, id));
    await appendEvent(tx, {
      kind: associationEvents.standardWithdrawn,
      jurisdictionId: row.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'self_discipline_standard',
      entityId: id,
      before: { status: 'active' },
      after: { associationId: row.associationId },
    });
  });
}
