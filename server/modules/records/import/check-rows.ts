import { isCalendarDate } from '../../../../domain/readiness.js';
import { normaliseUscc, usccProblem, usccProblemMessages } from '../../../../domain/uscc.js';
import { gradeByLabel, type ImportSheet, type RecordKind } from './columns.js';
import type { ReadSheet, WorkbookRow } from './read-workbook.js';

/** One problem of the file: where it is, as the spreadsheet shows it, and what is wrong, in Chinese. */
export interface RowError {
  sheet: string;
  /** 1 for the header row */
  row: number;
  column: string;
  code: string;
  message: string;
}

/** A row that passed every check of its own; whether its enterprise exists is checked against the register. */
export interface CheckedRecord {
  kind: RecordKind;
  sheet: string;
  row: number;
  uscc: string;
  /** the record's fields as the records commands store them, without `source` */
  fields: Record<string, unknown>;
}

/** The largest direct loss an `integer` column holds, in yuan. */
const maxLoss = 2_147_483_647;

/** `2026-03-12`, `2026/3/12`, `2026.3.12` and `2026年3月12日` as a calendar date, or null. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * The text with lone UTF-16 surrogates replaced by U+FFFD: PostgreSQL refuses them in the events' jsonb (a cell
 * or a file name can carry one through a numeric character reference).
 */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Reads the cells of one row, collecting its errors. */
class RowReader {
  readonly errors: RowError[] = [];

  constructor(
    private readonly sheet: ImportSheet,
    private readonly row: WorkbookRow,
    private readonly today: string,
  ) {
    for (const key of row.formulas) this.fail(key, 'formula', '不支持公式，请将单元格改为数值或文本');
  }

  private header(key: string): string {
    return this.sheet.columns.find((c) => c.key === key)?.header ?? key;
  }

  fail(key: string, code: string, message: string): void {
    this.errors.push({
      sheet: this.sheet.name,
      row: this.row.rowNumber,
      column: this.header(key),
      code,
      message,
    });
  }

  private raw(key: string, required: boolean): string | undefined {
    if (this.row.formulas.includes(key)) return undefined;
    const value = this.row.values[key];
    if (value === undefined || value === '') {
      if (required) this.fail(key, 'required', '必填项缺失');
      return undefined;
    }
    if (value.includes('\u0000')) {
      this.fail(key, 'nul_character', '不能包含空字符');
      return undefined;
    }
    return wellFormed(value);
  }

  text(key: string, max: number, required = true): string {
    const value = this.raw(key, required);
    if (value === undefined) return '';
    if (value.length > max) this.fail(key, 'maxLength', `长度不能超过 ${max} 个字符`);
    return value;
  }

  date(key: string, opts: { required?: boolean; notFuture?: boolean } = {}): string | null {
    const value = this.raw(key, opts.required ?? true);
    if (value === undefined) return null;
    const date = parseDate(value);
    if (!date) {
      this.fail(key, 'format', '日期无效，请填写如 2026-03-12 的日期');
      return null;
    }
    if (opts.notFuture && date > this.today) this.fail(key, 'RECORD_DATE_IN_FUTURE', '日期不能晚于今天');
    return date;
  }

  count(key: string, max: number): number {
    const value = this.raw(key, false);
    if (value === undefined) return 0;
    const n = Number(value.replace(/,/g, ''));
    if (!Number.isInteger(n) || n < 0 || n > max) {
      this.fail(key, 'integer', `应为 0 至 ${max} 之间的整数`);
      return 0;
    }
    return n;
  }

  uscc(): string {
    const value = this.raw('uscc', true);
    if (value === undefined) return '';
    const code = normaliseUscc(value);
    const problem = usccProblem(code);
    if (problem) this.fail('uscc', problem, usccProblemMessages[problem]);
    return code;
  }
}

function accidentFields(r: RowReader): Record<string, unknown> {
  const occurredOn = r.date('occurredOn', { notFuture: true });
  const gradeText = r.text('grade', 10).replace(/事故$/, '');
  const grade = gradeByLabel[gradeText];
  if (gradeText && !grade) r.fail('grade', 'grade', '事故等级应为 一般、较大、重大 或 特别重大');
  return {
    occurredOn,
    grade,
    deaths: r.count('deaths', 10_000),
    seriousInjuries: r.count('seriousInjuries', 10_000),
    directLoss: r.count('directLoss', maxLoss),
    description: r.text('description', 2000, false),
  };
}

function penaltyFields(r: RowReader): Record<string, unknown> {
  const fields = {
    authority: r.text('authority', 60),
    decisionNumber: r.text('decisionNumber', 60),
    decidedOn: r.date('decidedOn', { notFuture: true }),
    violation: r.text('violation', 500),
    sanction: r.text('sanction', 500),
    workSafety: false,
  };
  const workSafety = r.text('workSafety', 10);
  if (workSafety === '是') fields.workSafety = true;
  else if (workSafety && workSafety !== '否') r.fail('workSafety', 'yes_no', '请填写“是”或“否”');
  return fields;
}

function dishonestyFields(r: RowReader): Record<string, unknown> {
  const fromDate = r.date('fromDate');
  const toDate = r.date('toDate', { required: false });
  if (fromDate && toDate && toDate < fromDate) r.fail('toDate', 'order', '移出日期不能早于列入日期');
  return {
    listedBy: r.text('listedBy', 60),
    fromDate,
    toDate,
    reason: r.text('reason', 500),
  };
}

const fieldsOf: Record<RecordKind, (r: RowReader) => Record<string, unknown>> = {
  accident: accidentFields,
  penalty: penaltyFields,
  dishonesty: dishonestyFields,
};

/**
 * Check every row of every sheet on its own (required cells, lengths, dates not in the future where the records
 * commands refuse them, grades, counts, 是/否, the USCC's check digit) and report every problem, not the first.
 * A sheet that lacks a required column is reported on its header row, once per column.
 */
export function checkRows(sheets: readonly ReadSheet[], today: string) {
  const errors: RowError[] = [];
  const records: CheckedRecord[] = [];
  /** every row whose USCC is well formed, whatever else is wrong with it: its enterprise is looked up too */
  const usccs: { sheet: string; row: number; uscc: string }[] = [];
  for (const { sheet, missing, rows } of sheets) {
    if (missing.length > 0) {
      for (const header of missing)
        errors.push({
          sheet: sheet.name,
          row: 1,
          column: header,
          code: 'missing_column',
          message: `缺少“${header}”列`,
        });
      continue;
    }
    for (const row of rows) {
      const reader = new RowReader(sheet, row, today);
      const before = reader.errors.length;
      const uscc = reader.uscc();
      const usccOk = uscc !== '' && reader.errors.length === before;
      const fields = fieldsOf[sheet.kind](reader);
      if (usccOk) usccs.push({ sheet: sheet.name, row: row.rowNumber, uscc });
      if (reader.errors.length > 0) errors.push(...reader.errors);
      else records.push({ kind: sheet.kind, sheet: sheet.name, row: row.rowNumber, uscc, fields });
    }
  }
  return { records, usccs, errors };
}
