import { jurisdictionWideRoles } from '../../../domain/roles.js';
import { hasRole, type Actor } from '../../platform/access/actor.js';
import type { Policy } from '../../platform/access/policy.js';
import type { StoredDocumentStatus } from '../../platform/documents/status.js';

export interface DocumentEntity {
  jurisdictionId: string;
  enterpriseId: string | null;
  subdistrictId: string | null;
  agencyId: string | null;
  status: StoredDocumentStatus;
}

/**
 * Who may read an issued document: jurisdiction-wide roles, the users of the enterprise it belongs to, and the
 * officers of its subdistrict, the users of the agency whose work it reports — the same rule as `documentScope` in queries.ts, for one loaded row.
 * Revoking is the bureau administrator's.
 */
export const documentPolicy: Policy<DocumentEntity, 'read' | 'downloadPdf' | 'revoke'> = {
  read: (a, d) => canRead(a, d),
  downloadPdf: (a, d) => canRead(a, d),
  revoke: (a, d) =>
    a.jurisdictionId === d.jurisdictionId && hasRole(a, 'bureau_admin') && d.status === 'valid',
};

function canRead(actor: Actor, doc: DocumentEntity): boolean {
  if (actor.jurisdictionId !== doc.jurisdictionId) return false;
  return actor.bindings.some(
    (b) =>
      jurisdictionWideRoles.has(b.role) ||
      (b.role === 'enterprise_user' && doc.enterpriseId !== null && b.unitId === doc.enterpriseId) ||
      (b.role === 'subdistrict_officer' && doc.subdistrictId !== null && b.unitId === doc.subdistrictId) ||
      (b.role === 'agency_user' && doc.agencyId !== null && b.unitId === doc.agencyId),
  );
}

/** Rendering samples from posted data (templates being designed, the UI's preview) is for the bureau. */
export function canPreviewDocuments(actor: Actor): boolean {
  return hasRole(actor, 'bureau_admin', 'bureau_reviewer');
}

/**
 * Jurisdiction-level abilities of the module, shipped by `GET /api/me` (menus, panels): whoever may read some
 * document (the roles of `canRead`) sees the documents page; the bureau previews templates.
 */
export function documentAbilities(actor: Actor): { viewDocuments: boolean; previewDocuments: boolean } {
  return {
    viewDocuments: actor.bindings.some(
      (b) =>
        jurisdictionWideRoles.has(b.role) || b.role === 'enterprise_user' || b.role === 'subdistrict_officer',
    ),
    previewDocuments: canPreviewDocuments(actor),
  };
}
