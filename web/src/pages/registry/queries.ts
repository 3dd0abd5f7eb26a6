import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** Query keys of the registry: invalidate `registryKey` after any change to enterprises or parks. */
export const registryKey = ['registry'] as const;
export const enterprisesKey = [...registryKey, 'enterprises'] as const;
export const parksKey = [...registryKey, 'parks'] as const;
export const importsKey = [...registryKey, 'imports'] as const;

/** GB/T 4754-2017 codes in use (reference data: cached for the session). */
export function useIndustries() {
  return useQuery({
    queryKey: ['industries'],
    queryFn: () => call(api.GET('/api/industries')),
    staleTime: Infinity,
  });
}

/** The jurisdiction's subdistricts (same cache entry as the user pages' unit picker). */
export function useSubdistricts() {
  return useQuery({
    queryKey: ['units', 'subdistrict'],
    queryFn: () => call(api.GET('/api/units', { params: { query: { kind: 'subdistrict' } } })),
    staleTime: Infinity,
  });
}

/** Micro-parks the user can see (optionally of one subdistrict). */
export function useParks(subdistrictId?: string, enabled = true) {
  return useQuery({
    queryKey: [...parksKey, 'list', subdistrictId ?? null],
    queryFn: () => call(api.GET('/api/parks', { params: { query: { subdistrictId } } })),
    staleTime: 60_000,
    enabled,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: [...enterprisesKey, 'one', id],
    queryFn: () => call(api.GET('/api/enterprises/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}
