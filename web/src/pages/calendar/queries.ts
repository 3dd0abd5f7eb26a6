import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { ResponseBody } from '../../api/types';

export type CalendarYear = ResponseBody<'/api/calendar/years', 'get'>[number];
export type CalendarDayRow = ResponseBody<'/api/calendar/days', 'get'>[number];
export type WorkingDayEnd = ResponseBody<'/api/calendar/working-days', 'get'>;

/** Invalidate `calendarKey` after entering a year (years, days and computed end dates all change). */
export const calendarKey = ['calendar'] as const;

export function useCalendarYears() {
  return useQuery({
    queryKey: [...calendarKey, 'years'],
    queryFn: () => call(api.GET('/api/calendar/years')),
  });
}

export function useCalendarDays(year: number | undefined) {
  return useQuery({
    queryKey: [...calendarKey, 'days', year],
    queryFn: () => call(api.GET('/api/calendar/days', { params: { query: { year: year! } } })),
    enabled: year !== undefined,
  });
}

export function useWorkingDayEnd(input: { from: string; days: number } | null) {
  return useQuery({
    queryKey: [...calendarKey, 'working-days', input?.from, input?.days],
    queryFn: () => call(api.GET('/api/calendar/working-days', { params: { query: input! } })),
    enabled: input !== null,
  });
}
