import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { QueryOf } from '../../api/types';
import { inspectionsKey } from '../readiness/queries';

export type InspectionListQuery = QueryOf<'/api/inspections'>;

export const inspectionKey = (id: string) => [...inspectionsKey, 'detail', id] as const;

export function useInspections(query: InspectionListQuery) {
  return useQuery({
    queryKey: [...inspectionsKey, 'list', query],
    queryFn: () => call(api.GET('/api/inspections', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string | undefined) {
  return useQuery({
    queryKey: inspectionKey(id ?? ''),
    queryFn: () => call(api.GET('/api/inspections/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** Industry module names of the inspection's standard version (the common five are named in the UI). */
export function useModuleNames(versionId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['standards', 'version', versionId, 'modules'],
    queryFn: async () => {
      const v = await call(api.GET('/api/standard-versions/{id}', { params: { path: { id: versionId! } } }));
      return new Map(v.modules.map((m) => [m.code, m.name]));
    },
    enabled: Boolean(versionId) && enabled,
    staleTime: 10 * 60_000,
    retry: false,
  });
}
