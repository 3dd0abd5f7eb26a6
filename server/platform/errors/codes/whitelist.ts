import type { ErrorSpec } from '../catalogue.js';

/** The white-list workflow: applications, opinions, public notice, entries, reviews and exits. */
export const whitelistErrors = {
  WHITELIST_APPLICATION_NOT_FOUND: { status: 404, zh: '白名单申请不存在', en: 'No such white-list application' },
  WHITELIST_TRANSITION: {
    status: 409,
    zh: '申请当前所处环节不允许此操作（可能已被他人处理，请刷新）',
    en: 'The application’s current step does not allow this (someone may have acted first; refresh)',
  },
  WHITELIST_NOT_ELIGIBLE: {
    status: 422,
    zh: '暂不符合白名单入库条件',
    en: 'The enterprise does not meet the white-list entry conditions',
  },
  WHITELIST_APPLICATION_OPEN: {
    status: 409,
    zh: '该企业已有一份正在办理的白名单申请',
    en: 'The enterprise already has an open white-list application',
  },
  WHITELIST_ALREADY_LISTED: {
    status: 409,
    zh: '该企业已在白名单内',
    en: 'The enterprise is already on the white list',
  },
  WHITELIST_REENTRY_BAN: {
    status: 409,
    zh: '该企业退出白名单未满限制期限，暂不得重新申请',
    en: 'The enterprise left the white list and may not apply again yet',
  },
  WHITELIST_DEPARTMENT_INVALID: {
    status: 400,
    zh: '征求意见的部门不存在或不属于本辖区',
    en: 'A department asked for an opinion does not exist in this jurisdiction',
  },
  WHITELIST_OPINION_NOT_REQUESTED: {
    status: 403,
    zh: '未就该申请征求本部门意见',
    en: 'Your department was not asked for an opinion on this application',
  },
  WHITELIST_OPINION_DEADLINE_PASSED: {
    status: 409,
    zh: '征求意见期限已过，不能再提交意见',
    en: 'The opinion deadline has passed',
  },
  WHITELIST_OPINION_ANSWERED: {
    status: 409,
    zh: '本部门已就该申请提出意见',
    en: 'Your department has answered already',
  },
  WHITELIST_REASON_REQUIRED: { status: 400, zh: '请填写理由', en: 'A reason is required' },
  WHITELIST_OPINIONS_OPEN: {
    status: 409,
    zh: '该申请的部门意见尚未全部同意，不能进入公示',
    en: 'Not every department has agreed; the application cannot go on public notice',
  },
  WHITELIST_NOTICE_NOT_FOUND: { status: 404, zh: '公示不存在', en: 'No such public notice' },
  WHITELIST_NOTICE_NOT_ENDED: {
    status: 409,
    zh: '公示期尚未届满，不能发布',
    en: 'The public notice period is not over',
  },
  WHITELIST_NOTICE_PUBLISHED: { status: 409, zh: '该公示已发布', en: 'This notice is published already' },
  WHITELIST_NOTICE_CLOSED: {
    status: 409,
    zh: '公示期已结束，不再受理异议',
    en: 'The public notice period is over; objections are closed',
  },
  WHITELIST_OBJECTION_OPEN: {
    status: 409,
    zh: '公示期间的异议尚未全部处理，不能发布',
    en: 'Objections are still open; the notice cannot be published',
  },
  WHITELIST_OBJECTION_NOT_FOUND: { status: 404, zh: '异议不存在', en: 'No such objection' },
  WHITELIST_OBJECTION_HANDLED: { status: 409, zh: '该异议已处理', en: 'This objection is handled already' },
  WHITELIST_OBJECTION_DUPLICATE: {
    status: 409,
    zh: '已收到您对该企业的相同异议',
    en: 'The same objection from you was received already',
  },
  WHITELIST_ENTRY_NOT_FOUND: { status: 404, zh: '白名单记录不存在', en: 'No such white-list entry' },
  WHITELIST_ENTRY_TRANSITION: {
    status: 409,
    zh: '白名单记录当前状态不允许此操作',
    en: 'The entry’s status does not allow this',
  },
  WHITELIST_EXIT_NOT_FOUND: { status: 404, zh: '退出记录不存在', en: 'No such exit' },
  WHITELIST_EXIT_TRANSITION: {
    status: 409,
    zh: '该退出事项已处理',
    en: 'This exit has been decided already',
  },
  WHITELIST_EXIT_REASON_INVALID: { status: 400, zh: '退出情形不正确', en: 'Unknown exit reason' },
  WHITELIST_REVIEW_NOT_FOUND: { status: 404, zh: '年度复核不存在', en: 'No such annual review' },
  WHITELIST_REVIEW_TRANSITION: {
    status: 409,
    zh: '年度复核当前状态不允许此操作',
    en: 'The review’s status does not allow this',
  },
} as const satisfies Record<string, ErrorSpec>;
