import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { WorkCalendar } from '../../../../domain/working-days';
import { api, call } from '../../api/client';
import type { QueryOf } from '../../api/types';
import { calendarKey, useCalendarYears, type CalendarDayRow } from '../calendar/queries';
import { workCalendar } from './whitelist-admin-logic';

/** Query keys: invalidate `whitelistKey` after any change (notices, applications, entries, exits move together). */
export const whitelistKey = ['whitelist'] as const;
export const noticeKey = (id: string) => [...whitelistKey, 'notice', id] as const;
export const exitKey = (id: string) => [...whitelistKey, 'exit', id] as const;

const path = (id: string) => ({ params: { path: { id } } });

export function useNotices(query: QueryOf<'/api/whitelist/notices'>) {
  return useQuery({
    queryKey: [...whitelistKey, 'notices', query],
    queryFn: () => call(api.GET('/api/whitelist/notices', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useNotice(id: string | undefined) {
  return useQuery({
    queryKey: noticeKey(id ?? ''),
    queryFn: () => call(api.GET('/api/whitelist/notices/{id}', path(id!))),
    enabled: Boolean(id),
  });
}

/** The applications asking for departments' opinions: the candidates of a new notice. */
export function useApplicationsInOpinions(enabled: boolean) {
  return useQuery({
    queryKey: [...whitelistKey, 'applications', 'opinions'],
    queryFn: () =>
      call(
        api.GET('/api/whitelist/applications', {
          params: { query: { status: 'opinions', page: 1, pageSize: 200 } },
        }),
      ),
    enabled,
  });
}

export function useEntries(query: QueryOf<'/api/whitelist/entries'>) {
  return useQuery({
    queryKey: [...whitelistKey, 'entries', query],
    queryFn: () => call(api.GET('/api/whitelist/entries', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useEntry(id: string | undefined) {
  return useQuery({
    queryKey: [...whitelistKey, 'entry', id],
    queryFn: () => call(api.GET('/api/whitelist/entries/{id}', path(id!))),
    enabled: Boolean(id),
  });
}

export function useExits(query: QueryOf<'/api/whitelist/exits'>) {
  return useQuery({
    queryKey: [...whitelistKey, 'exits', query],
    queryFn: () => call(api.GET('/api/whitelist/exits', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useExit(id: string | undefined) {
  return useQuery({
    queryKey: exitKey(id ?? ''),
    queryFn: () => call(api.GET('/api/whitelist/exits/{id}', path(id!))),
    enabled: Boolean(id),
  });
}

export function useMeasures(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: [...whitelistKey, 'measures', enterpriseId],
    queryFn: () => call(api.GET('/api/enterprises/{id}/measures', path(enterpriseId!))),
    enabled: Boolean(enterpriseId),
  });
}

const combineDays = (results: { isSuccess: boolean; data?: CalendarDayRow[] }[]) => ({
  ready: results.every((r) => r.isSuccess),
  rows: results.flatMap((r) => r.data ?? []),
});

/**
 * The national work calendar for some years (their holiday rows and the years the calendar knows), to count the
 * working days of notice periods; null until loaded.
 */
export function usePeriodCalendar(years: readonly number[]): WorkCalendar | null {
  const known = useCalendarYears();
  const days = useQueries({
    queries: years.map((year) => ({
      queryKey: [...calendarKey, 'days', year],
      queryFn: () => call(api.GET('/api/calendar/days', { params: { query: { year } } })),
      staleTime: 10 * 60_000,
    })),
    combine: combineDays,
  });
  return useMemo(
    () =>
      known.isSuccess && days.ready
        ? workCalendar(
            days.rows,
            known.data.map((y) => y.year),
          )
        : null,
    [known.isSuccess, known.data, days],
  );
}
