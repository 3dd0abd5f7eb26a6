import type { ErrorSpec } from '../catalogue.js';

export const agencyErrors = {
  AGENCY_NOT_FOUND: { status: 404, zh: '服务机构不存在或无权查看', en: 'No such agency' },
  AGENCY_USCC_TAKEN: { status: 409, zh: '该统一社会信用代码的服务机构已登记', en: 'An agency with this USCC exists' },
  AGENCY_GRADE_UNKNOWN: {
    status: 400,
    zh: '资质等级不在本辖区的等级序列中',
    en: 'The grade is not on the jurisdiction’s grade scale',
  },
  AGENCY_DATE_INVALID: { status: 400, zh: '日期应为有效的 YYYY-MM-DD', en: 'The date must be a valid YYYY-MM-DD' },
  AGENCY_TRANSITION_NOT_ALLOWED: {
    status: 409,
    zh: '服务机构当前状态下不能执行此操作',
    en: 'The agency’s status does not allow this action',
  },
  ENGAGEMENT_NOT_FOUND: { status: 404, zh: '服务委托不存在或无权查看', en: 'No such engagement' },
  ENGAGEMENT_AGENCY_UNAVAILABLE: {
    status: 409,
    zh: '该服务机构已暂停或列入黑名单，不能委托',
    en: 'The agency is suspended or blacklisted and cannot be engaged',
  },
  ENGAGEMENT_AGENCY_NOT_SOCIAL_SERVICE: {
    status: 400,
    zh: '该机构不是安全生产社会化服务机构',
    en: 'The agency does not offer social services',
  },
  ENGAGEMENT_ALREADY_OPEN: {
    status: 409,
    zh: '已向该机构提出委托或正在服务中',
    en: 'An engagement with this agency is already requested or active',
  },
  ENGAGEMENT_ENTERPRISE_REQUIRED: {
    status: 400,
    zh: '请选择委托的企业',
    en: 'Choose the enterprise that engages the agency',
  },
  ENGAGEMENT_TRANSITION_NOT_ALLOWED: {
    status: 409,
    zh: '服务委托当前状态下不能执行此操作',
    en: 'The engagement’s status does not allow this action',
  },
} as const satisfies Record<string, ErrorSpec>;
