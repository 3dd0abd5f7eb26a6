import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { ResponseBody } from '../../api/types';
import { downloadFile } from '../../components/download';

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

export type ImportResult = ResponseBody<'/api/records/import', 'post', 201>;

/**
 * Import a filled template (`POST /api/records/import`, multipart). All or nothing: a refusal is an ApiProblem,
 * RECORDS_IMPORT_INVALID with `rowErrors` when rows are wrong.
 */
export function importRecordsFile(file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return call(
    api.POST('/api/records/import', {
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}

export function downloadRecordsTemplate(fallbackName: string): Promise<void> {
  return downloadFile(api.GET('/api/records/import-template', { parseAs: 'blob' }), fallbackName);
}
