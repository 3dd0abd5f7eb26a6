import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { enterCalendarYear } from './commands.js';
import { calendarYearsList, daysOfYear, workingDayEnd } from './queries.js';

const tags = ['calendar'];
const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Day = Type.Object({
  date: CalendarDate,
  kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]),
  name: Type.String({ minLength: 1, maxLength: 40 }),
});

/** The work calendar: which years are known, their exceptional days, period end dates; the bureau enters a year. */
export function calendarRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/calendar/years',
    {
      schema: {
        tags,
        summary: '已录入节假日安排的年份',
        response: responses({
          200: Type.Array(
            Type.Object({
              year: Type.Integer(),
              source: Type.String(),
              noticeRef: Type.Union([Type.String(), Type.Null()]),
              enteredAt: Type.String(),
            }),
          ),
        }),
      },
    },
    async () => calendarYearsList(db),
  );
  app.get(
    '/api/calendar/days',
    {
      schema: {
        tags,
        summary: '某年的法定节假日与调休上班日',
        querystring: Type.Object({ year: Year }),
        response: responses({ 200: Type.Array(Type.Object({ ...Day.properties, source: Type.String() })) }),
      },
    },
    async (req) => daysOfYear(db, req.query.year),
  );
  app.get(
    '/api/calendar/working-days',
    {
      schema: {
        tags,
        summary: '计算工作日期限的截止日期（起始日不计）',
        querystring: Type.Object({ from: CalendarDate, days: Type.Integer({ minimum: 0, maximum: 365 }) }),
        response: responses({
          200: Type.Object({
            date: Type.String(),
            estimated: Type.Boolean(),
            unknownYears: Type.Array(Type.Integer()),
          }),
        }),
      },
    },
    async (req) => {
      if (Number.isNaN(new Date(`${req.query.from}T00:00:00Z`).getTime()))
        throw new AppError('VALIDATION_FAILED', {
          fieldErrors: [{ field: 'querystring/from', code: 'format', message: '日期无效' }],
        });
      const end = await workingDayEnd(db, req.query.from, req.query.days);
      return { date: end.date, estimated: end.unknownYears.length > 0, unknownYears: end.unknownYears };
    },
  );
  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '录入某年国务院办公厅节假日安排（区应急管理局）',
        params: Type.Object({ year: Year }),
        body: Type.Object(
          {
            noticeRef: Type.String({ minLength: 1, maxLength: 60 }),
            days: Type.Array(Day, { maxItems: 80 }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Array(Type.Object({ ...Day.properties, source: Type.String() })) }),
      },
    },
    async (req) => {
      await enterCalendarYear(db, actorOf(req), req.params.year, req.body);
      return daysOfYear(db, req.params.year);
    },
  );
}
