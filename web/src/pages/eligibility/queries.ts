import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { ResponseBody } from '../../api/types';

export type Eligibility = ResponseBody<'/api/enterprises/{id}/eligibility', 'get'>;
export type EligibilityCondition = Eligibility['conditions'][number];

/** Invalidate after anything that changes a condition (records, commitments, hazards…); the key is shared. */
export const eligibilityKey = ['eligibility'] as const;

export function useEligibility(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: [...eligibilityKey, enterpriseId],
    queryFn: () => call(api.GET('/api/enterprises/{id}/eligibility', { params: { path: { id: enterpriseId! } } })),
    enabled: Boolean(enterpriseId),
  });
}
