import type { ErrorSpec } from '../catalogue.js';

/** Third-party confirmation and the engineers who sign it. */
export const confirmationErrors = {
  ENGINEER_NOT_FOUND: { status: 404, zh: '注册安全工程师不存在', en: 'No such engineer' },
  ENGINEER_CERTIFICATE_TAKEN: {
    status: 409,
    zh: '该注册安全工程师证书编号已登记',
    en: 'This certificate number is already registered',
  },
  ENGINEER_DATES_INVALID: {
    status: 400,
    zh: '证书有效期起止日期不正确',
    en: 'The certificate’s validity dates are wrong',
  },
  ENGINEER_TRANSITION: {
    status: 409,
    zh: '工程师记录当前状态不允许此操作',
    en: 'The engineer record’s status does not allow this',
  },
  ENGINEER_OTHER_AGENCY: {
    status: 400,
    zh: '签字工程师不属于本确认机构',
    en: 'The engineer does not belong to the confirming agency',
  },
  ENGINEER_NOT_APPROVED: {
    status: 400,
    zh: '签字工程师尚未经区应急管理局审核通过',
    en: 'The engineer is not approved by the bureau',
  },
  ENGINEER_CERTIFICATE_INVALID: {
    status: 400,
    zh: '签字工程师的注册证书在签字当日不在有效期内',
    en: 'The engineer’s certificate is not valid on the signing date',
  },
  ENGINEER_ALREADY_SIGNED: {
    status: 409,
    zh: '该工程师已签字，确认须由两名不同的工程师签字',
    en: 'This engineer has signed already; two different engineers must sign',
  },
  ENGINEER_NOT_YOU: { status: 403, zh: '只能以本人的工程师身份签字', en: 'You can only sign as yourself' },
  CONFIRMATION_NOT_FOUND: { status: 404, zh: '第三方确认不存在', en: 'No such confirmation' },
  CONFIRMATION_TRANSITION: {
    status: 409,
    zh: '第三方确认当前状态不允许此操作',
    en: 'The confirmation’s status does not allow this',
  },
  CONFIRMATION_OPEN_EXISTS: {
    status: 409,
    zh: '企业已有进行中的第三方确认',
    en: 'The enterprise already has a confirmation in progress',
  },
  CONFIRMATION_AGENCY_NOT_ACTIVE: {
    status: 409,
    zh: '该机构已被暂停或列入黑名单，不能开展第三方确认',
    en: 'The agency is suspended or blacklisted',
  },
  CONFIRMATION_AGENCY_WRONG_KIND: {
    status: 400,
    zh: '该机构不是第三方确认机构',
    en: 'The agency does not do confirmations',
  },
  CONFIRMATION_AGENCY_GRADE_TOO_LOW: {
    status: 409,
    zh: '该机构资质等级低于第三方确认的最低要求',
    en: 'The agency’s grade is below the minimum for confirmation',
  },
  CONFIRMATION_AGENCY_GRADE_EXPIRED: {
    status: 409,
    zh: '该机构资质已过有效期',
    en: 'The agency’s grade has expired',
  },
  CONFIRMATION_NOT_INDEPENDENT: {
    status: 409,
    zh: '该机构近期为企业做过首次检查或整改指导，不得为其开展第三方确认',
    en: 'The agency inspected or guided the enterprise recently and cannot confirm it',
  },
  CONFIRMATION_NO_STANDARD: {
    status: 409,
    zh: '该企业所属行业尚无已备案的合规标准',
    en: 'No filed standard covers the enterprise',
  },
  CONFIRMATION_ITEM_NOT_FOUND: {
    status: 404,
    zh: '本次确认不包含该条目',
    en: 'The confirmation has no such item',
  },
  CONFIRMATION_ITEM_UNANSWERED: {
    status: 400,
    zh: '还有重点审查项未检查，不能得出结论',
    en: 'Some key items are not checked yet',
  },
  CONFIRMATION_SITE_VISIT_REQUIRED: {
    status: 400,
    zh: '请填写现场核查日期',
    en: 'The site visit date is required',
  },
  CONFIRMATION_CONFIRMED_WITH_FAILURES: {
    status: 400,
    zh: '有重点审查项不符合，结论不能为“确认合规”',
    en: 'A key item is non-compliant: the conclusion cannot be “confirmed”',
  },
} as const satisfies Record<string, ErrorSpec>;
