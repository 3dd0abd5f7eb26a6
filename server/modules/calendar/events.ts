import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

export const calendarEvents = {
  yearEntered: defineEventKind(
    'calendar.year_entered',
    Type.Object({
      year: Type.Number(),
      noticeRef: Type.String(),
      holidays: Type.Number(),
      workdays: Type.Number(),
    }),
  ),
};
