import { errorCatalogue, type ErrorCode } from './catalogue.js';

export interface FieldError {
  /** JSON pointer-ish path of the field, e.g. `/username` or `row 12 / B` */
  field: string;
  code: string;
  message: string;
}

/** The one error type commands throw; the edge maps it to an RFC 9457 problem. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors: FieldError[];
  readonly extra: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    opts: { detail?: string; fieldErrors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(opts.detail ?? errorCatalogue[code].zh);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.fieldErrors = opts.fieldErrors ?? [];
    this.extra = opts.extra ?? {};
  }
}

export function fail(code: ErrorCode, opts?: ConstructorParameters<typeof AppError>[1]): never {
  throw new AppError(code, opts);
}

export function messageOf(code: ErrorCode, lang: 'zh' | 'en' = 'zh'): string {
  return errorCatalogue[code][lang];
}
