/** Pure helpers of the work calendar page (节假日日历). */

export type DayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
  source?: string;
}

export interface MonthGroup<D extends CalendarDay> {
  /** 1–12 */
  month: number;
  days: D[];
}

/** The days of a year by month (only months that have days), each month in date order. */
export function groupByMonth<D extends CalendarDay>(days: readonly D[]): MonthGroup<D>[] {
  const byMonth = new Map<number, D[]>();
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const month = Number(d.date.slice(5, 7));
    if (!Number.isInteger(month) || month < 1 || month > 12) continue;
    const list = byMonth.get(month) ?? [];
    list.push(d);
    byMonth.set(month, list);
  }
  return [...byMonth.entries()].sort((a, b) => a[0] - b[0]).map(([month, list]) => ({ month, days: list }));
}

/** Consecutive days of the same kind and name (a holiday period), e.g. 国庆节 10-01 … 10-08. */
export interface DayRun<D extends CalendarDay> {
  kind: DayKind;
  name: string;
  from: string;
  to: string;
  days: D[];
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function runsOf<D extends CalendarDay>(days: readonly D[]): DayRun<D>[] {
  const runs: DayRun<D>[] = [];
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs[runs.length - 1];
    if (last && last.kind === d.kind && last.name === d.name && nextDate(last.to) === d.date) {
      last.to = d.date;
      last.days.push(d);
    } else {
      runs.push({ kind: d.kind, name: d.name, from: d.date, to: d.date, days: [d] });
    }
  }
  return runs;
}

/** Counts per kind. */
export function countKinds(days: readonly CalendarDay[]): Record<DayKind, number> {
  const counts: Record<DayKind, number> = { holiday: 0, workday: 0 };
  for (const d of days) counts[d.kind] += 1;
  return counts;
}

export interface EntryRow {
  key: string;
  date: string | null;
  kind: DayKind;
  name: string;
}

export type RowProblem = 'dateMissing' | 'dateOtherYear' | 'dateRepeated' | 'nameMissing';

/** What is wrong with each row of the year entry table, before sending (the server checks again). */
export function rowProblems(year: number, rows: readonly EntryRow[]): Map<string, RowProblem> {
  const problems = new Map<string, RowProblem>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (!row.date) problems.set(row.key, 'dateMissing');
    else if (!row.date.startsWith(`${year}-`)) problems.set(row.key, 'dateOtherYear');
    else if (seen.has(row.date)) problems.set(row.key, 'dateRepeated');
    else if (!row.name.trim()) problems.set(row.key, 'nameMissing');
    if (row.date) seen.add(row.date);
  }
  return problems;
}

/** The PUT body's days, in date order. */
export function entryDays(rows: readonly EntryRow[]): { date: string; kind: DayKind; name: string }[] {
  return rows
    .filter((r): r is EntryRow & { date: string } => r.date !== null)
    .map((r) => ({ date: r.date, kind: r.kind, name: r.name.trim() }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Rows to start editing a year from: what the calendar holds for it now. */
export function rowsFromDays(days: readonly CalendarDay[]): EntryRow[] {
  return [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d, i) => ({ key: `r${i}`, date: d.date, kind: d.kind, name: d.name }));
}

/** The year to offer for entry: the first year after the last known one (or this year when none is known). */
export function nextYearToEnter(knownYears: readonly number[], thisYear: number): number {
  if (knownYears.length === 0) return thisYear;
  return Math.max(...knownYears) + 1;
}

/** Weekday of a YYYY-MM-DD date, 0 = Sunday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Every date from `from` to `to`, both included (YYYY-MM-DD); empty when `to` is before `from`. */
export function expandRange(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to && dates.length < 400; d = nextDate(d)) dates.push(d);
  return dates;
}

/** Add a holiday period (or one make-up workday) to the rows; dates already listed are replaced. */
export function addPeriod(
  rows: readonly EntryRow[],
  dates: readonly string[],
  kind: DayKind,
  name: string,
  newKey: () => string,
): EntryRow[] {
  const taken = new Set(dates);
  const kept = rows.filter((r) => !r.date || !taken.has(r.date));
  const added = dates.map((date) => ({ key: newKey(), date, kind, name: name.trim() }));
  return [...kept, ...added].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
}

/**
 * The server's field errors (`body/days/3/date`) by row key; `sent` are the rows in the order they were sent
 * (entryDays sorts by date, so pass the rows sorted the same way).
 */
export function serverRowErrors(
  sent: readonly EntryRow[],
  errors: readonly { field: string; message: string }[],
): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const e of errors) {
    const m = /^body\/days\/(\d+)\//.exec(e.field);
    const row = m ? sent[Number(m[1])] : undefined;
    if (row) byKey.set(row.key, e.message);
  }
  return byKey;
}

/** Rows in the order `entryDays` sends them (dated rows by date). */
export function sentOrder(rows: readonly EntryRow[]): EntryRow[] {
  return rows.filter((r) => r.date !== null).sort((a, b) => a.date!.localeCompare(b.date!));
}
