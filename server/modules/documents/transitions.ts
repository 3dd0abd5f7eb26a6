import type { StoredDocumentStatus } from '../../platform/documents/status.js';
import { AppError } from '../../platform/errors/app-error.js';

/** The error for an action the document's status does not allow. */
export function refuseTransition(status: StoredDocumentStatus): never {
  switch (status) {
    case 'superseded':
      throw new AppError('DOCUMENT_ALREADY_SUPERSEDED');
    case 'revoked':
      throw new AppError('DOCUMENT_ALREADY_REVOKED');
    case 'valid':
      throw new AppError('CONFLICT_STATE');
  }
}
