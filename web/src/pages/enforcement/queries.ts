import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { notificationsKey } from '../notifications/queries';
import { campaignPollMs } from './enforcement-logic';
import type {
  CampaignListQuery,
  DecisionBody,
  FocusListQuery,
  InspectionBody,
  InspectionListQuery,
  LetterListQuery,
  ProposeBody,
} from './types';

/** Query keys: invalidate `enforcementKey` after any inspection, violation, campaign or letter change. */
export const enforcementKey = ['enforcement'] as const;
export const inspectionKey = (id: string) => [...enforcementKey, 'inspection', id] as const;
export const campaignKey = (id: string) => [...enforcementKey, 'campaign', id] as const;
export const lettersKey = [...enforcementKey, 'letters'] as const;
export const letterKey = (id: string) => [...enforcementKey, 'letter', id] as const;
export const leniencyKey = (violationId: string) => [...enforcementKey, 'leniency', violationId] as const;

/** The violation-type catalog (reference data of the jurisdiction: cached for a while). */
export function useViolationTypes(enabled = true) {
  return useQuery({
    queryKey: [...enforcementKey, 'violation-types'],
    queryFn: () => call(api.GET('/api/violation-types')),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useInspections(query: InspectionListQuery) {
  return useQuery({
    queryKey: [...enforcementKey, 'inspections', query],
    queryFn: () => call(api.GET('/api/enforcement/inspections', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** 不放心企业, ranked by the server (`GET /api/enforcement/focus`). */
export function useFocusEnterprises(query: FocusListQuery) {
  return useQuery({
    queryKey: [...enforcementKey, 'focus', query],
    queryFn: () => call(api.GET('/api/enforcement/focus', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string | undefined) {
  return useQuery({
    queryKey: inspectionKey(id ?? ''),
    queryFn: () => call(api.GET('/api/enforcement/inspections/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function recordInspection(body: InspectionBody) {
  return call(api.POST('/api/enforcement/inspections', { body }));
}

/**
 * The hazards of the enterprise being inspected (`GET /api/hazards?enterpriseId=`), offered as its own earlier
 * report of a violation. One page of 200: the most recent reports are the ones that matter.
 */
export function useEnterpriseHazards(enterpriseId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...enforcementKey, 'enterprise-hazards', enterpriseId ?? ''],
    queryFn: () =>
      call(
        api.GET('/api/hazards', {
          params: { query: { enterpriseId: enterpriseId!, page: 1, pageSize: 200 } },
        }),
      ),
    enabled: enabled && Boolean(enterpriseId),
    staleTime: 60_000,
  });
}

/** The facts, suggestion, self-report and decision of one violation (处罚裁量), read when its panel opens. */
export function useLeniency(violationId: string | undefined) {
  return useQuery({
    queryKey: leniencyKey(violationId ?? ''),
    queryFn: () =>
      call(api.GET('/api/enforcement/violations/{id}/leniency', { params: { path: { id: violationId! } } })),
    enabled: Boolean(violationId),
  });
}

export function decidePenalty(violationId: string, body: DecisionBody) {
  return call(
    api.POST('/api/enforcement/violations/{id}/decision', { params: { path: { id: violationId } }, body }),
  );
}

export function rectifyViolation(id: string, note: string) {
  return call(
    api.POST('/api/enforcement/violations/{id}/rectify', { params: { path: { id } }, body: { note } }),
  );
}

export function useCampaigns(query: CampaignListQuery) {
  return useQuery({
    queryKey: [...enforcementKey, 'campaigns', query],
    queryFn: () => call(api.GET('/api/advice/campaigns', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** One campaign, asked again every 2 s while its letters are being sent. */
export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: campaignKey(id ?? ''),
    queryFn: () => call(api.GET('/api/advice/campaigns/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    refetchInterval: (query) => campaignPollMs(query.state.data),
  });
}

export function proposeCampaign(body: ProposeBody) {
  return call(api.POST('/api/advice/campaigns', { body }));
}

export function campaignAction(id: string, action: 'approve' | 'close' | 'reject', reason?: string) {
  const path = { params: { path: { id } } };
  switch (action) {
    case 'approve':
      return call(api.POST('/api/advice/campaigns/{id}/approve', path));
    case 'close':
      return call(api.POST('/api/advice/campaigns/{id}/close', path));
    case 'reject':
      return call(
        api.POST('/api/advice/campaigns/{id}/reject', { ...path, body: { reason: (reason ?? '').trim() } }),
      );
  }
}

export function useLetters(query: LetterListQuery, enabled = true) {
  return useQuery({
    queryKey: [...lettersKey, query],
    queryFn: () => call(api.GET('/api/advice/letters', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useLetter(id: string | undefined) {
  return useQuery({
    queryKey: letterKey(id ?? ''),
    queryFn: () => call(api.GET('/api/advice/letters/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function replyLetter(id: string, reply: string) {
  return call(
    api.POST('/api/advice/letters/{id}/reply', { params: { path: { id } }, body: { reply: reply.trim() } }),
  );
}

/** After any write of these pages: every inspection, campaign and letter view (and the bell's notifications). */
export function useRefreshEnforcement() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: enforcementKey });
    void queryClient.invalidateQueries({ queryKey: notificationsKey });
  };
}
