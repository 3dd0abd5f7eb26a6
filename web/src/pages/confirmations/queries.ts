import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { QueryOf } from '../../api/types';

export type ConfirmationListQuery = QueryOf<'/api/confirmations'>;

/** Query keys: invalidate `confirmationsKey` after any change to a confirmation. */
export const confirmationsKey = ['confirmations'] as const;
export const confirmationKey = (id: string) => [...confirmationsKey, 'detail', id] as const;
/** Engineers and agency records: invalidate `engineersKey` after any change to an engineer. */
export const engineersKey = ['engineers'] as const;

export function useConfirmations(query: ConfirmationListQuery) {
  return useQuery({
    queryKey: [...confirmationsKey, 'list', query],
    queryFn: () => call(api.GET('/api/confirmations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useConfirmation(id: string | undefined) {
  return useQuery({
    queryKey: confirmationKey(id ?? ''),
    queryFn: () => call(api.GET('/api/confirmations/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useEngineers(query: QueryOf<'/api/engineers'>, enabled = true) {
  return useQuery({
    queryKey: [...engineersKey, 'list', query],
    queryFn: () => call(api.GET('/api/engineers', { params: { query } })),
    enabled,
  });
}

export function useAgencyRecord(agencyId: string | undefined) {
  return useQuery({
    queryKey: [...engineersKey, 'record', agencyId],
    queryFn: () => call(api.GET('/api/agencies/{id}/record', { params: { path: { id: agencyId! } } })),
    enabled: Boolean(agencyId),
  });
}

export const documentPdfUrl = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/pdf`;
