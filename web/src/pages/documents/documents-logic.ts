/** Pure logic of the documents pages: URL state → list query, status display, preview data from text. */
import type { QueryOf, ResponseBody } from '../../api/types';
import type { MessageKey } from '../../i18n';

export type DocumentItem = ResponseBody<'/api/documents', 'get'>['items'][number];
export type DocumentListQuery = QueryOf<'/api/documents'>;
export type DocumentKind = ResponseBody<'/api/documents/kinds', 'get'>[number];
export type DocumentStatus = DocumentItem['status'];

export const documentSearchKeys = ['kind', 'holder', 'page', 'size'] as const;
export type DocumentSearch = Partial<Record<(typeof documentSearchKeys)[number], string>>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The URL's filters and paging as the list query (malformed values dropped). */
export function documentListQuery(search: DocumentSearch): DocumentListQuery {
  const page = Number(search.page);
  const size = Number(search.size);
  const query: DocumentListQuery = {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: [20, 50, 100].includes(size) ? size : 20,
  };
  if (search.kind && /^[a-z][a-z0-9_]{0,39}$/.test(search.kind)) query.kind = search.kind;
  if (search.holder && uuid.test(search.holder)) query.holderId = search.holder;
  return query;
}

export const documentStatusLabel: Record<DocumentStatus, MessageKey> = {
  valid: 'documents.status.valid',
  superseded: 'documents.status.superseded',
  revoked: 'documents.status.revoked',
  expired: 'documents.status.expired',
};

export const documentStatusColor: Record<DocumentStatus, string> = {
  valid: 'green',
  superseded: 'orange',
  revoked: 'red',
  expired: 'default',
};

/** The PDF of an issued document (served inline; the browser opens it). */
export function documentPdfUrl(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}/pdf`;
}

/**
 * The body of a preview request from what the user typed: nothing → the template's own sample data; otherwise a
 * JSON object. Returns an error key for text that is not a JSON object.
 */
export function previewBody(
  text: string,
): { ok: true; body: { data?: Record<string, unknown> } } | { ok: false; error: MessageKey } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, body: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { ok: false, error: 'documents.preview.notJson' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: 'documents.preview.notObject' };
  }
  return { ok: true, body: { data: parsed as Record<string, unknown> } };
}
