/**
 * Shapes of the white-list workflow API (docs/whitelist.md, "API of the workflow"), written from the contract
 * until the server's routes land in schema.gen.ts; then these become names for the generated types.
 */
import type {
  ApplicationStatus,
  EntryStatus,
  ExitReason,
  ExitStatus,
  MeasureKind,
  ObjectionStatus,
  ReviewStatus,
} from '../../../../domain/whitelist';

export type {
  ApplicationStatus,
  EntryStatus,
  ExitReason,
  ExitStatus,
  MeasureKind,
  ObjectionStatus,
  ReviewStatus,
};

export type NoticeStatus = 'open' | 'ended' | 'published';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface OpinionSummary {
  pending: number;
  objected: number;
  escalated: number;
  cleared: number;
  total: number;
}

export interface Application {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  subdistrictId: string;
  subdistrictName: string;
  industryCode: string | null;
  status: ApplicationStatus;
  reason: string | null;
  batchId: string | null;
  noticeId: string | null;
  submittedAt: string | null;
  collectedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  opinions: OpinionSummary;
  opinionDeadline: string | null;
}

export interface Notice {
  id: string;
  number: string;
  title: string;
  startsOn: string;
  endsOn: string;
  endsEstimated: boolean;
  status: NoticeStatus;
  documentId: string | null;
  verifyUrl: string | null;
  count: number;
  openObjections: number;
}

export interface NoticeObjection {
  id: string;
  applicationId: string;
  enterpriseName: string;
  name: string;
  contact: string;
  content: string;
  /** the objector's description of the evidence (free text from the public form) */
  evidence: string;
  status: ObjectionStatus;
  resolution: string | null;
  filedAt: string;
  handledAt: string | null;
}

export interface NoticeDetail extends Notice {
  applications: Application[];
  objections: NoticeObjection[];
  /** the entries publication created */
  entries: { id: string; number: string; enterpriseName: string }[];
}

export interface DocumentRef {
  documentId: string;
  number: string;
  verifyUrl: string;
}

export interface Entry {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  subdistrictId: string;
  subdistrictName: string;
  industryCode: string | null;
  validFrom: string;
  validTo: string;
  status: EntryStatus;
  suspendedReason: string | null;
  exitedOn: string | null;
  publishedAt: string;
  plaque: DocumentRef | null;
}

export interface Eligibility {
  judgedOn: string;
  eligible: boolean;
  conditions: { key: string; label: string; pass: boolean; reason: string }[];
}

export interface Review {
  id: string;
  entryId: string;
  dueOn: string;
  status: ReviewStatus;
  eligibility: Eligibility | null;
  note: string | null;
  openedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  actions: string[];
}

export interface Measure {
  id: string;
  kind: MeasureKind | (string & {});
  label: string;
  startsOn: string;
  endsOn: string | null;
  inForce: boolean;
  note: string | null;
  exitId: string | null;
}

export interface Exit {
  id: string;
  entryId: string;
  entryNumber: string;
  enterpriseId: string;
  enterpriseName: string;
  reason: ExitReason;
  reasonLabel: string;
  status: ExitStatus;
  sourceKind: string;
  summary: string;
  evidence: string[];
  proposedAt: string;
  proposedBy: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  decision: DocumentRef | null;
  measures: Measure[];
  actions: string[];
}

export interface EntryDetail extends Entry {
  reviews: Review[];
  exits: Exit[];
  measures: Measure[];
  actions: string[];
}
