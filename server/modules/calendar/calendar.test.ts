import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';

let ctx: TestContext;
let bureau: ApiClient;
let officer: ApiClient;

beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
  officer = await loginAs(
    ctx,
    await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
  );
});
afterAll(() => ctx.close());

describe('the work calendar', () => {
  it('is seeded with the official holidays and make-up workdays up to 2026', async () => {
    const years = (await officer.get('/api/calendar/years')).json().map((y: { year: number }) => y.year);
    expect(years).toContain(2026);
    expect(years).not.toContain(2027);
    const days = (await officer.get('/api/calendar/days?year=2026')).json();
    expect(days).toContainEqual(
      expect.objectContaining({ date: '2026-10-01', kind: 'holiday', name: '国庆节' }),
    );
    expect(days.some((d: { kind: string }) => d.kind === 'workday')).toBe(true);
  });

  it('counts working days across the 2026 National Day holiday', async () => {
    const end = (await officer.get('/api/calendar/working-days?from=2026-09-29&days=5')).json();
    expect(end.estimated).toBe(false);
    // 09-30, then 10-01…10-07 off, then working days resume; the exact date follows the State Council notice
    expect(end.date > '2026-10-07').toBe(true);
  });

  it('estimates a period running into an unknown year until the bureau enters that year', async () => {
    const before = (await officer.get('/api/calendar/working-days?from=2026-12-30&days=3')).json();
    expect(before).toEqual({ date: '2027-01-04', estimated: true, unknownYears: [2027] });

    expect((await officer.put('/api/calendar/years/2027', { noticeRef: 'x', days: [] })).statusCode).toBe(
      403,
    );
    const bad = await bureau.put('/api/calendar/years/2027', {
      noticeRef: '国办发明电〔2026〕1号',
      days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('CALENDAR_DAY_INVALID');

    const entered = await bureau.put('/api/calendar/years/2027', {
      noticeRef: '国办发明电〔2026〕1号',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-02', kind: 'holiday', name: '元旦' },
        { date: '2027-01-03', kind: 'holiday', name: '元旦' },
      ],
    });
    expect(entered.statusCode, entered.body).toBe(200);
    const after = (await officer.get('/api/calendar/working-days?from=2026-12-30&days=3')).json();
    expect(after).toEqual({ date: '2027-01-05', estimated: false, unknownYears: [] });
    const events = (await bureau.get('/api/audit/events?kind=calendar.year_entered')).json();
    expect(events.items[0].after).toMatchObject({ year: 2027, holidays: 3 });
  });
});
