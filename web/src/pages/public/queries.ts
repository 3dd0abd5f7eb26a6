/**
 * The public portal's calls: no session needed (the routes are `public: true` on the server), so none of them
 * can answer 401 and send the visitor to the login page.
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { ObjectionBody, WhitelistFilters } from './public-logic';

// TEMPORARY: the contract of docs/whitelist.md until the server's routes land and schema.gen.ts has them.
export interface PublicEntry {
  number: string;
  enterpriseName: string;
  uscc: string;
  subdistrictName: string;
  industryCode: string | null;
  industryName: string | null;
  validFrom: string;
  validTo: string;
  status: 'active' | 'suspended';
  verifyUrl: string;
}
export interface PublicWhitelistPage {
  items: PublicEntry[];
  total: number;
  subdistricts: { id: string; name: string }[];
}
export interface PublicNotice {
  id: string;
  number: string;
  title: string;
  startsOn: string;
  endsOn: string;
  endsEstimated: boolean;
  verifyUrl: string;
  applications: { id: string; enterpriseName: string; uscc: string; subdistrictName: string; industryName: string | null }[];
}
export type PublicApplication = PublicNotice['applications'][number];
export interface ObjectionReceipt {
  id: string;
  filedAt: string;
}

async function raw<T>(path: string, init?: RequestInit): Promise<{ data?: T; error?: unknown; response: Response }> {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  const body: unknown = await response.json().catch(() => undefined);
  return response.ok ? { data: body as T, response } : { error: body, response };
}

export const publicKey = ['public'] as const;

export function usePublicWhitelist(filters: WhitelistFilters) {
  return useQuery({
    queryKey: [...publicKey, 'whitelist', filters],
    queryFn: () => {
      const query = new URLSearchParams(
        Object.entries(filters).map(([k, v]) => [k, String(v)] as [string, string]),
      );
      return call(raw<PublicWhitelistPage>(`/api/public/whitelist?${query}`));
    },
    placeholderData: keepPreviousData,
  });
}

export function usePublicNotices() {
  return useQuery({
    queryKey: [...publicKey, 'notices'],
    queryFn: () => call(raw<PublicNotice[]>('/api/public/notices')),
  });
}

export function useFileObjection(noticeId: string) {
  return useMutation({
    mutationFn: (body: ObjectionBody) =>
      call(
        raw<ObjectionReceipt>(`/api/public/notices/${encodeURIComponent(noticeId)}/objections`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
  });
}
