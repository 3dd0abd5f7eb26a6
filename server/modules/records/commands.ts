import { isCalendarDate, chinaDate } from '../../../domain/readiness.js';
import { accidents, dishonestyListings, penalties } from '../../db/schema/records.js';
import { eventActor, type Actor } from '../../platform/access/actor.js';
import { appendEvent } from '../../platform/audit/append.js';
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

type Enterprise = NonNullable<Awaited<ReturnType<typeof getEnterprise>>>;
type RecordTable = typeof accidents | typeof penalties | typeof dishonestyListings;

/** Insert one adverse record of the enterprise with its source, and its event, in one transaction. */
async function insertRecord(
  db: Db,
  actor: Actor,
  e: Enterprise,
  table: RecordTable,
  record: {
    kind: (typeof recordEvents)[keyof typeof recordEvents];
    entityType: string;
    sourceKind: string;
    fields: Record<string, unknown>;
  },
): Promise<string> {
  return inTransaction(db, async (tx) => {
    const values = {
      jurisdictionId: e.jurisdictionId,
      enterpriseId: e.id,
      subdistrictId: e.subdistrictId,
      ...record.fields,
      sourceKind: record.sourceKind,
      createdBy: actor.userId,
    };
    const [row] = (await tx
      .insert(table)
      .values(values as typeof table.$inferInsert)
      .returning({ id: table.id })) as { id: string }[];
    await appendEvent(tx, {
      kind: record.kind,
      jurisdictionId: e.jurisdictionId,
      actor: eventActor(actor),
      entityType: record.entityType,
      entityId: row.id,
      after: { enterpriseId: e.id, fields: record.fields },
    });
    return row.id;
  });
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
  return insertRecord(db, actor, e, accidents, {
    kind: recordEvents.accidentRecorded,
    entityType: 'accident',
    sourceKind,
    fields,
  });
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
  return insertRecord(db, actor, e, penalties, {
    kind: recordEvents.penaltyRecorded,
    entityType: 'penalty',
    sourceKind,
    fields,
  });
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
  return insertRecord(db, actor, e, dishonestyListings, {
    kind: recordEvents.dishonestyListed,
    entityType: 'dishonesty_listing',
    sourceKind,
    fields,
  });
}
