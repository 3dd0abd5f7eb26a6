import type { ErrorSpec } from '../catalogue.js';

export const registryErrors = {
  USCC_LENGTH: { status: 400, zh: '统一社会信用代码应为 18 位', en: 'A USCC has 18 characters' },
  USCC_CHARSET: {
    status: 400,
    zh: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
    en: 'The USCC contains a character outside its set',
  },
  USCC_AUTHORITY: { status: 400, zh: '统一社会信用代码第 1 位（登记管理部门代码）无效', en: 'Invalid registration authority code' },
  USCC_CATEGORY: {
    status: 400,
    zh: '统一社会信用代码第 2 位（机构类别代码）与登记管理部门不符',
    en: 'Invalid organisation category for the authority',
  },
  USCC_DIVISION: {
    status: 400,
    zh: '统一社会信用代码第 3–8 位（登记管理机关行政区划码）应为 6 位数字',
    en: 'The administrative division code must be 6 digits',
  },
  USCC_ORG_CODE_CHECK: {
    status: 400,
    zh: '统一社会信用代码第 9–17 位（组织机构代码）校验位错误',
    en: 'The embedded organisation code fails its check',
  },
  USCC_CHECK_DIGIT: { status: 400, zh: '统一社会信用代码第 18 位校验码错误', en: 'The USCC check character is wrong' },
  ENTERPRISE_NOT_FOUND: { status: 404, zh: '企业不存在或无权查看', en: 'No such enterprise' },
  ENTERPRISE_USCC_TAKEN: { status: 409, zh: '该统一社会信用代码的企业已登记', en: 'An enterprise with this USCC exists' },
  ENTERPRISE_OUTSIDE_SUBDISTRICT: {
    status: 403,
    zh: '只能登记或修改本街镇的企业',
    en: 'You can only register enterprises of your own subdistrict',
  },
  SUBDISTRICT_UNKNOWN: { status: 400, zh: '所属街镇不存在', en: 'Unknown subdistrict' },
  INDUSTRY_UNKNOWN: { status: 400, zh: '行业代码不在国民经济行业分类中', en: 'Unknown industry code' },
  PARK_NOT_FOUND: { status: 404, zh: '小微园区不存在', en: 'No such park' },
  PARK_NAME_TAKEN: { status: 409, zh: '同名小微园区已存在', en: 'A park with this name exists' },
  HOST_NOT_FOUND: { status: 400, zh: '厂中厂所在企业不存在', en: 'The host enterprise does not exist' },
  HOST_SELF: { status: 400, zh: '企业不能是自己的厂中厂所在企业', en: 'An enterprise cannot host itself' },
  HOST_CHAIN_LOOP: {
    status: 400,
    zh: '厂中厂关系形成循环（A 在 B 内，B 又在 A 内）',
    en: 'The host chain loops back to this enterprise',
  },
  IMPORT_NOT_SPREADSHEET: { status: 415, zh: '上传的文件不是 Excel（.xlsx）表格', en: 'The file is not an .xlsx spreadsheet' },
  IMPORT_TOO_LARGE: { status: 413, zh: '上传的表格超过大小限制', en: 'The spreadsheet exceeds the size limit' },
  IMPORT_TOO_MANY_ROWS: { status: 400, zh: '表格行数超过上限', en: 'The spreadsheet has too many rows' },
  IMPORT_MISSING_COLUMNS: { status: 400, zh: '表格缺少必需的列', en: 'The spreadsheet lacks required columns' },
  IMPORT_NOT_FOUND: { status: 404, zh: '导入记录不存在', en: 'No such import' },
  IMPORT_NO_ERRORS: { status: 404, zh: '本次导入没有错误行', en: 'This import has no error rows' },
  ACTIVATION_CODE_INVALID: {
    status: 400,
    zh: '激活码无效、已使用或已过期',
    en: 'The activation code is invalid, used or expired',
  },
} as const satisfies Record<string, ErrorSpec>;
