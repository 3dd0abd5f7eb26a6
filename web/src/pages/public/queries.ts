/**
 * The public portal's calls. The server's `/api/public/*` routes are `public: true`: no session needed, no CSRF
 * token checked, and no answer is a 401, so the client never sends a visitor to the login page from here.
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { ResponseBody } from '../../api/types';
import type { ObjectionBody, WhitelistFilters } from './public-logic';

export type PublicWhitelistPage = ResponseBody<'/api/public/whitelist', 'get'>;
export type PublicEntry = PublicWhitelistPage['items'][number];
export type PublicNotice = ResponseBody<'/api/public/notices', 'get'>[number];
export type PublicApplication = PublicNotice['applications'][number];
export type ObjectionReceipt = ResponseBody<'/api/public/notices/{id}/objections', 'post', 201>;

export const publicKey = ['public'] as const;

export function usePublicWhitelist(filters: WhitelistFilters) {
  return useQuery({
    queryKey: [...publicKey, 'whitelist', filters],
    queryFn: () => call(api.GET('/api/public/whitelist', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicNotices() {
  return useQuery({
    queryKey: [...publicKey, 'notices'],
    queryFn: () => call(api.GET('/api/public/notices')),
  });
}

export function useFileObjection(noticeId: string) {
  return useMutation({
    mutationFn: (body: ObjectionBody) =>
      call(api.POST('/api/public/notices/{id}/objections', { params: { path: { id: noticeId } }, body })),
  });
}
