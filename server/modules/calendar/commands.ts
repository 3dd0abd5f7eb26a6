import { and, eq, like } from 'drizzle-orm';
import { isCalendarDate } from '../../../domain/readiness.js';
import { calendarDays, calendarYears } from '../../db/schema/calendar.js';
import { eventActor, hasRole, type Actor } from '../../platform/access/actor.js';
import { appendEvent } from '../../platform/audit/append.js';
import type { Db } from '../../platform/db/client.js';
import { inTransaction } from '../../platform/db/tx.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { calendarEvents } from './events.js';

export interface YearInput {
  noticeRef: string;
  days: { date: string; kind: 'holiday' | 'workday'; name: string }[];
}

/**
 * The bureau enters a year's holidays and make-up workdays from the State Council notice. The year's earlier
 * bureau entries are replaced; the package's rows for a year it knows stay unless the bureau lists the same date.
 */
export async function enterCalendarYear(db: Db, actor: Actor, year: number, input: YearInput): Promise<void> {
  if (!hasRole(actor, 'bureau_admin')) throw new AppError('FORBIDDEN');
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    if (!isCalendarDate(d.date) || !d.date.startsWith(`${year}-`)) {
      problems.push({
        field: `body/days/${i}/date`,
        code: 'CALENDAR_DAY_INVALID',
        message: `日期须为 ${year} 年内的有效日期`,
      });
    } else if (seen.has(d.date)) {
      problems.push({ field: `body/days/${i}/date`, code: 'CALENDAR_DAY_INVALID', message: '日期重复' });
    }
    seen.add(d.date);
  });
  if (problems.length > 0) throw new AppError('CALENDAR_DAY_INVALID', { fieldErrors: problems });
  await inTransaction(db, async (tx) => {
    await tx
      .delete(calendarDays)
      .where(and(like(calendarDays.date, `${year}-%`), eq(calendarDays.source, 'bureau')));
    for (const d of input.days) {
      await tx
        .insert(calendarDays)
        .values({
          date: d.date,
          kind: d.kind,
          name: d.name.trim(),
          source: 'bureau',
          createdBy: actor.userId,
        })
        .onConflictDoUpdate({
          target: calendarDays.date,
          set: { kind: d.kind, name: d.name.trim(), source: 'bureau', createdBy: actor.userId },
        });
    }
    await tx
      .insert(calendarYears)
      .values({ year, source: 'bureau', noticeRef: input.noticeRef.trim(), enteredBy: actor.userId })
      .onConflictDoUpdate({
        target: calendarYears.year,
        set: {
          source: 'bureau',
          noticeRef: input.noticeRef.trim(),
          enteredBy: actor.userId,
          enteredAt: new Date(),
        },
      });
    await appendEvent(tx, {
      kind: calendarEvents.yearEntered,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'calendar_year',
      entityId: String(year),
      after: {
        year,
        noticeRef: input.noticeRef.trim(),
        holidays: input.days.filter((d) => d.kind === 'holiday').length,
        workdays: input.days.filter((d) => d.kind === 'workday').length,
      },
    });
  });
}
