/**
 * The shapes the authorization matrix is written in: the roles, a routeMatrix entry, the foreign entities its calls
 * are pointed at, and what the test's setup makes for the calls to read. Shared by authz-matrix.test.ts, the
 * fixtures (matrix-fixtures.test-support.ts) and the entries of the session-1 routes (identity-, registry-,
 * documents- and agencies-matrix.test-support.ts).
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production).
 */
import type { Role } from '../../domain/roles.js';
import type { AssociationForeign } from './associations-matrix.test-support.js';
import type { ConfirmationForeign } from './confirmation-matrix.test-support.js';
import type { EnforcementForeign } from './enforcement-matrix.test-support.js';
import type { ReadinessForeign } from './readiness-matrix.test-support.js';
import type { WhitelistForeign } from './whitelist-matrix.test-support.js';

// ── roles ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Every role that can be bound. */
export const matrixRoles = [
  'system_admin',
  'bureau_admin',
  'bureau_reviewer',
  'department_officer',
  'subdistrict_officer',
  'enforcement_officer',
  'enterprise_user',
  'agency_user',
  'association_user',
  'expert',
] as const satisfies readonly Role[];
export type RoleKey = (typeof matrixRoles)[number];

export const all: readonly RoleKey[] = matrixRoles;
export const allBut = (...allowed: RoleKey[]): RoleKey[] => matrixRoles.filter((r) => !allowed.includes(r));
export const registrars: RoleKey[] = ['system_admin', 'bureau_admin', 'bureau_reviewer'];

// ── entries and foreign entities ──────────────────────────────────────────────────────────────────────────────

/** A scope's entities of the session-1 routes (identity, registry, documents, jobs, agencies, notifications). */
export interface BaseForeign {
  scope: 'other jurisdiction' | 'same jurisdiction, outside the role';
  enterpriseId: string;
  enterpriseUscc: string;
  subdistrictId: string;
  parkId: string;
  documentId: string;
  fileSha256: string;
  userId: string;
  username: string;
  bindingId: string;
  importId: string;
  jobId: string;
  /** B's active agency; in A a suspended one (only the bureau's register readers see it) */
  agencyId: string;
  /** an engagement of the foreign enterprise */
  engagementId: string;
  /** addressed to a unit the role is not bound to */
  notificationId: string;
}

/** Entities outside one role's scope. */
export interface Foreign extends BaseForeign {
  /** the foreign enterprise's signed commitment, inspections, hazards and extension request */
  readiness: ReadinessForeign;
  /** a confirmation agency's engineers, confirmations in four states (the first of `enterpriseId`), adverse records */
  confirmation: ConfirmationForeign;
  /** an association (in A not the association user's own) and its active self-discipline standard */
  association: AssociationForeign;
  /** the white-list workflow's applications, opinion, batch, notice, objection, entries, exit, review and measure */
  whitelist: WhitelistForeign;
  /** an inspection with an open violation and its letter, a proposed and a sent campaign, of another department */
  enforcement: EnforcementForeign;
}

/** B's entities that every role of A is pointed at. */
export interface OtherJurisdiction {
  jurisdictionId: string;
  bureauId: string;
  departmentId: string;
  unitIds: string[];
  standardId: string;
  versionId: string;
  itemCode: string;
  settingMarker: string;
}

export interface Req {
  url: string;
  /** JSON body */
  body?: unknown;
  /** raw body with its content type (xlsx, multipart) */
  raw?: { payload: Buffer; contentType: string };
}

export type CallFn = (f: Foreign, b: OtherJurisdiction, role: RoleKey) => Req;

export type Entry =
  | { public: string }
  /** no entity to be foreign to (own session, reference data): only the anonymous and CSRF checks apply */
  | { own: string; call: CallFn }
  | {
      refused: readonly RoleKey[];
      call: CallFn;
      /** 'hide': a list; a 200 without the foreign entity (`markers`) is a refusal too */
      hide?: (f: Foreign, b: OtherJurisdiction) => string[];
      /** which foreign set a role gets; by default B's for jurisdiction-wide roles, A's out-of-scope ones for others */
      foreign?: 'other jurisdiction';
      alsoAccept?: { status: number; code: string; why: string };
    };

/** What the test's setup makes and the entries' calls read when they run (the calls are synchronous). */
export interface MatrixInputs {
  /** the seeded district (A) */
  jurisdictionA: string;
  /** the template B's draft standard was made from (not the footwear one) */
  templateKey: string;
  /** an enterprise-import sheet: one good row, one bad */
  sheetBytes: Buffer;
  /** a well-formed standard-items sheet */
  itemsSheetBytes: Buffer;
  /** a small JPEG */
  photoBytes: Buffer;
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
