/** Queries and uploads of the enterprise's "getting ready" pages (home, 承诺书, 自查). */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { ResponseBody } from '../../api/types';

export type Readiness = ResponseBody<'/api/enterprises/{id}/readiness', 'get'>;
export type Commitment = ResponseBody<'/api/enterprises/{id}/commitment', 'get'>;
export type CommitmentSigning = Commitment['history'][number];
export type UploadedFile = ResponseBody<'/api/files', 'post', 201>;

/** Query keys: invalidate `readinessKey` after signing, answering or completing (the home page reads them all). */
export const readinessKey = ['readiness'] as const;
export const commitmentKey = (enterpriseId: string) => [...readinessKey, 'commitment', enterpriseId] as const;
export const inspectionsKey = ['inspections'] as const;

export function useReadiness(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: [...readinessKey, 'summary', enterpriseId],
    queryFn: () => call(api.GET('/api/enterprises/{id}/readiness', { params: { path: { id: enterpriseId! } } })),
    enabled: Boolean(enterpriseId),
  });
}

export function useCommitment(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: commitmentKey(enterpriseId ?? ''),
    queryFn: () => call(api.GET('/api/enterprises/{id}/commitment', { params: { path: { id: enterpriseId! } } })),
    enabled: Boolean(enterpriseId),
  });
}

/**
 * Upload one file as evidence of a record (`POST /api/files`, multipart). openapi-fetch sends FormData as it is
 * (the browser sets the boundary); the client adds the CSRF header like for any write.
 */
export function uploadFile(entityType: string, entityId: string, file: File, label?: string): Promise<UploadedFile> {
  const form = new FormData();
  form.append('entityType', entityType);
  form.append('entityId', entityId);
  if (label) form.append('label', label.slice(0, 200));
  form.append('file', file, file.name);
  return call(
    api.POST('/api/files', {
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}

export const fileUrl = (sha256: string) => `/api/files/${sha256}`;
export const thumbnailUrl = (sha256: string) => `/api/files/${sha256}/thumbnail`;
export const documentPdfUrl = (documentId: string) => `/api/documents/${documentId}/pdf`;
