import { asc, like } from 'drizzle-orm';
import { addWorkingDays, type WorkCalendar } from '../../../domain/working-days.js';
import { calendarDays, calendarYears } from '../../db/schema/calendar.js';
import type { Db } from '../../platform/db/client.js';

/** The whole national calendar (a few hundred rows per decade): periods are computed in memory. */
export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  const days = await db.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays);
  const years = await db.select({ year: calendarYears.year }).from(calendarYears);
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
    knownYears: new Set(years.map((y) => y.year)),
  };
}

/** The end of a period of `days` working days starting after `from`, with the years it had to estimate. */
export async function workingDayEnd(db: Db, from: string, days: number) {
  return addWorkingDays(from, days, await loadCalendar(db));
}

export async function calendarYearsList(db: Db) {
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  return rows.map((r) => ({
    year: r.year,
    source: r.source,
    noticeRef: r.noticeRef,
    enteredAt: r.enteredAt.toISOString(),
  }));
}

export async function daysOfYear(db: Db, year: number) {
  const rows = await db
    .select()
    .from(calendarDays)
    .where(like(calendarDays.date, `${year}-%`))
    .orderBy(asc(calendarDays.date));
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, source: r.source }));
}
