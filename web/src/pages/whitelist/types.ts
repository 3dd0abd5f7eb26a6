/**
 * Shapes of the white-list workflow API (docs/whitelist.md "API of the workflow").
 * TEMPORARY: written from the contract until the server routes land; then derived from schema.gen.ts.
 */
export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'collected'
  | 'formal_review'
  | 'opinions'
  | 'public_notice'
  | 'published'
  | 'returned'
  | 'rejected'
  | 'withdrawn';

export type OpinionStatus = 'pending' | 'agreed' | 'objected' | 'silent_agreed' | 'escalated' | 'superseded';

export interface Application {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  subdistrictId: string;
  subdistrictName: string;
  industryCode: string;
  status: ApplicationStatus;
  reason: string | null;
  batchId: string | null;
  noticeId: string | null;
  submittedAt: string | null;
  collectedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  opinions: { pending: number; objected: number; escalated: number; cleared: number; total: number };
  opinionDeadline: string | null;
}

export interface ApplicationDetail extends Omit<Application, 'opinions'> {
  eligibility: {
    judgedOn: string;
    eligible: boolean;
    conditions: { key: string; label: string; pass: boolean; reason: string }[];
  };
  opinions: Opinion[];
  opinionCounts?: Application['opinions'];
  notice: {
    id: string;
    number: string;
    title: string;
    startsOn: string;
    endsOn: string;
    endsEstimated: boolean;
    status: string;
  } | null;
  objections: {
    id: string;
    name: string;
    contact: string;
    content: string;
    evidence: string | null;
    status: string;
    resolution: string | null;
    filedAt: string;
    handledAt: string | null;
  }[];
  entry: { id: string; number: string; validFrom: string; validTo: string; status: string } | null;
  history: { kind: string; label: string; at: string; actorLabel: string | null; note: string | null }[];
  actions: string[];
}

export interface Opinion {
  id: string;
  departmentId: string;
  departmentName: string;
  status: OpinionStatus;
  deadline: string;
  deadlineEstimated: boolean;
  reason: string | null;
  answeredAt: string | null;
}

export interface InboxOpinion extends Opinion {
  applicationId: string;
  enterpriseName: string;
  uscc: string;
  industryCode: string;
  subdistrictName: string;
  requestedAt: string;
}

export interface Batch {
  id: string;
  subdistrictId: string;
  subdistrictName: string;
  note: string | null;
  createdAt: string;
  createdByLabel: string | null;
  count: number;
}

export interface Entry {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  validFrom: string;
  validTo: string;
  status: 'active' | 'suspended' | 'exited';
  suspendedReason: string | null;
  exitedOn: string | null;
  publishedAt: string | null;
  plaque: { documentId: string; number: string; verifyUrl: string } | null;
}

export interface EnterpriseWhitelist {
  entry: Entry | null;
  application: Application | null;
  reentryBanUntil: string | null;
  review: { id: string; dueOn: string; status: string } | null;
}

export interface ApplicationListQuery {
  status?: string;
  subdistrictId?: string;
  q?: string;
  batchId?: string;
  noticeId?: string;
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}
