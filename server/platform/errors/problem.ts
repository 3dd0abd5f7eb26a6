import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError, type FieldError } from './app-error.js';
import { errorCatalogue, type ErrorCode } from './catalogue.js';

/** RFC 9457 problem details, plus our stable `code` and per-field errors. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function problemOf(
  req: FastifyRequest,
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
  extra: Record<string, unknown> = {},
): Problem {
  const spec = errorCatalogue[code];
  return {
    ...extra,
    type: `urn:safecomply:problem:${code}`,
    title: spec.zh,
    status: spec.status,
    detail: detail ?? spec.zh,
    code,
    instance: req.url.split('?')[0],
    requestId: String(req.id),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

interface AjvLikeError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function validationErrors(err: FastifyError): FieldError[] {
  const list = (err.validation ?? []) as AjvLikeError[];
  const context = err.validationContext ?? 'body';
  return list.map((v) => {
    const missing = v.keyword === 'required' && typeof v.params?.missingProperty === 'string';
    const field = `${context}${v.instancePath ?? ''}${missing ? `/${String(v.params?.missingProperty)}` : ''}`;
    return { field, code: v.keyword ?? 'invalid', message: fieldMessage(v) };
  });
}

function fieldMessage(v: AjvLikeError): string {
  const limit = typeof v.params?.limit === 'number' ? v.params.limit : '';
  switch (v.keyword) {
    case 'required':
      return '必填项缺失';
    case 'minLength':
      return `长度不能少于 ${limit} 个字符`;
    case 'maxLength':
      return `长度不能超过 ${limit} 个字符`;
    case 'format':
      return '格式不正确';
    case 'enum':
    case 'const':
    case 'anyOf':
      return '取值不在允许范围内';
    case 'type':
      return '类型不正确';
    case 'additionalProperties':
      return '包含不允许的字段';
    case 'pattern':
      return '格式不正确';
    case 'minimum':
    case 'maximum':
      return '数值超出范围';
    default:
      return v.message ?? '不符合要求';
  }
}

const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_REQ_FILE_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_FILES_LIMIT: 'BODY_TOO_LARGE',
  FST_PARTS_LIMIT: 'BODY_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return sendProblem(reply, problemOf(req, err.code, err.message, err.fieldErrors, err.extra));
    }
    if (err.validation) {
      return sendProblem(reply, problemOf(req, 'VALIDATION_FAILED', undefined, validationErrors(err)));
    }
    const mapped = err.code ? frameworkCodes[err.code] : undefined;
    if (mapped) return sendProblem(reply, problemOf(req, mapped));
    if (err instanceof SyntaxError || err.statusCode === 400) {
      return sendProblem(reply, problemOf(req, 'MALFORMED_JSON'));
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err }, 'database unavailable');
      return sendProblem(reply, problemOf(req, 'SERVICE_UNAVAILABLE'));
    }
    if (err.statusCode === 413) return sendProblem(reply, problemOf(req, 'BODY_TOO_LARGE'));
    if (err.statusCode === 415) return sendProblem(reply, problemOf(req, 'UNSUPPORTED_MEDIA_TYPE'));
    if (err.statusCode === 429) return sendProblem(reply, problemOf(req, 'RATE_LIMITED'));
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problemOf(req, 'INTERNAL'));
  });
}

/** Unknown routes get 404, known paths with another method 405 (with Allow); non-API paths fall through to the SPA. */
export function notFoundProblem(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const url = req.url.split('?')[0];
  const allowed = allowedMethods(app, url).filter((m) => m !== req.method);
  if (allowed.length > 0) {
    void reply.header('allow', allowed.join(', '));
    return sendProblem(reply, problemOf(req, 'METHOD_NOT_ALLOWED'));
  }
  return sendProblem(reply, problemOf(req, 'ROUTE_NOT_FOUND'));
}

const answeredMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const routeTable = new WeakMap<FastifyInstance, { methods: string[]; pattern: RegExp }[]>();

/** Record every route's methods and path pattern, so a request for a known path with another method gets 405. */
export function rememberRoutePatterns(app: FastifyInstance): void {
  const routes: { methods: string[]; pattern: RegExp }[] = [];
  routeTable.set(app, routes);
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) =>
      answeredMethods.includes(m),
    );
    if (methods.length === 0) return;
    const re = route.url
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:[A-Za-z0-9_]+/g, '[^/]+')
      .replace(/\*/g, '.*');
    routes.push({ methods, pattern: new RegExp(`^${re}$`) });
  });
}

function allowedMethods(app: FastifyInstance, url: string): string[] {
  const out = new Set<string>();
  for (const r of routeTable.get(app) ?? []) if (r.pattern.test(url)) r.methods.forEach((m) => out.add(m));
  return answeredMethods.filter((m) => out.has(m));
}
