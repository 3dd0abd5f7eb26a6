import type { ErrorSpec } from '../catalogue.js';

/** Enforcement: inspections, violations, advice campaigns and letters. */
export const enforcementErrors = {
  VIOLATION_TYPE_NOT_FOUND: {
    status: 422,
    zh: '违法行为类型不存在或已停用',
    en: 'No such active violation type',
  },
  VIOLATION_NOT_FOUND: { status: 404, zh: '违法行为记录不存在', en: 'No such violation' },
  VIOLATION_TRANSITION: {
    status: 409,
    zh: '该违法行为当前状态不允许此操作（可能已被他人处理，请刷新）',
    en: 'The violation’s status does not allow this (someone may have acted first; refresh)',
  },
  ENFORCEMENT_INSPECTION_NOT_FOUND: {
    status: 404,
    zh: '执法检查记录不存在',
    en: 'No such enforcement inspection',
  },
  VIOLATION_HAZARD_MISMATCH: {
    status: 422,
    zh: '所选隐患不是该企业的隐患记录',
    en: 'The hazard chosen is not one of this enterprise’s',
  },
  INSPECTION_DATES: {
    status: 422,
    zh: '检查日期不能晚于今天，整改期限不能早于检查日期',
    en: 'The inspection date cannot be in the future and the deadline cannot precede it',
  },
  ADVICE_CAMPAIGN_NOT_FOUND: { status: 404, zh: '合规建议批次不存在', en: 'No such advice campaign' },
  ADVICE_CAMPAIGN_TRANSITION: {
    status: 409,
    zh: '该批次当前状态不允许此操作（可能已被他人处理，请刷新）',
    en: 'The campaign’s status does not allow this (someone may have acted first; refresh)',
  },
  ADVICE_CAMPAIGN_LIVE: {
    status: 409,
    zh: '同一违法行为类型在该范围内已有未结束的合规建议批次',
    en: 'A campaign for this violation type and scope is already open',
  },
  ADVICE_CAMPAIGN_EMPTY: {
    status: 422,
    zh: '该范围内没有在营企业，无法发送合规建议书',
    en: 'No enterprise in business in this scope',
  },
  ADVICE_SCOPE_UNKNOWN: { status: 422, zh: '行业或街镇不存在', en: 'Unknown industry or subdistrict' },
  ADVICE_LETTER_NOT_FOUND: { status: 404, zh: '合规建议书不存在', en: 'No such advice letter' },
  ADVICE_LETTER_TRANSITION: {
    status: 409,
    zh: '该合规建议书已回复，不能重复回复',
    en: 'The letter has already been answered',
  },
} satisfies Record<string, ErrorSpec>;
