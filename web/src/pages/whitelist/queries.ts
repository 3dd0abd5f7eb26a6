import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { eligibilityKey } from '../eligibility/queries';
import type { ApplicationListQuery } from './types';

/** Query keys: invalidate `whitelistKey` after any change to an application, opinion or batch. */
export const whitelistKey = ['whitelist'] as const;
export const applicationKey = (id: string) => [...whitelistKey, 'application', id] as const;

export function useApplications(query: ApplicationListQuery, enabled = true) {
  return useQuery({
    queryKey: [...whitelistKey, 'applications', query],
    queryFn: () => call(api.GET('/api/whitelist/applications', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: applicationKey(id ?? ''),
    queryFn: () =>
      call(api.GET('/api/whitelist/applications/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useEnterpriseWhitelist(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: [...whitelistKey, 'enterprise', enterpriseId],
    queryFn: () =>
      call(api.GET('/api/enterprises/{id}/whitelist', { params: { path: { id: enterpriseId! } } })),
    enabled: Boolean(enterpriseId),
  });
}

export function useBatches(page: number, enabled = true) {
  return useQuery({
    queryKey: [...whitelistKey, 'batches', page],
    queryFn: () =>
      call(api.GET('/api/whitelist/batches', { params: { query: { page, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOpinionInbox(status: 'pending' | 'answered', page: number) {
  return useQuery({
    queryKey: [...whitelistKey, 'opinions', status, page],
    queryFn: () =>
      call(api.GET('/api/whitelist/opinions', { params: { query: { status, page, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useDepartments(enabled: boolean) {
  return useQuery({
    queryKey: [...whitelistKey, 'departments'],
    queryFn: () => call(api.GET('/api/whitelist/departments')),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** After any white-list write: the lists, the detail, the enterprise's status card and its checklist. */
export function useRefreshWhitelist() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: whitelistKey });
    void queryClient.invalidateQueries({ queryKey: eligibilityKey });
  };
}
