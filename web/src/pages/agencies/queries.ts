import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema.gen';

export type Agency = components['schemas']['Agency'];
export type Engagement = components['schemas']['Engagement'];

/** Query keys: invalidate `agenciesKey` after any change to agencies or engagements. */
export const agenciesKey = ['agencies'] as const;
export const engagementsKey = [...agenciesKey, 'engagements'] as const;

export function useAgencies(
  query: { q?: string; kind?: Agency['kinds'][number]; status?: Agency['status']; page: number; pageSize: number },
  enabled = true,
) {
  return useQuery({
    queryKey: [...agenciesKey, 'list', query],
    queryFn: () => call(api.GET('/api/agencies', { params: { query } })),
    enabled,
  });
}

export function useGradeScale() {
  return useQuery({
    queryKey: [...agenciesKey, 'grade-scale'],
    queryFn: () => call(api.GET('/api/agencies/grade-scale')),
    staleTime: 60_000,
  });
}

export function useEngagements(query: { status?: Engagement['status']; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...engagementsKey, query],
    queryFn: () => call(api.GET('/api/engagements', { params: { query } })),
  });
}
