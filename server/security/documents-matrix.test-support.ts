/**
 * The documents part of the authorization matrix: issued documents, their PDFs, revocation and previews, and the
 * evidence files attached to entities — their routeMatrix entries. Used by authz-matrix.test.ts, which owns the
 * roles, sessions, fixtures and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production).
 */
import { multipart } from './matrix-fixtures.test-support.js';
import { all, allBut, type Entry, type MatrixInputs } from './matrix-types.test-support.js';

/** `inputs` is filled by the test's setup; the calls read it when they run. */
export function documentsEntries(inputs: MatrixInputs): Record<string, Entry> {
  return {
    // ── documents and files ───────────────────────────────────────────────────────────────────────────────────
    'GET /api/documents': {
      refused: all,
      call: (f) => ({ url: `/api/documents?holderId=${f.enterpriseId}` }),
      hide: (f) => [f.documentId],
    },
    'GET /api/documents/{id}': { refused: all, call: (f) => ({ url: `/api/documents/${f.documentId}` }) },
    'GET /api/documents/{id}/pdf': {
      refused: all,
      call: (f) => ({ url: `/api/documents/${f.documentId}/pdf` }),
    },
    'POST /api/documents/{id}/revoke': {
      refused: all,
      call: (f) => ({ url: `/api/documents/${f.documentId}/revoke`, body: { reason: '越权撤销' } }),
    },
    'POST /api/documents/preview/{kind}': {
      refused: allBut('bureau_admin', 'bureau_reviewer'),
      call: () => ({ url: '/api/documents/preview/commitment', body: {} }),
    },
    'GET /api/files': {
      refused: all,
      call: (f) => ({ url: `/api/files?entityType=document&entityId=${f.documentId}` }),
    },
    'POST /api/files': {
      refused: all,
      call: (f) => ({
        url: '/api/files',
        raw: multipart(
          { entityType: 'document', entityId: f.documentId, label: '越权上传' },
          inputs.photoBytes,
        ),
      }),
    },
    'GET /api/files/{sha256}': { refused: all, call: (f) => ({ url: `/api/files/${f.fileSha256}` }) },
    'GET /api/files/{sha256}/thumbnail': {
      refused: all,
      call: (f) => ({ url: `/api/files/${f.fileSha256}/thumbnail` }),
    },
  };
}
