import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { ResponseBody } from '../../api/types';

export type Association = ResponseBody<'/api/associations', 'get'>[number];
export type SelfDisciplineSummary = ResponseBody<'/api/self-discipline-standards', 'get'>[number];
export type SelfDisciplineDetail = ResponseBody<'/api/self-discipline-standards/{id}', 'get'>;

/** Query keys: invalidate `associationsKey` after any change to associations or their standards. */
export const associationsKey = ['associations'] as const;

export function useAssociations() {
  return useQuery({
    queryKey: [...associationsKey, 'list'],
    queryFn: () => call(api.GET('/api/associations')),
  });
}

export function useSelfDisciplineStandards(associationId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...associationsKey, 'self-discipline', associationId ?? 'all'],
    queryFn: () =>
      call(
        api.GET('/api/self-discipline-standards', {
          params: { query: associationId ? { associationId } : {} },
        }),
      ),
    enabled,
  });
}

export function useSelfDiscipline(id: string | undefined) {
  return useQuery({
    queryKey: [...associationsKey, 'self-discipline', 'detail', id ?? ''],
    queryFn: () => call(api.GET('/api/self-discipline-standards/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}
