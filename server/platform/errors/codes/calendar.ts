import type { ErrorSpec } from '../catalogue.js';

export const calendarErrors = {
  CALENDAR_DAY_INVALID: {
    status: 400,
    zh: '节假日安排中的日期无效或重复',
    en: 'A date in the holiday schedule is invalid or repeated',
  },
} as const satisfies Record<string, ErrorSpec>;
