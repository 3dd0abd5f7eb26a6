import { and, inArray } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/readiness.js';
import { penalties } from '../../../db/schema/records.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { iterateEnterprises, listEnterprises } from '../../registry/queries.js';
import { insertRecords, type RecordEnterprise } from '../commands.js';
import { recordAbilities } from '../policy.js';
import { checkRows, wellFormed, type CheckedRecord, type RowError } from './check-rows.js';
import { importSheets } from './columns.js';
import { readRecordsWorkbook } from './read-workbook.js';

export const recordsImportLimits = {
  /** upload size, checked while the file streams in */
  maxBytes: 5 * 1024 * 1024,
  /** data rows of the three sheets together */
  maxRows: 1000,
};

export interface ImportResult {
  fileName: string;
  accidents: number;
  penalties: number;
  dishonesty: number;
}

const usccHeader = '统一社会信用代码';

/** Up to this many codes are looked up one by one; more take one pass over the caller's register. */
const lookupsOneByOne = 20;

/**
 * The enterprises of the caller's register (the whole jurisdiction, for the bureau) with these codes. The
 * registry's public queries find enterprises by id or by a search text, not by a set of codes: a few codes are
 * searched for, many are picked from one paged pass over the register.
 */
async function enterprisesByUscc(db: Db, actor: Actor, codes: ReadonlySet<string>) {
  const found = new Map<string, RecordEnterprise>();
  const keep = (e: RecordEnterprise & { uscc: string }) =>
    found.set(e.uscc, { id: e.id, jurisdictionId: e.jurisdictionId, subdistrictId: e.subdistrictId });
  if (codes.size <= lookupsOneByOne) {
    for (const uscc of codes) {
      const { items } = await listEnterprises(db, actor, { q: uscc, page: 1, pageSize: 5 });
      const e = items.find((i) => i.uscc === uscc);
      if (e) keep(e);
    }
  } else {
    for await (const e of iterateEnterprises(db, actor, {})) if (codes.has(e.uscc)) keep(e);
  }
  return found;
}

/** A penalty decision is recorded once: not twice in the file, and not again when it is already on record. */
async function duplicatePenalties(
  db: Db,
  records: readonly CheckedRecord[],
  enterpriseOf: Map<string, RecordEnterprise>,
): Promise<RowError[]> {
  const rows = records.filter((r) => r.kind === 'penalty' && enterpriseOf.has(r.uscc));
  if (rows.length === 0) return [];
  const key = (enterpriseId: string, number: string) => `${enterpriseId}\u0000${number}`;
  const recorded = await db
    .select({ enterpriseId: penalties.enterpriseId, decisionNumber: penalties.decisionNumber })
    .from(penalties)
    .where(
      and(
        inArray(penalties.enterpriseId, [...new Set(rows.map((r) => enterpriseOf.get(r.uscc)!.id))]),
        inArray(penalties.decisionNumber, [...new Set(rows.map((r) => String(r.fields.decisionNumber)))]),
      ),
    );
  const onRecord = new Set(recorded.map((p) => key(p.enterpriseId, p.decisionNumber)));
  const firstRow = new Map<string, number>();
  const errors: RowError[] = [];
  for (const r of rows) {
    const k = key(enterpriseOf.get(r.uscc)!.id, String(r.fields.decisionNumber));
    const fail = (message: string) =>
      errors.push({ sheet: r.sheet, row: r.row, column: '决定书文号', code: 'duplicate', message });
    if (onRecord.has(k)) fail('该企业的这份处罚决定已登记');
    else if (firstRow.has(k)) fail(`与第 ${firstRow.get(k)} 行重复`);
    else firstRow.set(k, r.row);
  }
  return errors;
}

const sheetOrder = new Map(importSheets.map((s, i) => [s.name, i]));
const columnOrder = (sheet: string, column: string) =>
  importSheets.find((s) => s.name === sheet)?.columns.findIndex((c) => c.header === column) ?? 0;

function byPosition(a: RowError, b: RowError): number {
  return (
    sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! ||
    a.row - b.row ||
    columnOrder(a.sheet, a.column) - columnOrder(b.sheet, b.column)
  );
}

/**
 * Import the accidents, penalties and dishonesty listings of a spreadsheet (sheets 事故, 处罚, 失信): all or
 * nothing. Every row is checked first — its cells, its enterprise in the register by USCC, penalty decisions not
 * recorded twice — and any problem refuses the whole file with RECORDS_IMPORT_INVALID listing each of them
 * (`rowErrors`: sheet, row, column, message). Otherwise every record is written in one transaction with
 * `sourceKind` import, the source 导入：<file name> and its own audit event.
 */
export async function importRecords(
  db: Db,
  actor: Actor,
  file: { name: string; bytes: Buffer },
  now = new Date(),
): Promise<ImportResult> {
  if (!recordAbilities(actor).importAdverseRecords) throw new AppError('FORBIDDEN');
  const sheets = await readRecordsWorkbook(file.bytes, recordsImportLimits.maxRows);
  const { records, usccs, errors } = checkRows(sheets, chinaDate(now));

  const enterpriseOf = await enterprisesByUscc(db, actor, new Set(usccs.map((r) => r.uscc)));
  for (const r of usccs) {
    if (!enterpriseOf.has(r.uscc))
      errors.push({
        sheet: r.sheet,
        row: r.row,
        column: usccHeader,
        code: 'unknown_enterprise',
        message: '企业名录中没有该统一社会信用代码的企业',
      });
  }
  errors.push(...(await duplicatePenalties(db, records, enterpriseOf)));

  if (errors.length > 0) {
    errors.sort(byPosition);
    throw new AppError('RECORDS_IMPORT_INVALID', {
      detail: `导入表格中有 ${errors.length} 处错误，未导入任何记录，请修改后重新上传`,
      fieldErrors: errors.map((e) => ({
        field: `${e.sheet}/${e.row}/${e.column}`,
        code: e.code,
        message: e.message,
      })),
      extra: { rowErrors: errors },
    });
  }

  const fileName = cleanFileName(file.name);
  const source = `导入：${fileName}`;
  await inTransaction(db, async (tx) => {
    for (const kind of ['accident', 'penalty', 'dishonesty'] as const) {
      const batch = records
        .filter((r) => r.kind === kind)
        .map((r) => ({ enterprise: enterpriseOf.get(r.uscc)!, fields: { ...r.fields, source } }));
      await insertRecords(tx, actor, kind, batch, 'import');
    }
  });
  const count = (kind: CheckedRecord['kind']) => records.filter((r) => r.kind === kind).length;
  return {
    fileName,
    accidents: count('accident'),
    penalties: count('penalty'),
    dishonesty: count('dishonesty'),
  };
}

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/g;

/** The name as the source shows it: no folders (some browsers send them), no control characters, not too long. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(controlCharacters, '').trim();
  return wellFormed((base || '未命名.xlsx').slice(0, 150));
}
