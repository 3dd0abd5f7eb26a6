/**
 * Pure logic of the third-party confirmation pages (第三方确认) and the engineers (注册安全工程师): colours and label
 * keys of statuses, the validity shown on a list, which actions a detail shows (from the server's abilities),
 * items grouped by module with progress, the item codes a conclude refusal names, the engineers queue order.
 * No React here: tested in node (confirmations-logic.test.ts).
 */
import { commonModules } from '../../../../domain/standards';
import { ApiProblem } from '../../api/problem';
import type { RequestBody, ResponseBody } from '../../api/types';
import type { Locale, MessageKey } from '../../i18n';

export type ConfirmationDetail = ResponseBody<'/api/confirmations/{id}', 'get'>;
export type ConfirmationSummary = ResponseBody<'/api/confirmations', 'get'>['items'][number];
export type ConfirmationStatus = ConfirmationDetail['status'];
export type ConfirmationState = NonNullable<ConfirmationDetail['state']>;
export type ConfirmationItem = ConfirmationDetail['items'][number];
export type ItemResult = NonNullable<ConfirmationItem['result']>;
export type ItemBody = RequestBody<'/api/confirmations/{id}/items/{code}', 'put'>;
export type Engineer = ResponseBody<'/api/engineers', 'get'>[number];
export type EngineerStatus = Engineer['status'];
export type EngineerLevel = Engineer['level'];
export type AgencyRecord = ResponseBody<'/api/agencies/{id}/record', 'get'>;

export const confirmationStatuses: readonly ConfirmationStatus[] = [
  'requested',
  'checking',
  'signing',
  'confirmed',
  'not_confirmed',
  'declined',
  'withdrawn',
  'revoked',
];
export const engineerStatuses: readonly EngineerStatus[] = ['pending', 'approved', 'rejected', 'revoked'];
export const engineerLevels: readonly EngineerLevel[] = ['senior', 'intermediate', 'junior'];
export const itemResults: readonly ItemResult[] = ['compliant', 'non_compliant', 'not_applicable'];

/** The two signatures a conclusion needs (domain/confirmations.ts `requiredSignatures`). */
export const requiredSignatures = 2;

export const statusColor: Record<ConfirmationStatus, string> = {
  requested: 'blue',
  checking: 'processing',
  signing: 'purple',
  confirmed: 'green',
  not_confirmed: 'orange',
  declined: 'default',
  withdrawn: 'default',
  revoked: 'red',
};

export const stateColor: Record<ConfirmationState, string> = { in_force: 'green', expired: 'default', lapsed: 'orange' };

export const engineerStatusColor: Record<EngineerStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  revoked: 'default',
};

export const statusKey = (s: ConfirmationStatus): MessageKey => `confirmations.status.${s}`;
export const stateKey = (s: ConfirmationState): MessageKey => `confirmations.state.${s}`;
export const resultKey = (r: ItemResult): MessageKey => `confirmations.result.${r}`;
export const engineerStatusKey = (s: EngineerStatus): MessageKey => `engineers.status.${s}`;
export const engineerLevelKey = (l: EngineerLevel): MessageKey => `engineers.level.${l}`;

/** Whether a request is still under way (the enterprise cannot open a second one meanwhile). */
export function isOpen(status: ConfirmationStatus): boolean {
  return status === 'requested' || status === 'checking' || status === 'signing';
}

/**
 * What a list shows for validity: the state of a confirmed one (in force / expired / lapsed) with its end date;
 * nothing for the others. The list has no `state`: it is worked out from `validUntil` against today, and a lapse
 * (key items changed) is only known from the detail, which carries the server's state.
 */
export function validityOf(
  c: { status: ConfirmationStatus; validUntil: string | null; state?: ConfirmationDetail['state'] },
  today: string,
): { state: ConfirmationState; until: string | null } | null {
  if (c.status !== 'confirmed') return null;
  if (c.state) return { state: c.state, until: c.validUntil };
  if (!c.validUntil) return null;
  return { state: c.validUntil >= today ? 'in_force' : 'expired', until: c.validUntil };
}

export type ConfirmationAction = 'accept' | 'decline' | 'withdraw' | 'reopen' | 'revoke';

/** The header buttons of a detail, in order, from the server's abilities (never re-derived from the status). */
export function headerActions(abilities: ConfirmationDetail['abilities']): ConfirmationAction[] {
  return (['accept', 'decline', 'reopen', 'withdraw', 'revoke'] as const).filter((a) => abilities[a]);
}

/** Which steps of the detail show: the form (editable while checking), the conclusion form, the signatures. */
export function sections(d: Pick<ConfirmationDetail, 'status' | 'abilities' | 'conclusion'>): {
  editable: boolean;
  conclude: boolean;
  signatures: boolean;
  conclusion: boolean;
} {
  return {
    editable: d.abilities.check,
    conclude: d.abilities.conclude,
    signatures: d.status === 'signing' || d.status === 'confirmed' || d.status === 'not_confirmed' || d.status === 'revoked',
    conclusion: d.conclusion !== null,
  };
}

/** The engineers the signed-in user may still sign as (those of `myEngineers` who have not signed yet). */
export function signableEngineers(
  d: Pick<ConfirmationDetail, 'abilities' | 'myEngineers' | 'signatures'>,
): ConfirmationDetail['myEngineers'] {
  if (!d.abilities.sign) return [];
  const signed = new Set(d.signatures.map((s) => s.engineerId));
  return d.myEngineers.filter((e) => !signed.has(e.id));
}

/** A module's name: the common five from domain/standards.ts, else the code. */
export function moduleLabel(code: string, locale: Locale): string {
  const common = commonModules.find((m) => m.code === code);
  if (common) return locale === 'zh-CN' ? common.zh : common.en;
  return code;
}

/** Items by module, modules in the order of their first item, items in the server's order inside a module. */
export function groupByModule<T extends { module: string }>(items: readonly T[]): { module: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.module);
    if (list) list.push(item);
    else groups.set(item.module, [item]);
  }
  return [...groups].map(([module, list]) => ({ module, items: list }));
}

/** Checked items out of all, and how many are non-compliant (a "confirmed" conclusion needs none). */
export function progressOf(items: readonly Pick<ConfirmationItem, 'result'>[]): {
  done: number;
  total: number;
  nonCompliant: number;
} {
  return {
    done: items.filter((i) => i.result !== null).length,
    total: items.length,
    nonCompliant: items.filter((i) => i.result === 'non_compliant').length,
  };
}

/** The conclusion to offer first: "not confirmed" when an item failed, else "confirmed". */
export function suggestedConclusion(items: readonly Pick<ConfirmationItem, 'result'>[]): 'confirmed' | 'not_confirmed' {
  return items.some((i) => i.result === 'non_compliant') ? 'not_confirmed' : 'confirmed';
}

/** The request body of an item: the whole item as it should be (the server keeps what it is sent). */
export function itemBody(item: Pick<ConfirmationItem, 'result' | 'note' | 'evidence'>): ItemBody {
  return { result: item.result, note: item.note, evidence: [...item.evidence] };
}

/** The detail with one item replaced (for the optimistic cache update of a save). */
export function withItem(d: ConfirmationDetail, item: ConfirmationItem): ConfirmationDetail {
  return { ...d, items: d.items.map((i) => (i.itemCode === item.itemCode ? item : i)) };
}

/** Item codes named by a refused conclude (`errors[].field` = `items/<code>`, or `body/items/<code>`). */
export function unansweredCodes(error: unknown): string[] {
  if (!(error instanceof ApiProblem)) return [];
  const codes = error.errors
    .map((e) => /(?:^|\/)items\/([^/]+)$/.exec(e.field)?.[1])
    .filter((c): c is string => Boolean(c))
    .map((c) => decodeURIComponent(c));
  return [...new Set(codes)];
}

/** The bureau's queue: pending first, then by name (zh collation); the others keep their status order. */
export function engineerQueueOrder<T extends Pick<Engineer, 'status' | 'name'>>(list: readonly T[]): T[] {
  const rank = (s: EngineerStatus) => engineerStatuses.indexOf(s);
  return [...list].sort((a, b) => rank(a.status) - rank(b.status) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Whether an engineer's certificate is valid on a date (YYYY-MM-DD). */
export function certificateValid(e: Pick<Engineer, 'validFrom' | 'validTo'>, on: string): boolean {
  return e.validFrom <= on && on <= e.validTo;
}

/** The agencies of the signed-in agency user (from the roles of /api/me). */
export function agencyUnits(roles: readonly { role: string; unitId: string; unitName: string }[]): {
  id: string;
  name: string;
}[] {
  const seen = new Map<string, string>();
  for (const r of roles) if (r.role === 'agency_user' && !seen.has(r.unitId)) seen.set(r.unitId, r.unitName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The enterprises of the signed-in enterprise user (from the roles of /api/me). */
export function enterpriseUnits(roles: readonly { role: string; unitId: string; unitName: string }[]): {
  id: string;
  name: string;
}[] {
  const seen = new Map<string, string>();
  for (const r of roles) if (r.role === 'enterprise_user' && !seen.has(r.unitId)) seen.set(r.unitId, r.unitName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** Today in China (the server's calendar), YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
