import { and, eq, sql } from 'drizzle-orm';
import { normaliseUscc, usccProblem, usccProblemMessages } from '../../../domain/uscc.js';
import type { OperatingStatus, Scale } from '../../../domain/registry-labels.js';
import { enterprises, industries, parks } from '../../db/schema/registry.js';
import { units } from '../../db/schema/reference.js';
import { queryRows, type Db } from '../../platform/db/client.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { ErrorCode } from '../../platform/errors/catalogue.js';

/** The editable fields of an enterprise, as the API and the import both supply them. */
export interface EnterpriseFields {
  uscc: string;
  name: string;
  legalRepresentative: string;
  registeredAddress: string | null;
  operatingAddress: string | null;
  subdistrictId: string;
  industryCode: string;
  scale: Scale;
  employeeCount: number | null;
  contactName: string | null;
  contactPhone: string | null;
  safetyManagerName: string | null;
  safetyManagerPhone: string | null;
  operatingStatus: OperatingStatus;
  parkId: string | null;
  hostEnterpriseId: string | null;
}

export const enterpriseFieldNames: (keyof EnterpriseFields)[] = [
  'uscc',
  'name',
  'legalRepresentative',
  'registeredAddress',
  'operatingAddress',
  'subdistrictId',
  'industryCode',
  'scale',
  'employeeCount',
  'contactName',
  'contactPhone',
  'safetyManagerName',
  'safetyManagerPhone',
  'operatingStatus',
  'parkId',
  'hostEnterpriseId',
];

/** Trim strings and turn empty optional strings into null. */
export function cleanFields(input: EnterpriseFields): EnterpriseFields {
  const opt = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
  return {
    ...input,
    uscc: normaliseUscc(input.uscc),
    name: input.name.trim(),
    legalRepresentative: input.legalRepresentative.trim(),
    registeredAddress: opt(input.registeredAddress),
    operatingAddress: opt(input.operatingAddress),
    contactName: opt(input.contactName),
    contactPhone: opt(input.contactPhone),
    safetyManagerName: opt(input.safetyManagerName),
    safetyManagerPhone: opt(input.safetyManagerPhone),
  };
}

export function usccFieldError(uscc: string, field = 'body/uscc'): FieldError | null {
  const problem = usccProblem(uscc);
  return problem ? { field, code: problem, message: usccProblemMessages[problem] } : null;
}

/** Does walking up from `hostId` through hosts reach `selfId`? (a 厂中厂 chain that loops) */
export async function hostChainReaches(db: Db, hostId: string, selfId: string): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`with recursive chain(id, host, depth) as (
          select id, host_enterprise_id, 1 from enterprises where id = ${hostId}
          union all
          select e.id, e.host_enterprise_id, c.depth + 1 from enterprises e join chain c on e.id = c.host
           where c.depth < 100)
        select exists (select 1 from chain where id = ${selfId}) as found`,
  );
  return Boolean(rows[0]?.found);
}

/**
 * Check that the references of an enterprise resolve inside its jurisdiction and that the host chain does not
 * loop. Throws one AppError carrying every field error (the first one's code is the problem's code).
 */
export async function assertValidFields(
  db: Db,
  jurisdictionId: string,
  f: EnterpriseFields,
  selfId?: string,
): Promise<void> {
  const errors: FieldError[] = [];
  const add = (field: string, code: ErrorCode, message: string) =>
    errors.push({ field: `body/${field}`, code, message });
  const uscc = usccFieldError(f.uscc);
  if (uscc) errors.push(uscc);
  if (!f.name) add('name', 'VALIDATION_FAILED', '企业名称必填');
  if (!f.legalRepresentative) add('legalRepresentative', 'VALIDATION_FAILED', '法定代表人必填');
  const [sub] = await db
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        eq(units.id, f.subdistrictId),
        eq(units.kind, 'subdistrict'),
        eq(units.jurisdictionId, jurisdictionId),
      ),
    );
  if (!sub) add('subdistrictId', 'SUBDISTRICT_UNKNOWN', '所属街镇不存在');
  const [industry] = await db
    .select({ code: industries.code })
    .from(industries)
    .where(eq(industries.code, f.industryCode));
  if (!industry) add('industryCode', 'INDUSTRY_UNKNOWN', '行业代码不在国民经济行业分类中');
  if (f.parkId) {
    const [park] = await db
      .select({ id: parks.id })
      .from(parks)
      .where(and(eq(parks.id, f.parkId), eq(parks.jurisdictionId, jurisdictionId)));
    if (!park) add('parkId', 'PARK_NOT_FOUND', '小微园区不存在');
  }
  if (f.hostEnterpriseId) {
    if (f.hostEnterpriseId === selfId) {
      add('hostEnterpriseId', 'HOST_SELF', '企业不能是自己的厂中厂所在企业');
    } else {
      const [host] = await db
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(and(eq(enterprises.id, f.hostEnterpriseId), eq(enterprises.jurisdictionId, jurisdictionId)));
      if (!host) add('hostEnterpriseId', 'HOST_NOT_FOUND', '厂中厂所在企业不存在');
      else if (selfId && (await hostChainReaches(db, f.hostEnterpriseId, selfId))) {
        add('hostEnterpriseId', 'HOST_CHAIN_LOOP', '厂中厂关系形成循环');
      }
    }
  }
  if (errors.length > 0) {
    throw new AppError(errors[0].code as ErrorCode, {
      detail: errors.map((e) => e.message).join('；'),
      fieldErrors: errors,
    });
  }
}

/** The stored row as the fields it was written from (for diffs and events). */
export function fieldsOf(row: typeof enterprises.$inferSelect): EnterpriseFields {
  const out = {} as Record<string, unknown>;
  for (const k of enterpriseFieldNames) out[k] = row[k];
  return out as unknown as EnterpriseFields;
}

/** Fields whose value differs, as {field: [before, after]}. */
export function changedFields(
  before: EnterpriseFields,
  after: EnterpriseFields,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of enterpriseFieldNames)
    if ((before[k] ?? null) !== (after[k] ?? null)) out[k] = [before[k] ?? null, after[k] ?? null];
  return out;
}
