import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

export const usersKey = ['users'] as const;

/** Departments or subdistricts of the jurisdiction (reference data: cached for the session). */
export function useUnits(kind: 'department' | 'subdistrict' | null) {
  return useQuery({
    queryKey: ['units', kind],
    queryFn: () => call(api.GET('/api/units', { params: { query: { kind: kind ?? undefined } } })),
    enabled: kind !== null,
    staleTime: Infinity,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...usersKey, 'one', id],
    queryFn: () => call(api.GET('/api/users/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}
