import { and, eq, ne } from 'drizzle-orm';
import { isIsoDate, type AgencyKind } from '../../../../domain/agencies.js';
import { normaliseUscc, usccProblem, usccProblemMessages } from '../../../../domain/uscc.js';
import { agencies } from '../../../db/schema/agencies.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { authorize } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError, type FieldError } from '../../../platform/errors/app-error.js';
import type { ErrorCode } from '../../../platform/errors/catalogue.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { agencyEvents } from '../events.js';
import { agencyPolicy } from '../policy.js';

export interface AgencyFields {
  name: string;
  uscc: string;
  kinds: AgencyKind[];
  grade: string | null;
  gradeValidUntil: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
}

const fieldNames = [
  'name',
  'uscc',
  'kinds',
  'grade',
  'gradeValidUntil',
  'contactName',
  'contactPhone',
  'address',
] as const;

const opt = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

function clean(f: AgencyFields): AgencyFields {
  return {
    name: f.name.trim(),
    uscc: normaliseUscc(f.uscc),
    // kept in the order of the domain list, without repeats
    kinds: (['confirmation', 'social_service'] as const).filter((k) => f.kinds.includes(k)),
    grade: opt(f.grade),
    gradeValidUntil: opt(f.gradeValidUntil),
    contactName: opt(f.contactName),
    contactPhone: opt(f.contactPhone),
    address: opt(f.address),
  };
}

/** Every field problem at once; the first one's code is the problem's code. */
async function assertValid(db: Db, jurisdictionId: string, f: AgencyFields): Promise<void> {
  const errors: FieldError[] = [];
  const add = (field: string, code: string, message: string) =>
    errors.push({ field: `body/${field}`, code, message });
  if (!f.name) add('name', 'VALIDATION_FAILED', '机构名称必填');
  const uscc = usccProblem(f.uscc);
  if (uscc) add('uscc', uscc, usccProblemMessages[uscc]);
  if (f.kinds.length === 0) add('kinds', 'VALIDATION_FAILED', '至少选择一种机构类别');
  if (f.grade !== null) {
    const scale = await getSetting(db, jurisdictionId, 'agencies.gradeScale');
    if (!scale.includes(f.grade))
      add('grade', 'AGENCY_GRADE_UNKNOWN', `资质等级应为 ${scale.join('、')} 之一`);
  }
  if (f.gradeValidUntil !== null && !isIsoDate(f.gradeValidUntil)) {
    add('gradeValidUntil', 'AGENCY_DATE_INVALID', '资质有效期应为有效日期（YYYY-MM-DD）');
  }
  if (errors.length > 0) {
    throw new AppError(errors[0].code as ErrorCode, {
      detail: errors.map((e) => e.message).join('；'),
      fieldErrors: errors,
    });
  }
}

async function assertUsccFree(tx: Db, jurisdictionId: string, uscc: string, selfId?: string) {
  const [taken] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(
        eq(agencies.jurisdictionId, jurisdictionId),
        eq(agencies.uscc, uscc),
        selfId ? ne(agencies.id, selfId) : undefined,
      ),
    );
  if (taken) {
    throw new AppError('AGENCY_USCC_TAKEN', {
      fieldErrors: [
        { field: 'body/uscc', code: 'AGENCY_USCC_TAKEN', message: '该统一社会信用代码的服务机构已登记' },
      ],
    });
  }
}

/** Register an agency (bureau administrators). It starts active. */
export async function createAgency(db: Db, actor: Actor, input: AgencyFields): Promise<{ id: string }> {
  authorize(agencyPolicy, actor, 'update', {
    id: '',
    jurisdictionId: actor.jurisdictionId,
    status: 'active',
  });
  const f = clean(input);
  await assertValid(db, actor.jurisdictionId, f);
  return inTransaction(db, async (tx) => {
    await assertUsccFree(tx, actor.jurisdictionId, f.uscc);
    const [row] = await tx
      .insert(agencies)
      .values({ ...f, jurisdictionId: actor.jurisdictionId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('AGENCY_USCC_TAKEN'); // a concurrent registration won the unique index
    await appendEvent(tx, {
      kind: agencyEvents.agencyCreated,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'agency',
      entityId: row.id,
      after: { fields: { ...f, status: row.status } },
    });
    return { id: row.id };
  });
}

/** Edit an agency's register entry; nothing is written when nothing differs. */
export async function updateAgency(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<AgencyFields>,
): Promise<{ changed: string[] }> {
  const [current] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!current || !agencyPolicy.read(actor, current)) throw new AppError('AGENCY_NOT_FOUND');
  authorize(agencyPolicy, actor, 'update', current);
  const merged = clean({ ...fieldsOf(current), ...stripUndefined(patch) });
  await assertValid(db, current.jurisdictionId, merged);
  return inTransaction(db, async (tx) => {
    const [locked] = await tx.select().from(agencies).where(eq(agencies.id, id)).for('update');
    if (!agencyPolicy.update(actor, locked)) throw new AppError('CONFLICT_STATE');
    const before = fieldsOf(locked);
    const changed = fieldNames.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(merged[k]));
    if (changed.length === 0) return { changed: [] };
    if (changed.includes('uscc')) await assertUsccFree(tx, locked.jurisdictionId, merged.uscc, id);
    await tx
      .update(agencies)
      .set({ ...merged, updatedAt: new Date() })
      .where(eq(agencies.id, id));
    await appendEvent(tx, {
      kind: agencyEvents.agencyUpdated,
      jurisdictionId: locked.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'agency',
      entityId: id,
      before: { fields: Object.fromEntries(changed.map((k) => [k, before[k]])) },
      after: { fields: Object.fromEntries(changed.map((k) => [k, merged[k]])) },
    });
    return { changed: [...changed] };
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function fieldsOf(row: typeof agencies.$inferSelect): AgencyFields {
  return {
    name: row.name,
    uscc: row.uscc,
    kinds: row.kinds,
    grade: row.grade,
    gradeValidUntil: row.gradeValidUntil,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    address: row.address,
  };
}
