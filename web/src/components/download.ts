/**
 * Files from the API (Excel exports, templates, error files, PDF samples): fetched through the typed client, so
 * the session cookie, the CSRF header on writes and the 401 → login handling stay the same as for JSON calls,
 * then handed to the browser as a download or opened in a new tab.
 *
 *   await downloadFile(api.GET('/api/enterprises/export', { params: { query }, parseAs: 'blob' }), '企业名录.xlsx');
 */
import { ApiProblem } from '../api/problem';

interface BlobResult {
  data?: Blob;
  error?: unknown;
  response: Response;
}

/**
 * The file name of a `Content-Disposition` header: the RFC 5987 `filename*` (UTF-8, for Chinese names) first,
 * then the plain `filename`, else the fallback. Path parts are dropped.
 */
export function fileNameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  let name: string | null = null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      name = decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      name = null;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
    if (plain) name = (plain[2] ?? plain[1]).trim();
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : fallback;
}

/** Await a blob call: the file and its name, or an ApiProblem (network included). */
export async function fetchFile(
  request: Promise<BlobResult>,
  fallbackName: string,
): Promise<{ blob: Blob; name: string }> {
  let result: BlobResult;
  try {
    result = await request;
  } catch {
    throw ApiProblem.network();
  }
  if (result.error !== undefined || !result.response.ok || !result.data) {
    throw ApiProblem.fromResponse(result.response.status, result.error);
  }
  return {
    blob: result.data,
    name: fileNameFromDisposition(result.response.headers.get('content-disposition'), fallbackName),
  };
}

/** Save a blob under a name (an invisible link, clicked). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // give the browser time to start the download before the URL goes
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Fetch a file from the API and save it; throws an ApiProblem when the server refuses. */
export async function downloadFile(request: Promise<BlobResult>, fallbackName: string): Promise<void> {
  const { blob, name } = await fetchFile(request, fallbackName);
  saveBlob(blob, name);
}
