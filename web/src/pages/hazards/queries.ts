import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { ApiProblem } from '../../api/problem';

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

export interface UploadedFile {
  sha256: string;
  mime: string;
  originalName: string;
}

/**
 * Upload one evidence file (photo or PDF) to a hazard: `POST /api/files` as multipart, through the typed client so
 * the CSRF header and the 401 handling stay the same. Returns the stored file (its SHA-256 is what the hazard
 * references) or throws an ApiProblem.
 */
export async function uploadHazardFile(hazardId: string, file: File, label: string): Promise<UploadedFile> {
  const form = new FormData();
  form.append('entityType', 'hazard');
  form.append('entityId', hazardId);
  form.append('label', label);
  form.append('file', file, file.name);
  const saved = await call(
    api.POST('/api/files', {
      body: form as never,
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
  if (!saved?.sha256) throw ApiProblem.fromResponse(500, null);
  return saved;
}
