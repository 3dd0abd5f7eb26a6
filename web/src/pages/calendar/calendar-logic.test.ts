import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  countKinds,
  entryDays,
  expandRange,
  groupByMonth,
  nextYearToEnter,
  rowProblems,
  rowsFromDays,
  runsOf,
  sentOrder,
  serverRowErrors,
  weekdayOf,
  type CalendarDay,
  type EntryRow,
} from './calendar-logic';

const d = (date: string, kind: 'holiday' | 'workday', name: string): CalendarDay => ({ date, kind, name });

const national: CalendarDay[] = [
  d('2026-10-08', 'holiday', '国庆节、中秋节'),
  d('2026-10-01', 'holiday', '国庆节、中秋节'),
  d('2026-10-02', 'holiday', '国庆节、中秋节'),
  d('2026-09-20', 'workday', '国庆节、中秋节'),
  d('2026-01-01', 'holiday', '元旦'),
  d('2026-10-10', 'workday', '国庆节、中秋节'),
];

describe('groupByMonth', () => {
  it('gathers the days by month in date order, only months with days', () => {
    const months = groupByMonth(national);
    expect(months.map((m) => m.month)).toEqual([1, 9, 10]);
    expect(months[2].days.map((x) => x.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-08', '2026-10-10']);
  });
  it('is empty for no days', () => {
    expect(groupByMonth([])).toEqual([]);
  });
});

describe('runsOf', () => {
  it('joins consecutive days of the same kind and name', () => {
    const runs = runsOf([
      d('2026-10-01', 'holiday', '国庆节'),
      d('2026-10-02', 'holiday', '国庆节'),
      d('2026-10-03', 'holiday', '国庆节'),
      d('2026-10-05', 'holiday', '国庆节'),
      d('2026-10-10', 'workday', '国庆节'),
    ]);
    expect(runs.map((r) => [r.from, r.to, r.kind, r.days.length])).toEqual([
      ['2026-10-01', '2026-10-03', 'holiday', 3],
      ['2026-10-05', '2026-10-05', 'holiday', 1],
      ['2026-10-10', '2026-10-10', 'workday', 1],
    ]);
  });
  it('runs across a month end', () => {
    const runs = runsOf([d('2026-01-31', 'holiday', 'x'), d('2026-02-01', 'holiday', 'x')]);
    expect(runs).toHaveLength(1);
  });
});

describe('countKinds', () => {
  it('counts holidays and make-up workdays', () => {
    expect(countKinds(national)).toEqual({ holiday: 4, workday: 2 });
  });
});

const row = (key: string, date: string | null, name = '春节', kind: 'holiday' | 'workday' = 'holiday'): EntryRow => ({
  key,
  date,
  kind,
  name,
});

describe('rowProblems', () => {
  it('finds missing, foreign-year and repeated dates and missing names', () => {
    const problems = rowProblems(2027, [
      row('a', '2027-02-10'),
      row('b', null),
      row('c', '2026-12-31'),
      row('d', '2027-02-10'),
      row('e', '2027-02-11', '  '),
    ]);
    expect([...problems.entries()]).toEqual([
      ['b', 'dateMissing'],
      ['c', 'dateOtherYear'],
      ['d', 'dateRepeated'],
      ['e', 'nameMissing'],
    ]);
  });
  it('accepts a clean year', () => {
    expect(rowProblems(2027, [row('a', '2027-01-01', '元旦')]).size).toBe(0);
  });
});

describe('entryDays and sentOrder', () => {
  it('sends dated rows by date with trimmed names', () => {
    const rows = [row('a', '2027-02-11', ' 春节 '), row('b', '2027-01-01', '元旦'), row('c', null)];
    expect(entryDays(rows)).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-11', kind: 'holiday', name: '春节' },
    ]);
    expect(sentOrder(rows).map((r) => r.key)).toEqual(['b', 'a']);
  });
});

describe('serverRowErrors', () => {
  it('maps body/days/i/date onto the row sent at i', () => {
    const sent = [row('x', '2027-01-01'), row('y', '2027-01-02')];
    const byKey = serverRowErrors(sent, [
      { field: 'body/days/1/date', message: '日期重复' },
      { field: 'body/noticeRef', message: '必填' },
    ]);
    expect([...byKey.entries()]).toEqual([['y', '日期重复']]);
  });
});

describe('expandRange and addPeriod', () => {
  it('lists every date of a period, across a month end', () => {
    expect(expandRange('2027-01-30', '2027-02-02')).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02']);
    expect(expandRange('2027-02-02', '2027-02-01')).toEqual([]);
  });
  it('adds a period, replacing rows with the same dates, in date order', () => {
    let n = 0;
    const rows = addPeriod(
      [row('a', '2027-02-12', '旧'), row('b', '2027-01-01', '元旦'), row('c', null)],
      ['2027-02-11', '2027-02-12'],
      'holiday',
      ' 春节 ',
      () => `k${(n += 1)}`,
    );
    expect(rows.map((r) => [r.date, r.name])).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-02-11', '春节'],
      ['2027-02-12', '春节'],
      [null, '春节'],
    ]);
  });
});

describe('small helpers', () => {
  it('rowsFromDays keeps the dates in order', () => {
    expect(rowsFromDays(national).map((r) => r.date)[0]).toBe('2026-01-01');
  });
  it('offers the year after the last known one', () => {
    expect(nextYearToEnter([2004, 2026, 2025], 2026)).toBe(2027);
    expect(nextYearToEnter([], 2026)).toBe(2026);
  });
  it('weekdayOf', () => {
    expect(weekdayOf('2026-10-01')).toBe(4); // Thursday
    expect(weekdayOf('2026-10-04')).toBe(0);
  });
});
