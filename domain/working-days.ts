/**
 * PRC working days: Monday to Friday, except official holidays, plus the make-up workdays (调休) on weekends.
 * The calendar comes from the State Council's yearly notice; a year the calendar does not know yet is counted on
 * weekdays only and reported, so the UI can warn and the bureau can enter that year's notice.
 */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  knownYears: ReadonlySet<number>;
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const day = parse(date).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * The date `n` working days after `start` (the start day itself not counted), e.g. a 5-working-day public notice
 * published on `start` ends on the returned date. `unknownYears` lists years crossed that the calendar lacks.
 */
export function addWorkingDays(
  start: string,
  n: number,
  cal: WorkCalendar,
): { date: string; unknownYears: number[] } {
  if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a non-negative integer, got ${n}`);
  const d = parse(start);
  const unknown = new Set<number>();
  if (!cal.knownYears.has(d.getUTCFullYear()) && n > 0) unknown.add(d.getUTCFullYear());
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const date = format(d);
    if (!cal.knownYears.has(d.getUTCFullYear())) unknown.add(d.getUTCFullYear());
    if (isWorkingDay(date, cal)) left -= 1;
  }
  return { date: format(d), unknownYears: [...unknown].sort() };
}

/** Working days from `from` (exclusive) to `to` (inclusive): how many of a period have passed. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  const d = parse(from);
  const end = parse(to);
  let count = 0;
  while (d < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(format(d), cal)) count += 1;
  }
  return count;
}
