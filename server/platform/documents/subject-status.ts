import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';

/**
 * The current state of what a document is about, as the public verification states it next to the document's own
 * status: a plaque stays a valid document while its white-list entry is suspended, and whoever scans it should
 * see that. `label` is the whole line as printed, e.g. 白名单状态：暂停; `tone` colours it.
 */
export interface SubjectStatus {
  label: string;
  tone: 'ok' | 'warning' | 'bad';
}

/**
 * Looks up the subject's state. It must answer `null` for an id it does not know: an unknown verification code
 * asks a provider about a random UUID, so that known and unknown codes do the same work.
 */
export type SubjectStatusProvider = (db: Db, subjectId: string) => Promise<SubjectStatus | null>;

const providers = new Map<string, SubjectStatusProvider>();

/** Modules register, at setup, how to read the state of the subjects their documents are about. */
export function registerSubjectStatus(subjectType: string, provider: SubjectStatusProvider): void {
  const existing = providers.get(subjectType);
  if (existing && existing !== provider) {
    throw new Error(`subject status provider for ${subjectType} registered twice`);
  }
  providers.set(subjectType, provider);
}

/**
 * The state of a document's subject, or null when the document has none or no provider knows its type. Exactly
 * one provider is asked whatever the subject (a document without one asks a provider about a random UUID, whose
 * answer is dropped), so the public verification takes the same path for every code.
 */
export async function subjectStatusOf(
  db: Db,
  subject: { type: string | null; id: string | null },
): Promise<SubjectStatus | null> {
  const provider = subject.type === null ? undefined : providers.get(subject.type);
  if (provider && subject.id !== null) return provider(db, subject.id);
  const decoy = providers.values().next();
  if (!decoy.done) await decoy.value(db, randomUUID());
  return null;
}
