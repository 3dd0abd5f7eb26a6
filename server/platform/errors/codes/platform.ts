import type { ErrorSpec } from '../catalogue.js';

export const platformErrors = {
  // request shape
  VALIDATION_FAILED: { status: 400, zh: '提交的数据不符合要求', en: 'The request data is invalid' },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  BODY_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  ROUTE_NOT_FOUND: { status: 404, zh: '请求的接口不存在', en: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '该接口不支持此请求方法', en: 'Method not allowed on this endpoint' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests' },
  INTERNAL: { status: 500, zh: '系统内部错误，请稍后再试或联系管理员', en: 'Internal error' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '系统暂时不可用，请稍后再试', en: 'Service temporarily unavailable' },

  // authentication
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please log in' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed logins; the account is temporarily locked',
  },
  AUTH_ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'The account is disabled' },
  AUTH_SESSION_EXPIRED: { status: 401, zh: '登录已超时，请重新登录', en: 'Your session has expired' },
  AUTH_CSRF_INVALID: {
    status: 403,
    zh: '安全校验失败，请刷新页面后重试',
    en: 'Missing or invalid CSRF token; reload the page',
  },
  AUTH_WRONG_CURRENT_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },

  // passwords
  PASSWORD_TOO_SHORT: { status: 400, zh: '密码长度不足', en: 'The password is too short' },
  PASSWORD_EQUALS_USERNAME: { status: 400, zh: '密码不能与用户名相同', en: 'The password must differ from the username' },

  // access
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在或无权查看', en: 'Not found' },
  CONFLICT_STATE: {
    status: 409,
    zh: '记录状态已变化，请刷新后重试',
    en: 'The record changed meanwhile; reload and retry',
  },

  // identity
  USER_USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'The username is taken' },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'No such user' },
  ROLE_UNKNOWN: { status: 400, zh: '未知的角色', en: 'Unknown role' },
  ROLE_UNIT_MISMATCH: {
    status: 400,
    zh: '角色与所属单位类型不匹配',
    en: 'This role cannot be bound to that unit',
  },
  ROLE_BINDING_EXISTS: { status: 409, zh: '该用户已有此角色绑定', en: 'The user already has this binding' },
  ROLE_LAST_ADMIN: {
    status: 409,
    zh: '不能移除辖区最后一个系统管理员',
    en: 'Cannot remove the last system administrator',
  },
  UNIT_NOT_FOUND: { status: 404, zh: '单位不存在', en: 'No such unit' },

  // settings
  SETTING_UNKNOWN: { status: 404, zh: '未知的参数项', en: 'Unknown setting' },
  SETTING_INVALID: { status: 400, zh: '参数值不符合要求', en: 'Invalid setting value' },

  // jobs
  JOB_NOT_FOUND: { status: 404, zh: '任务不存在', en: 'No such job' },
} as const satisfies Record<string, ErrorSpec>;
