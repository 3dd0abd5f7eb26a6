/**
 * RFC 9457 problems as the web sees them. The server writes a Chinese `title`/`detail` and a stable `code`;
 * the UI shows the server's words in Chinese and, in English, the translation of the code when it has one.
 */
import type { Locale } from '../i18n/messages';
import { problemTexts } from '../i18n/problems';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

/** Codes the client itself produces when there is no problem document to read. */
export const clientCodes = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
} as const;

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  /** the whole problem document, for members a code adds (e.g. `lockedUntil` of AUTH_ACCOUNT_LOCKED) */
  readonly body: Readonly<Record<string, unknown>>;

  constructor(body: ProblemBody) {
    super(body.detail || body.title);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.code = body.code;
    this.title = body.title;
    this.detail = body.detail || body.title;
    this.errors = body.errors ?? [];
    this.requestId = body.requestId;
    this.body = { ...body };
  }

  /** A failed response: its problem document when it has one, otherwise a generic problem with the status. */
  static fromResponse(status: number, body: unknown): ApiProblem {
    if (isProblemBody(body)) return new ApiProblem({ ...body, status: body.status || status });
    return new ApiProblem({
      status,
      code: clientCodes.badResponse,
      title: problemTexts['zh-CN'][clientCodes.badResponse],
      detail: `${problemTexts['zh-CN'][clientCodes.badResponse]}（HTTP ${status}）`,
    });
  }

  /** fetch itself failed: offline, server down, proxy refused. */
  static network(): ApiProblem {
    return new ApiProblem({
      status: 0,
      code: clientCodes.network,
      title: problemTexts['zh-CN'][clientCodes.network],
    });
  }
}

export function isProblemBody(value: unknown): value is ProblemBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.title === 'string' && typeof v.status === 'number';
}

export function isApiProblem(value: unknown): value is ApiProblem {
  return value instanceof ApiProblem;
}

/** Codes that mean "log in again": the client sends the user to the login page on these. */
export const authLostCodes = new Set(['AUTH_REQUIRED', 'AUTH_SESSION_EXPIRED']);

/** The sentence to show for a problem (or any error) in the current language. */
export function problemMessage(error: unknown, locale: Locale): string {
  if (!isApiProblem(error)) {
    return problemTexts[locale].UNKNOWN;
  }
  if (locale === 'zh-CN') return error.detail || error.title;
  return problemTexts.en[error.code] ?? error.detail ?? error.title;
}

/** A field error's message in the current language (the server writes Chinese). */
export function fieldErrorMessage(error: FieldError, locale: Locale): string {
  if (locale === 'zh-CN') return error.message;
  return problemTexts.en[error.code] ?? error.message;
}

/**
 * Turn a problem's field paths (`body/bindings/0/unitId`) into antd form field names (`['bindings', 0, 'unitId']`).
 * Only body fields map onto a form; query and params errors are shown as the general message.
 */
export function fieldPath(field: string): (string | number)[] | null {
  const parts = field.split('/').filter((p) => p !== '');
  if (parts[0] !== 'body' || parts.length < 2) return null;
  return parts.slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * Field errors of a problem grouped per form field, for `form.setFields`. Fields the form does not have
 * (per `known`) are left out, so the caller shows them with the general message instead.
 */
export function formFieldErrors(
  problem: ApiProblem,
  locale: Locale,
  known?: (name: (string | number)[]) => boolean,
): FormFieldError[] {
  const byField = new Map<string, FormFieldError>();
  for (const e of problem.errors) {
    const name = fieldPath(e.field);
    if (!name || (known && !known(name))) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldErrorMessage(e, locale));
    byField.set(key, entry);
  }
  return [...byField.values()];
}
