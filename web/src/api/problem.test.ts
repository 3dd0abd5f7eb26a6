import { describe, expect, it } from 'vitest';
import { ApiProblem, fieldPath, formFieldErrors, isApiProblem, problemMessage } from './problem';

const locked = {
  type: 'urn:safecomply:problem:AUTH_ACCOUNT_LOCKED',
  title: '连续登录失败次数过多，账号已临时锁定，请稍后再试',
  status: 423,
  detail: '连续登录失败次数过多，账号已临时锁定，请稍后再试',
  code: 'AUTH_ACCOUNT_LOCKED',
  instance: '/api/auth/login',
  requestId: 'r1',
  lockedUntil: '2025-03-01T08:15:00.000Z',
};

const validation = {
  title: '提交的数据不符合要求',
  status: 400,
  detail: '提交的数据不符合要求',
  code: 'VALIDATION_FAILED',
  errors: [
    { field: 'body/newPassword', code: 'PASSWORD_TOO_SHORT', message: '密码长度至少 12 位' },
    { field: 'body/newPassword', code: 'PASSWORD_EQUALS_USERNAME', message: '密码不能与用户名相同' },
    { field: 'body/bindings/1/unitId', code: 'ROLE_UNIT_MISMATCH', message: '只能绑定到应急管理局' },
    { field: 'query/page', code: 'minimum', message: '数值超出范围' },
  ],
};

describe('ApiProblem.fromResponse', () => {
  it('keeps the code, the Chinese text and extra members of a problem document', () => {
    const p = ApiProblem.fromResponse(423, locked);
    expect(isApiProblem(p)).toBe(true);
    expect(p.status).toBe(423);
    expect(p.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(p.message).toBe(locked.detail);
    expect(p.body.lockedUntil).toBe(locked.lockedUntil);
    expect(p.requestId).toBe('r1');
  });

  it('turns a body that is not a problem (a proxy page, nothing) into BAD_RESPONSE with the status', () => {
    const p = ApiProblem.fromResponse(502, '<html>Bad Gateway</html>');
    expect(p.code).toBe('BAD_RESPONSE');
    expect(p.status).toBe(502);
    expect(p.detail).toContain('502');
    expect(ApiProblem.fromResponse(500, undefined).code).toBe('BAD_RESPONSE');
  });

  it('uses the response status when the document has none', () => {
    expect(ApiProblem.fromResponse(409, { ...locked, status: 0 }).status).toBe(409);
  });
});

describe('problemMessage', () => {
  it('shows the server detail in Chinese', () => {
    const p = ApiProblem.fromResponse(400, {
      ...validation,
      detail: '局管理员与局审核员只能绑定到应急管理局',
    });
    expect(problemMessage(p, 'zh-CN')).toBe('局管理员与局审核员只能绑定到应急管理局');
  });

  it('translates known codes to English and falls back to the server text for new ones', () => {
    expect(problemMessage(ApiProblem.fromResponse(423, locked), 'en')).toMatch(/temporarily locked/);
    const unknown = ApiProblem.fromResponse(409, {
      title: '新的错误',
      status: 409,
      code: 'SOMETHING_NEW',
      detail: '新的错误说明',
    });
    expect(problemMessage(unknown, 'en')).toBe('新的错误说明');
  });

  it('gives a generic sentence for errors that are not problems, and a network message when offline', () => {
    expect(problemMessage(new Error('boom'), 'zh-CN')).toBe('操作失败，请稍后再试');
    expect(problemMessage(ApiProblem.network(), 'zh-CN')).toMatch(/无法连接服务器/);
    expect(problemMessage(ApiProblem.network(), 'en')).toMatch(/Cannot reach the server/);
  });
});

describe('field errors', () => {
  it('maps body paths to form names, numbers for list indexes; other locations do not map', () => {
    expect(fieldPath('body/newPassword')).toEqual(['newPassword']);
    expect(fieldPath('body/bindings/1/unitId')).toEqual(['bindings', 1, 'unitId']);
    expect(fieldPath('query/page')).toBeNull();
    expect(fieldPath('body')).toBeNull();
  });

  it('groups messages per field and leaves out fields the form does not have', () => {
    const p = ApiProblem.fromResponse(400, validation);
    const all = formFieldErrors(p, 'zh-CN');
    expect(all).toEqual([
      { name: ['newPassword'], errors: ['密码长度至少 12 位', '密码不能与用户名相同'] },
      { name: ['bindings', 1, 'unitId'], errors: ['只能绑定到应急管理局'] },
    ]);
    const onlyPassword = formFieldErrors(p, 'zh-CN', (name) => name[0] === 'newPassword');
    expect(onlyPassword.map((f) => f.name)).toEqual([['newPassword']]);
  });

  it('translates field messages by code in English', () => {
    const p = ApiProblem.fromResponse(400, validation);
    expect(formFieldErrors(p, 'en')[0].errors).toEqual([
      'The password is too short',
      'The password must differ from the username',
    ]);
  });
});
