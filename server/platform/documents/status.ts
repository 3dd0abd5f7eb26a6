import type { TransitionTable } from '../../../domain/transitions.js';

/** What is stored: a document stays `valid` until it is superseded by a correction or revoked. */
export type StoredDocumentStatus = 'valid' | 'superseded' | 'revoked';
/** What the public is told: a valid document past its `validUntil` is `expired`. */
export type DocumentStatus = StoredDocumentStatus | 'expired';
export type DocumentAction = 'supersede' | 'revoke';

export const documentTransitions = {
  valid: { supersede: 'superseded', revoke: 'revoked' },
  superseded: {},
  revoked: {},
} as const satisfies TransitionTable<StoredDocumentStatus, DocumentAction>;

export function effectiveStatus(
  doc: { status: StoredDocumentStatus; validUntil: Date | null },
  now: Date = new Date(),
): DocumentStatus {
  if (doc.status === 'valid' && doc.validUntil && doc.validUntil.getTime() <= now.getTime()) return 'expired';
  return doc.status;
}

export const documentStatusLabels: Record<DocumentStatus, string> = {
  valid: '有效',
  superseded: '已被更正文书替代',
  revoked: '已撤销',
  expired: '已过有效期',
};
