import { createRequire } from 'node:module';
import { calendarDays, calendarYears } from '../../db/schema/calendar.js';
import type { Db } from '../../platform/db/client.js';

const require = createRequire(import.meta.url);

interface ChineseDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** "Spring Festival,春节,4" → 春节 */
const zhName = (value: string) => value.split(',')[1] ?? value;

/**
 * Seed the national calendar from the `chinese-days` package (2004 to the last year it knows), idempotently and
 * without touching what the bureau entered.
 */
export async function seedCalendar(db: Db): Promise<void> {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDays;
  const rows = [
    ...Object.entries(data.holidays).map(([date, v]) => ({
      date,
      kind: 'holiday' as const,
      name: zhName(v),
      source: 'chinese-days' as const,
    })),
    ...Object.entries(data.workdays).map(([date, v]) => ({
      date,
      kind: 'workday' as const,
      name: `${zhName(v)}调休上班`,
      source: 'chinese-days' as const,
    })),
  ];
  const years = [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))];
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(calendarDays)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
  await db
    .insert(calendarYears)
    .values(years.map((year) => ({ year, source: 'chinese-days' as const })))
    .onConflictDoNothing({ target: calendarYears.year });
}
