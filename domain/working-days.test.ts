import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type WorkCalendar } from './working-days.js';

// 2026 National Day: 10-01 … 10-07 off (holiday table below, abridged), 09-20 and 10-10 make-up workdays
const cal: WorkCalendar = {
  holidays: new Set([
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ]),
  workdays: new Set(['2026-09-20', '2026-10-10']),
  knownYears: new Set([2026]),
};

describe('working days', () => {
  it('knows weekends, holidays and make-up workdays', () => {
    expect(isWorkingDay('2026-09-18', cal)).toBe(true); // Friday
    expect(isWorkingDay('2026-09-19', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-09-20', cal)).toBe(true); // Sunday, make-up workday
    expect(isWorkingDay('2026-10-05', cal)).toBe(false); // Monday, holiday
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // Saturday, make-up workday
  });

  it('counts a period across the National Day holiday, the start day excluded', () => {
    // published Tue 09-29: 09-30 (1), 10-08 (2), 10-09 (3), 10-10 Sat make-up (4), 10-12 (5)
    expect(addWorkingDays('2026-09-29', 5, cal)).toEqual({ date: '2026-10-12', unknownYears: [] });
    expect(workingDaysBetween('2026-09-29', '2026-10-12', cal)).toBe(5);
    expect(addWorkingDays('2026-09-29', 0, cal).date).toBe('2026-09-29');
  });

  it('counts weekdays in a year the calendar does not know, and says so', () => {
    // Thu 2026-12-31 + 3: 2027-01-01 (Fri), 01-04 (Mon), 01-05 (Tue) — 2027 unknown, its New Year holiday not applied
    expect(addWorkingDays('2026-12-31', 3, cal)).toEqual({ date: '2027-01-05', unknownYears: [2027] });
  });

  it('refuses a negative or fractional period', () => {
    expect(() => addWorkingDays('2026-01-05', -1, cal)).toThrow();
    expect(() => addWorkingDays('2026-01-05', 1.5, cal)).toThrow();
  });
});
