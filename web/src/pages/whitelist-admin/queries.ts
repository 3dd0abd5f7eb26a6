import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { WorkCalendar } from '../../../../domain/working-days';
import { api, call } from '../../api/client';
import { calendarKey, useCalendarYears, type CalendarDayRow } from '../calendar/queries';
import type {
  Application,
  Entry,
  EntryDetail,
  Exit,
  Measure,
  Notice,
  NoticeDetail,
  NoticeStatus,
  Page,
  EntryStatus,
  ExitStatus,
} from './types';
import { workCalendar } from './whitelist-admin-logic';

/**
 * TEMPORARY: the /api/whitelist/* routes are not in schema.gen.ts yet. Until they are, calls go through the same
 * client (CSRF header, 401 handling) with the path as a plain string; the typed calls replace this afterwards.
 */
type LooseInit = { params?: { query?: Record<string, unknown> }; body?: unknown };
type LooseCall = (
  path: string,
  init?: LooseInit,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const loose = api as unknown as { GET: LooseCall; POST: LooseCall };

export const looseGet = async <T>(path: string, query?: Record<string, unknown>): Promise<T> =>
  (await call(loose.GET(path, { params: { query } }))) as T;
export const loosePost = async <T>(path: string, body: unknown = {}): Promise<T> =>
  (await call(loose.POST(path, { body }))) as T;

const seg = (id: string) => encodeURIComponent(id);

/** Query keys: invalidate `whitelistKey` after any change (notices, applications, entries, exits move together). */
export const whitelistKey = ['whitelist'] as const;

export function useNotices(query: { status?: NoticeStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...whitelistKey, 'notices', query],
    queryFn: () => looseGet<Page<Notice>>('/api/whitelist/notices', query),
    placeholderData: keepPreviousData,
  });
}

export function useNotice(id: string | undefined) {
  return useQuery({
    queryKey: [...whitelistKey, 'notice', id],
    queryFn: () => looseGet<NoticeDetail>(`/api/whitelist/notices/${seg(id!)}`),
    enabled: Boolean(id),
  });
}

export function useApplicationsInOpinions(enabled: boolean) {
  return useQuery({
    queryKey: [...whitelistKey, 'applications', 'opinions'],
    queryFn: () =>
      looseGet<Page<Application>>('/api/whitelist/applications', {
        status: 'opinions',
        page: 1,
        pageSize: 200,
      }),
    enabled,
  });
}

export function useEntries(query: {
  status?: EntryStatus;
  q?: string;
  subdistrictId?: string;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: [...whitelistKey, 'entries', query],
    queryFn: () => looseGet<Page<Entry>>('/api/whitelist/entries', query),
    placeholderData: keepPreviousData,
  });
}

export function useEntry(id: string | undefined) {
  return useQuery({
    queryKey: [...whitelistKey, 'entry', id],
    queryFn: () => looseGet<EntryDetail>(`/api/whitelist/entries/${seg(id!)}`),
    enabled: Boolean(id),
  });
}

export function useExits(query: { status?: ExitStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...whitelistKey, 'exits', query],
    queryFn: () => looseGet<Page<Exit>>('/api/whitelist/exits', query),
    placeholderData: keepPreviousData,
  });
}

export function useExit(id: string | undefined) {
  return useQuery({
    queryKey: [...whitelistKey, 'exit', id],
    queryFn: () => looseGet<Exit>(`/api/whitelist/exits/${seg(id!)}`),
    enabled: Boolean(id),
  });
}

export function useMeasures(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: [...whitelistKey, 'measures', enterpriseId],
    queryFn: () => looseGet<Measure[]>(`/api/enterprises/${seg(enterpriseId!)}/measures`),
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

export const whitelistPaths = {
  notices: '/api/whitelist/notices',
  publish: (id: string) => `/api/whitelist/notices/${seg(id)}/publish`,
  handleObjection: (id: string) => `/api/whitelist/objections/${seg(id)}/handle`,
  suspend: (id: string) => `/api/whitelist/entries/${seg(id)}/suspend`,
  reinstate: (id: string) => `/api/whitelist/entries/${seg(id)}/reinstate`,
  proposeExit: (id: string) => `/api/whitelist/entries/${seg(id)}/exit-proposals`,
  withdraw: (id: string) => `/api/whitelist/entries/${seg(id)}/withdraw`,
  submitReview: (id: string) => `/api/whitelist/reviews/${seg(id)}/submit`,
  decideReview: (id: string) => `/api/whitelist/reviews/${seg(id)}/decide`,
  decideExit: (id: string) => `/api/whitelist/exits/${seg(id)}/decide`,
};
