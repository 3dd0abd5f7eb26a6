/**
 * Pure logic of the public portal (no login): the objection form's checks and request body, the notice period
 * text, the verification code a visitor types or pastes, and the white-list filters kept in the URL.
 */
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

// ---------- objection form ----------

export const objectionLimits = {
  nameMax: 50,
  contactMax: 100,
  contentMin: 10,
  contentMax: 2000,
  evidenceMax: 2000,
} as const;

export interface ObjectionValues {
  name?: string;
  contact?: string;
  content?: string;
  evidence?: string;
}

export type ObjectionField = 'name' | 'contact' | 'content' | 'evidence';

export interface ObjectionError {
  field: ObjectionField;
  key: MessageKey;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A phone number (mobile or landline, with or without +86, blanks, dashes or brackets) or an e-mail address.
 * Loose on purpose: the bureau calls or writes back, a typo it cannot reach is what we want to catch.
 */
export function isContact(input: string): boolean {
  const value = input.trim();
  if (value === '') return false;
  if (value.includes('@')) return emailPattern.test(value);
  if (!/^[+\d\s\-()（）]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').replace(/^(0086|86)(?=1\d{10}$)/, '');
  return digits.length >= 7 && digits.length <= 15;
}

/** Characters as a person counts them (a CJK character or an emoji is one). */
export function textLength(value: string): number {
  return Array.from(value.trim()).length;
}

/** Every failed check of the form, in the order of the fields; empty when it may be sent. */
export function objectionErrors(values: ObjectionValues): ObjectionError[] {
  const errors: ObjectionError[] = [];
  const name = values.name?.trim() ?? '';
  const contact = values.contact?.trim() ?? '';
  const content = values.content?.trim() ?? '';
  const evidence = values.evidence?.trim() ?? '';
  if (name === '') errors.push({ field: 'name', key: 'public.object.nameRequired' });
  else if (textLength(name) > objectionLimits.nameMax)
    errors.push({ field: 'name', key: 'public.object.nameTooLong' });
  if (contact === '') errors.push({ field: 'contact', key: 'public.object.contactRequired' });
  else if (textLength(contact) > objectionLimits.contactMax || !isContact(contact))
    errors.push({ field: 'contact', key: 'public.object.contactInvalid' });
  if (content === '') errors.push({ field: 'content', key: 'public.object.contentRequired' });
  else if (textLength(content) < objectionLimits.contentMin)
    errors.push({ field: 'content', key: 'public.object.contentTooShort' });
  else if (textLength(content) > objectionLimits.contentMax)
    errors.push({ field: 'content', key: 'public.object.contentTooLong' });
  if (textLength(evidence) > objectionLimits.evidenceMax)
    errors.push({ field: 'evidence', key: 'public.object.evidenceTooLong' });
  return errors;
}

/** The first error of one field (for the form's validator), or null. */
export function objectionFieldError(values: ObjectionValues, field: ObjectionField): ObjectionError | null {
  return objectionErrors(values).find((e) => e.field === field) ?? null;
}

export interface ObjectionBody {
  applicationId: string;
  name: string;
  contact: string;
  content: string;
  evidence?: string;
}

/** The request body: trimmed, the optional evidence left out when blank. */
export function objectionBody(applicationId: string, values: ObjectionValues): ObjectionBody {
  const evidence = values.evidence?.trim() ?? '';
  return {
    applicationId,
    name: values.name?.trim() ?? '',
    contact: values.contact?.trim() ?? '',
    content: values.content?.trim() ?? '',
    ...(evidence ? { evidence } : {}),
  };
}

/** What to tell the visitor when the server refused the objection; null when it is an ordinary problem. */
export function objectionRefusal(status: number, code: string): MessageKey | null {
  if (status === 429 || code === 'RATE_LIMITED') return 'public.object.rateLimited';
  return null;
}

// ---------- notice period ----------

/** Whole calendar days from `today` to `date` (both `YYYY-MM-DD`); negative when `date` is past. */
export function daysUntil(date: string, today: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Today's date in China time (the dates of the API are China dates), as `YYYY-MM-DD`. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface Period {
  startsOn: string;
  endsOn: string;
}

/** 2026-05-06 至 2026-05-20 */
export function periodText(period: Period, locale: Locale): string {
  return translate(locale, 'public.notices.period', { from: period.startsOn, to: period.endsOn });
}

/** 截止 2026-05-20（还剩 3 天） / 今天截止 / 已截止 */
export function periodEndText(period: Period, today: string, locale: Locale): string {
  const left = daysUntil(period.endsOn, today);
  if (left < 0) return translate(locale, 'public.notices.ended', { date: period.endsOn });
  if (left === 0) return translate(locale, 'public.notices.endsToday', { date: period.endsOn });
  return translate(locale, 'public.notices.endsIn', { date: period.endsOn, days: left });
}

/** The colon after a label: full-width in Chinese, `: ` in English. */
export function labelColon(locale: Locale): string {
  return locale === 'zh-CN' ? '：' : ': ';
}

/** 园区管理服务（7221） / 园区管理服务 (7221); the code alone when the name is missing or the code itself. */
export function industryText(name: string | null, code: string | null, locale: Locale): string {
  if (!code) return name || '—';
  if (!name || name === code) return code;
  return locale === 'zh-CN' ? `${name}（${code}）` : `${name} (${code})`;
}

// ---------- verification code ----------

const codePattern = /^[a-z2-7]{26}$/;

/**
 * The verification code of what a visitor typed or pasted: the code itself (any case, with blanks or dashes
 * from reading it aloud) or the whole URL of the QR code (`https://…/verify/<code>`). Empty when nothing is left.
 */
export function verificationCodeOf(input: string): string {
  let value = input.trim();
  const inUrl = /\/verify\/([^/?#\s]+)/i.exec(value);
  if (inUrl) value = inUrl[1];
  return value.replace(/[\s-]/g, '').toLowerCase();
}

/** Codes are 26 characters of a–z and 2–7; anything else cannot be one (the server page would say not found). */
export function isWellFormedCode(code: string): boolean {
  return codePattern.test(code);
}

/** Where the server's verification page of a code is (same origin). */
export function verifyPath(code: string): string {
  return `/verify/${encodeURIComponent(code)}`;
}

// ---------- white list filters ----------

export interface WhitelistFilters {
  q?: string;
  subdistrictId?: string;
  industryCode?: string;
  page: number;
  pageSize: number;
}

export const pageSizes = [10, 20, 50] as const;

/** The list query from the URL's values: blanks dropped, paging sane. */
export function whitelistQuery(
  values: Partial<Record<'q' | 'subdistrictId' | 'industry' | 'page' | 'pageSize', string>>,
): WhitelistFilters {
  const page = Number(values.page);
  const size = Number(values.pageSize);
  const q = values.q?.trim();
  const industry = values.industry?.trim();
  return {
    ...(q ? { q } : {}),
    ...(values.subdistrictId ? { subdistrictId: values.subdistrictId } : {}),
    ...(industry ? { industryCode: industry } : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : 10,
  };
}

export type EntryStatus = 'active' | 'suspended';

/** 在册 (green) / 暂停 (orange). */
export function entryStatusTag(status: EntryStatus): { key: MessageKey; color: string } {
  switch (status) {
    case 'active':
      return { key: 'public.status.active', color: 'green' };
    case 'suspended':
      return { key: 'public.status.suspended', color: 'orange' };
  }
}

/** 2026-05-20 至 2029-05-19 */
export function validityText(validFrom: string, validTo: string, locale: Locale): string {
  return translate(locale, 'public.notices.period', { from: validFrom, to: validTo });
}

/** The validity on two lines: ['2026-05-20', '至 2029-05-19']. */
export function validityLines(validFrom: string, validTo: string, locale: Locale): [string, string] {
  return [validFrom, translate(locale, 'public.notices.period', { from: '', to: validTo }).trim()];
}
