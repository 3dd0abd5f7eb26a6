/**
 * Problem texts the client needs itself. The server's messages are Chinese: in Chinese the UI shows them as
 * sent; in English it shows the translation of the problem's `code` below, or the server's text when the code
 * is new. Codes come from server/platform/errors/codes/*.ts; field codes from the request validation.
 */
import type { Locale } from './messages';

type ClientCode = 'NETWORK_ERROR' | 'BAD_RESPONSE' | 'UNKNOWN';
export type ProblemTexts = Record<ClientCode, string> & { [code: string]: string | undefined };

export const problemTexts: Record<Locale, ProblemTexts> = {
  'zh-CN': {
    NETWORK_ERROR: '无法连接服务器，请检查网络后重试',
    BAD_RESPONSE: '服务器返回了无法识别的响应',
    UNKNOWN: '操作失败，请稍后再试',
  },
  en: {
    NETWORK_ERROR: 'Cannot reach the server; check the network and retry',
    BAD_RESPONSE: 'The server sent an answer that could not be read',
    UNKNOWN: 'Something went wrong; please retry',

    VALIDATION_FAILED: 'The request data is invalid',
    MALFORMED_JSON: 'The request body is not valid JSON',
    BODY_TOO_LARGE: 'The request body is too large',
    UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
    ROUTE_NOT_FOUND: 'No such endpoint',
    METHOD_NOT_ALLOWED: 'Method not allowed on this endpoint',
    RATE_LIMITED: 'Too many requests; please wait a moment',
    INTERNAL: 'Internal error; retry later or contact the administrator',
    SERVICE_UNAVAILABLE: 'The service is temporarily unavailable',
    AUTH_REQUIRED: 'Please log in',
    AUTH_INVALID_CREDENTIALS: 'Wrong username or password',
    AUTH_ACCOUNT_LOCKED: 'Too many failed logins; the account is temporarily locked',
    AUTH_ACCOUNT_DISABLED: 'The account is disabled; contact the administrator',
    AUTH_SESSION_EXPIRED: 'Your session has expired; please log in again',
    AUTH_CSRF_INVALID: 'Security check failed; reload the page and retry',
    AUTH_WRONG_CURRENT_PASSWORD: 'The current password is wrong',
    PASSWORD_TOO_SHORT: 'The password is too short',
    PASSWORD_EQUALS_USERNAME: 'The password must differ from the username',
    FORBIDDEN: 'You are not allowed to do this',
    NOT_FOUND: 'Not found, or not visible to you',
    CONFLICT_STATE: 'The record changed meanwhile; reload and retry',
    USER_USERNAME_TAKEN: 'The username is taken',
    USER_NOT_FOUND: 'No such user',
    ROLE_UNKNOWN: 'Unknown role',
    ROLE_UNIT_MISMATCH: 'This role cannot be bound to that unit',
    ROLE_BINDING_EXISTS: 'The user already has this role for this unit',
    ROLE_LAST_ADMIN: 'Cannot remove the last system administrator',
    UNIT_NOT_FOUND: 'No such unit',
    SETTING_UNKNOWN: 'Unknown setting',
    SETTING_INVALID: 'Invalid value for this setting',
    JOB_NOT_FOUND: 'No such job',

    // request validation, per field
    required: 'Required',
    minLength: 'Too short',
    maxLength: 'Too long',
    format: 'Wrong format',
    pattern: 'Wrong format',
    type: 'Wrong type',
    enum: 'Not an allowed value',
    const: 'Not an allowed value',
    anyOf: 'Not an allowed value',
    additionalProperties: 'Unexpected field',
    minimum: 'Out of range',
    maximum: 'Out of range',
  },
};
