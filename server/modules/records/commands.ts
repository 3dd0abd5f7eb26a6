import { randomUUID } from 'node:crypto';
import { isCalendarDate, chinaDate } from '../../../domain/readiness.js';
import { accidents, dishonestyListings, penalties } from '../../db/schema/records.js';
import { eventActor, type Actor } from '../../platform/access/actor.js';
import { appendEvents } from '../../platform/audit/append.js';
import type { Db } from '../../platform/db/client.js';
import { inTransaction } from '../../platform/db/tx.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getEnterprise } from '../registry/queries.js';
import { recordEvents } from './events.js';
import { recordAbilities } from './policy.js';

type Ability = keyof ReturnType<typeof recordAbilities>;

function checkDate(value: string, field: string, opts: { notFuture?: boolean } = {}) {
  if (!isCalendarDate(value))
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [{ field, code: 'format', message: '日期无效' }],
    });
  if (opts.notFuture && value > chinaDate(new Date())) {
    throw new AppError('RECORD_DATE_IN_FUTURE', {
      fieldErrors: [{ field, code: 'RECORD_DATE_IN_FUTURE', message: '日期不能晚于今天' }],
    });
  }
}

async function enterpriseFor(db: Db, actor: Actor, enterpriseId: string, ability: Ability) {
  if (!recordAbilities(actor)[ability]) throw new AppError('FORBIDDEN');
  const e = await getEnterprise(db, actor, enterpriseId);
  if (!e) throw new AppError('ENTERPRISE_NOT_FOUND');
  return e;
}

/** What a record needs of its enterprise: the scope columns it is tagged with. */
export type RecordEnterprise = { id: string; jurisdictionId: string; subdistrictId: string };
type RecordTable = typeof accidents | typeof penalties | typeof dishonestyListings;

const recordTables = {
  accident: { table: accidents, kind: recordEvents.accidentRecorded, entityType: 'accident' },
  penalty: { table: penalties, kind: recordEvents.penaltyRecorded, entityType: 'penalty' },
  dishonesty: {
    table: dishonestyListings,
    kind: recordEvents.dishonestyListed,
    entityType: 'dishonesty_listing',
  },
} as const satisfies Record<
  string,
  { table: RecordTable; kind: (typeof recordEvents)[keyof typeof recordEvents]; entityType: string }
>;

/** One record to insert: its enterprise and its fields as stored (with `source`). */
export interface RecordToInsert {
  enterprise: RecordEnterprise;
  fields: Record<string, unknown>;
}

/**
 * Insert adverse records of one kind with their sources, and one audit event each, inside the caller's
 * transaction: one record entered by hand, or every row of an import (in chunks, the chain head locked once).
 * Returns the new ids in the order given.
 */
export async function insertRecords(
  tx: Db,
  actor: Actor,
  type: keyof typeof recordTables,
  records: readonly RecordToInsert[],
  sourceKind: 'entered' | 'import' | 'enforcement',
): Promise<string[]> {
  const { table, kind, entityType } = recordTables[type];
  const rows = records.map(({ enterprise: e, fields }) => ({
    id: randomUUID(),
    jurisdictionId: e.jurisdictionId,
    enterpriseId: e.id,
    subdistrictId: e.subdistrictId,
    ...fields,
    sourceKind,
    createdBy: actor.userId,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(table).values(rows.slice(i, i + 500) as (typeof table.$inferInsert)[]);
  const logged = records.map(({ enterprise: e, fields }, i) => ({
    kind,
    jurisdictionId: e.jurisdictionId,
    actor: eventActor(actor),
    entityType,
    entityId: rows[i].id,
    after: { enterpriseId: e.id, fields },
  }));
  // one chain per jurisdiction (an import's enterprises are all of the caller's)
  for (const jurisdictionId of new Set(logged.map((event) => event.jurisdictionId)))
    await appendEvents(
      tx,
      logged.filter((event) => event.jurisdictionId === jurisdictionId),
    );
  return rows.map((r) => r.id);
}

export interface AccidentInput {
  enterpriseId: string;
  occurredOn: string;
  grade: (typeof accidents.$inferInsert)['grade'];
  deaths: number;
  seriousInjuries: number;
  directLoss?: number;
  description?: string;
  source: string;
}

export async function recordAccident(
  db: Db,
  actor: Actor,
  input: AccidentInput,
  sourceKind: 'entered' | 'import' = 'entered',
): Promise<string> {
  const e = await enterpriseFor(db, actor, input.enterpriseId, 'recordAccidents');
  checkDate(input.occurredOn, 'body/occurredOn', { notFuture: true });
  const fields = {
    occurredOn: input.occurredOn,
    grade: input.grade,
    deaths: input.deaths,
    seriousInjuries: input.seriousInjuries,
    directLoss: input.directLoss ?? 0,
    description: input.description?.trim() ?? '',
    source: input.source.trim(),
  };
  const [id] = await inTransaction(db, (tx) =>
    insertRecords(tx, actor, 'accident', [{ enterprise: e, fields }], sourceKind),
  );
  return id;
}

export interface PenaltyInput {
  enterpriseId: string;
  authority: string;
  decisionNumber: string;
  decidedOn: string;
  violation: string;
  sanction: string;
  workSafety: boolean;
  source: string;
}

export async function recordPenalty(
  db: Db,
  actor: Actor,
  input: PenaltyInput,
  sourceKind: 'entered' | 'import' | 'enforcement' = 'entered',
): Promise<string> {
  const e = await enterpriseFor(db, actor, input.enterpriseId, 'recordPenalties');
  checkDate(input.decidedOn, 'body/decidedOn', { notFuture: true });
  const fields = {
    authority: input.authority.trim(),
    decisionNumber: input.decisionNumber.trim(),
    decidedOn: input.decidedOn,
    violation: input.violation.trim(),
    sanction: input.sanction.trim(),
    workSafety: input.workSafety,
    source: input.source.trim(),
  };
  const [id] = await inTransaction(db, (tx) =>
    insertRecords(tx, actor, 'penalty', [{ enterprise: e, fields }], sourceKind),
  );
  return id;
}

export interface DishonestyInput {
  enterpriseId: string;
  listedBy: string;
  fromDate: string;
  toDate?: string | null;
  reason: string;
  source: string;
}

export async function listDishonesty(
  db: Db,
  actor: Actor,
  input: DishonestyInput,
  sourceKind: 'entered' | 'import' = 'entered',
): Promise<string> {
  const e = await enterpriseFor(db, actor, input.enterpriseId, 'listDishonesty');
  checkDate(input.fromDate, 'body/fromDate');
  if (input.toDate) {
    checkDate(input.toDate, 'body/toDate');
    if (input.toDate < input.fromDate)
      throw new AppError('VALIDATION_FAILED', {
        fieldErrors: [{ field: 'body/toDate', code: 'order', message: '移出日期不能早于列入日期' }],
      });
  }
  const fields = {
    listedBy: input.listedBy.trim(),
    fromDate: input.fromDate,
    toDate: input.toDate ?? null,
    reason: input.reason.trim(),
    source: input.source.trim(),
  };
  const [id] = await inTransaction(db, (tx) =>
    insertRecords(tx, actor, 'dishonesty', [{ enterprise: e, fields }], sourceKind),
  );
  return id;
}
