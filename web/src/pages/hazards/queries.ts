import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** Query keys: invalidate `hazardsKey` after any change to a hazard or an extension request. */
export const hazardsKey = ['hazards'] as const;
export const extensionsKey = [...hazardsKey, 'extensions'] as const;

export function useHazard(id: string | undefined) {
  return useQuery({
    queryKey: [...hazardsKey, 'one', id],
    queryFn: () => call(api.GET('/api/hazards/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}

export function useExtension(id: string | undefined) {
  return useQuery({
    queryKey: [...extensionsKey, 'one', id],
    queryFn: () => call(api.GET('/api/extension-requests/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}
