import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { ResponseBody } from '../../api/types';

export type AdverseRecords = ResponseBody<'/api/enterprises/{id}/adverse-records', 'get'>;
export type Accident = AdverseRecords['accidents'][number];
export type Penalty = AdverseRecords['penalties'][number];
export type DishonestyListing = AdverseRecords['dishonesty'][number];

/** Invalidate `recordsKey` (and the eligibility checklist) after adding a record. */
export const recordsKey = ['adverse-records'] as const;

export function useAdverseRecords(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: [...recordsKey, enterpriseId],
    queryFn: () =>
      call(api.GET('/api/enterprises/{id}/adverse-records', { params: { path: { id: enterpriseId! } } })),
    enabled: Boolean(enterpriseId),
  });
}
