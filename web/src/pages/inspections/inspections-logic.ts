/**
 * Pure logic of the inspection pages: answers grouped by module, the item filters, progress counted the server's
 * way (so an optimistic answer moves the bar at once), the request body of an answer, and the completion
 * problems mapped onto items. No React here: tested in node (inspections-logic.test.ts).
 */
import { commonModules } from '../../../../domain/standards';
import { ApiProblem, fieldErrorMessage } from '../../api/problem';
import type { RequestBody, ResponseBody } from '../../api/types';
import type { Locale, MessageKey } from '../../i18n';

export type InspectionDetail = ResponseBody<'/api/inspections/{id}', 'get'>;
export type Answer = InspectionDetail['answers'][number];
export type AnswerResult = NonNullable<Answer['result']>;
export type AnswerBody = RequestBody<'/api/inspections/{id}/answers/{code}', 'put'>;
export type InspectionSummary = ResponseBody<'/api/inspections', 'get'>['items'][number];
export type Progress = InspectionDetail['progress'];

// ---------------------------------------------------------------------------------------------------------------
// modules

export interface ModuleGroup {
  module: string;
  answers: Answer[];
}

/** Answers by module, modules in the order of their first item, items by position inside a module. */
export function groupByModule(answers: readonly Answer[]): ModuleGroup[] {
  const sorted = [...answers].sort((a, b) => a.position - b.position);
  const groups = new Map<string, Answer[]>();
  for (const a of sorted) {
    const list = groups.get(a.module);
    if (list) list.push(a);
    else groups.set(a.module, [a]);
  }
  return [...groups].map(([module, list]) => ({ module, answers: list }));
}

/** A module's name: the common five from domain/standards.ts, industry ones from the version (if read), else the code. */
export function moduleLabel(code: string, declared: ReadonlyMap<string, string>, locale: Locale): string {
  const common = commonModules.find((m) => m.code === code);
  if (common) return locale === 'zh-CN' ? common.zh : common.en;
  return declared.get(code) ?? code;
}

// ---------------------------------------------------------------------------------------------------------------
// filters

export const answerFilters = ['all', 'unanswered', 'toReview', 'nonCompliant', 'key', 'problems'] as const;
export type AnswerFilter = (typeof answerFilters)[number];

export const filterLabels: Record<AnswerFilter, MessageKey> = {
  all: 'inspections.filter.all',
  unanswered: 'inspections.filter.unanswered',
  toReview: 'inspections.filter.toReview',
  nonCompliant: 'inspections.filter.nonCompliant',
  key: 'inspections.filter.key',
  problems: 'inspections.filter.problems',
};

export function isAnswerFilter(value: string | undefined): value is AnswerFilter {
  return value !== undefined && (answerFilters as readonly string[]).includes(value);
}

/** Does an answer show under a filter? `problems` are the items the server refused completion for. */
export function matchesFilter(
  a: Answer,
  filter: AnswerFilter,
  problems: ReadonlyMap<string, unknown> = new Map(),
): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      return a.result === null;
    case 'toReview':
      return a.toReview;
    case 'nonCompliant':
      return a.result === 'non_compliant';
    case 'key':
      return a.isKey;
    case 'problems':
      return problems.has(a.itemCode);
  }
}

/** How many answers each filter shows (for the counts on the filter buttons). */
export function filterCounts(
  answers: readonly Answer[],
  problems: ReadonlyMap<string, unknown> = new Map(),
): Record<AnswerFilter, number> {
  const out = Object.fromEntries(answerFilters.map((f) => [f, 0])) as Record<AnswerFilter, number>;
  for (const a of answers) for (const f of answerFilters) if (matchesFilter(a, f, problems)) out[f] += 1;
  return out;
}

/** Groups with only the answers a filter shows; empty modules are left out. */
export function filterGroups(
  groups: readonly ModuleGroup[],
  filter: AnswerFilter,
  problems: ReadonlyMap<string, unknown> = new Map(),
): ModuleGroup[] {
  return groups
    .map((g) => ({ module: g.module, answers: g.answers.filter((a) => matchesFilter(a, filter, problems)) }))
    .filter((g) => g.answers.length > 0);
}

// ---------------------------------------------------------------------------------------------------------------
// progress

/** Progress as the server counts it: an answer still to review (copied from last time) is not answered yet. */
export function progressOf(answers: readonly Answer[]): Progress {
  const count = (p: (a: Answer) => boolean) => answers.filter(p).length;
  return {
    items: answers.length,
    answered: count((a) => a.result !== null && !a.toReview),
    toReview: count((a) => a.toReview),
    compliant: count((a) => a.result === 'compliant'),
    nonCompliant: count((a) => a.result === 'non_compliant'),
    notApplicable: count((a) => a.result === 'not_applicable'),
  };
}

/** Whole percent answered, 0 for an empty inspection. */
export function progressPercent(p: Pick<Progress, 'items' | 'answered'>): number {
  return p.items === 0 ? 0 : Math.floor((p.answered / p.items) * 100);
}

// ---------------------------------------------------------------------------------------------------------------
// answers

export interface AnswerPatch {
  result?: AnswerResult | null;
  note?: string;
  naReason?: string | null;
  evidence?: string[];
  markedMajor?: boolean;
}

/** The answer after a change, as the server will store it (N/A reason and "major" only where they apply). */
export function applyPatch(a: Answer, patch: AnswerPatch): Answer {
  const result = patch.result !== undefined ? patch.result : a.result;
  return {
    ...a,
    result,
    toReview: false,
    note: patch.note ?? a.note,
    naReason: result === 'not_applicable' ? (patch.naReason !== undefined ? patch.naReason : a.naReason) : null,
    evidence: patch.evidence ?? a.evidence,
    markedMajor: result === 'non_compliant' ? (patch.markedMajor ?? a.markedMajor) : false,
  };
}

/** The PUT body that saves an answer in full. */
export function answerBody(a: Answer): AnswerBody {
  return {
    result: a.result,
    note: a.note,
    naReason: a.result === 'not_applicable' ? a.naReason?.trim() || null : null,
    evidence: [...a.evidence],
    markedMajor: a.result === 'non_compliant' ? a.markedMajor : false,
  };
}

/** N/A is saved only with its reason (the server refuses it without): the card waits for the reason first. */
export function canSave(a: Answer): boolean {
  return a.result !== 'not_applicable' || Boolean(a.naReason?.trim());
}

/** The detail with one answer replaced and the progress counted again. */
export function withAnswer(detail: InspectionDetail, answer: Answer): InspectionDetail {
  const answers = detail.answers.map((a) => (a.itemCode === answer.itemCode ? answer : a));
  return { ...detail, answers, progress: progressOf(answers) };
}

// ---------------------------------------------------------------------------------------------------------------
// completion problems

/** The completion refusal's `answers/<itemCode>` errors, as messages per item (in the UI's language). */
export function itemProblems(error: unknown, locale: Locale): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!(error instanceof ApiProblem)) return out;
  for (const e of error.errors) {
    const m = /^\/?(?:body\/)?answers\/(.+)$/.exec(e.field);
    if (!m) continue;
    const list = out.get(m[1]) ?? [];
    list.push(fieldErrorMessage(e, locale));
    out.set(m[1], list);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// the list page

/** The newest completed inspection of a kind the user may copy (the list is newest first). */
export function copySource(
  items: readonly InspectionSummary[],
  kind: InspectionSummary['kind'],
): InspectionSummary | undefined {
  return items.find((i) => i.kind === kind && i.status === 'completed' && i.abilities.copy);
}

/** The inspection of a kind still in progress (at most one per enterprise and kind). */
export function inProgress(
  items: readonly InspectionSummary[],
  kind: InspectionSummary['kind'],
): InspectionSummary | undefined {
  return items.find((i) => i.kind === kind && i.status === 'in_progress');
}
