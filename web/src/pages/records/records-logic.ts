/** Pure helpers of the adverse-records section (不良记录): labels, sorting, request bodies. */
import type { Dayjs } from 'dayjs';
import type { MessageKey } from '../../i18n';

export const accidentGrades = ['general', 'larger', 'major', 'especially_major'] as const;
export type AccidentGrade = (typeof accidentGrades)[number];

const gradeKeys: Record<AccidentGrade, MessageKey> = {
  general: 'records.grade.general',
  larger: 'records.grade.larger',
  major: 'records.grade.major',
  especially_major: 'records.grade.especially_major',
};

/** 一般 / 较大 / 重大 / 特别重大. */
export function gradeLabelKey(grade: string): MessageKey | null {
  return (accidentGrades as readonly string[]).includes(grade) ? gradeKeys[grade as AccidentGrade] : null;
}

/** Colour of a grade tag: the graver, the redder. */
export function gradeColor(grade: string): string {
  switch (grade) {
    case 'general':
      return 'orange';
    case 'larger':
      return 'volcano';
    case 'major':
    case 'especially_major':
      return 'red';
    default:
      return 'default';
  }
}

const sourceKindKeys: Record<string, MessageKey> = {
  entered: 'records.sourceKind.entered',
  import: 'records.sourceKind.import',
  enforcement: 'records.sourceKind.enforcement',
};

export function sourceKindKey(kind: string): MessageKey | null {
  return sourceKindKeys[kind] ?? null;
}

/** Newest first by a date field (YYYY-MM-DD compares as text). */
export function newestFirst<T>(rows: readonly T[], dateOf: (row: T) => string): T[] {
  return [...rows].sort((a, b) => dateOf(b).localeCompare(dateOf(a)));
}

/** Whether a dishonesty listing is in force on `today` (no end date, or an end date not before today). */
export function listingInForce(listing: { fromDate: string; toDate: string | null }, today: string): boolean {
  return listing.fromDate <= today && (listing.toDate === null || listing.toDate >= today);
}

/** 1234567.5 → "1,234,567.5" (yuan). */
export function formatYuan(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const trimmed = (s: string | undefined) => (s ?? '').trim();

export interface AccidentValues {
  occurredOn: Dayjs;
  grade: AccidentGrade;
  deaths: number;
  seriousInjuries: number;
  directLoss?: number | null;
  description?: string;
  source: string;
}

export function accidentBody(enterpriseId: string, v: AccidentValues) {
  const description = trimmed(v.description);
  return {
    enterpriseId,
    occurredOn: day(v.occurredOn),
    grade: v.grade,
    deaths: v.deaths,
    seriousInjuries: v.seriousInjuries,
    ...(v.directLoss === null || v.directLoss === undefined ? {} : { directLoss: v.directLoss }),
    ...(description ? { description } : {}),
    source: v.source.trim(),
  };
}

export interface PenaltyValues {
  authority: string;
  decisionNumber: string;
  decidedOn: Dayjs;
  violation: string;
  sanction: string;
  workSafety?: boolean;
  source: string;
}

export function penaltyBody(enterpriseId: string, v: PenaltyValues) {
  return {
    enterpriseId,
    authority: v.authority.trim(),
    decisionNumber: v.decisionNumber.trim(),
    decidedOn: day(v.decidedOn),
    violation: v.violation.trim(),
    sanction: v.sanction.trim(),
    workSafety: v.workSafety === true,
    source: v.source.trim(),
  };
}

export interface DishonestyValues {
  listedBy: string;
  fromDate: Dayjs;
  toDate?: Dayjs | null;
  reason: string;
  source: string;
}

export function dishonestyBody(enterpriseId: string, v: DishonestyValues) {
  return {
    enterpriseId,
    listedBy: v.listedBy.trim(),
    fromDate: day(v.fromDate),
    toDate: v.toDate ? day(v.toDate) : null,
    reason: v.reason.trim(),
    source: v.source.trim(),
  };
}

/** One problem of a refused import, where the spreadsheet shows it (`rowErrors` of RECORDS_IMPORT_INVALID). */
export interface ImportRowError {
  sheet: string;
  /** 1 is the header row */
  row: number;
  column: string;
  code: string;
  message: string;
}

const isRowError = (v: unknown): v is ImportRowError => {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.sheet === 'string' &&
    typeof e.row === 'number' &&
    typeof e.column === 'string' &&
    typeof e.code === 'string' &&
    typeof e.message === 'string'
  );
};

/** The rows a refused import lists, in the server's order; [] for any other problem. */
export function importRowErrors(problem: { code: string; body: Readonly<Record<string, unknown>> }): ImportRowError[] {
  if (problem.code !== 'RECORDS_IMPORT_INVALID' || !Array.isArray(problem.body.rowErrors)) return [];
  return problem.body.rowErrors.filter(isRowError);
}

/** Only .xlsx workbooks are offered to the server (the name is what the file picker knows). */
export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name.trim());
}
