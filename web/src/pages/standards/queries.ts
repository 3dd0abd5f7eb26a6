import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, call } from '../../api/client';

/** Query keys of the standards pages: invalidate `standardsKey` after any change to a standard or version. */
export const standardsKey = ['standards'] as const;
export const versionKey = (id: string) => [...standardsKey, 'version', id] as const;

export function useStandards(enabled = true) {
  return useQuery({
    queryKey: [...standardsKey, 'list'],
    queryFn: () => call(api.GET('/api/standards')),
    staleTime: 30_000,
    enabled,
  });
}

export function useVersion(id: string | undefined) {
  return useQuery({
    queryKey: versionKey(id ?? ''),
    queryFn: () => call(api.GET('/api/standard-versions/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}

export function useTemplates(enabled: boolean) {
  return useQuery({
    queryKey: [...standardsKey, 'templates'],
    queryFn: () => call(api.GET('/api/standards/templates')),
    staleTime: Infinity,
    enabled,
  });
}

/** GB/T 4754-2017 codes (same cache entry as the registry pages). */
export function useIndustries() {
  return useQuery({
    queryKey: ['industries'],
    queryFn: () => call(api.GET('/api/industries')),
    staleTime: Infinity,
  });
}

/** code → name of the industries, for scope labels. */
export function useIndustryNames(): ReadonlyMap<string, string> {
  const industries = useIndustries();
  return useMemo(() => new Map((industries.data ?? []).map((i) => [i.code, i.name])), [industries.data]);
}

/** The jurisdiction's departments (same cache entry as the user pages' unit picker). */
export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: ['units', 'department'],
    queryFn: () => call(api.GET('/api/units', { params: { query: { kind: 'department' } } })),
    staleTime: Infinity,
    enabled,
  });
}
