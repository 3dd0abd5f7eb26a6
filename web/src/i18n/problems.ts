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

    // getting ready: commitment, inspections, hazards, extension requests (server/platform/errors/codes/readiness.ts)
    COMMITMENT_NOT_FOUND: 'No such commitment',
    COMMITMENT_SIGNATORY_MISMATCH: 'Signing as legal representative requires the registered legal representative’s name',
    COMMITMENT_AUTHORISATION_REQUIRED: 'An authorised signatory must upload the letter of authorisation',
    COMMITMENT_ALREADY_SIGNED: 'The enterprise has already signed the current commitment text',
    INSPECTION_NOT_FOUND: 'No such inspection',
    INSPECTION_NO_STANDARD: 'No filed compliance standard covers the enterprise’s industry yet',
    INSPECTION_IN_PROGRESS: 'An inspection is already in progress; complete it first',
    INSPECTION_COMPLETED: 'A completed inspection cannot change',
    INSPECTION_ITEM_NOT_FOUND: 'The inspection has no such item',
    INSPECTION_ITEM_UNANSWERED: 'Some items are unanswered or still to review',
    INSPECTION_KEY_ITEM_NO_EVIDENCE: 'A key item marked compliant needs evidence',
    INSPECTION_NA_WITHOUT_REASON: 'Not applicable needs a reason',
    INSPECTION_AGENCY_NOT_ENGAGED: 'The agency is not engaged by the enterprise for a first inspection',
    EVIDENCE_NOT_ATTACHED: 'The evidence file is not attached to this record',
    HAZARD_NOT_FOUND: 'No such hazard',
    HAZARD_TRANSITION: 'The hazard’s status does not allow this action',
    HAZARD_AFTER_EVIDENCE_REQUIRED: 'Closing a hazard needs after-rectification evidence',
    HAZARD_DEADLINE_PAST: 'The deadline cannot be in the past',
    HAZARD_DEADLINE_NEEDS_EXTENSION: 'A later deadline needs an extension request to the subdistrict',
    HAZARD_FIELD_READONLY: 'The hazard’s reported time and record cannot be edited',
    EXTENSION_NOT_FOUND: 'No such extension request',
    EXTENSION_PENDING_EXISTS: 'The hazard already has a pending extension request',
    EXTENSION_TRANSITION: 'The extension request has been decided',
    EXTENSION_INTERIM_CONTROLS_REQUIRED: 'An extension request must state the interim accident-prevention controls',
    EXTENSION_DEADLINE_INVALID: 'The new deadline must be after the current one and within the maximum extension',
    EXTENSION_HAZARD_CLOSED: 'The hazard is already rectified',

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
