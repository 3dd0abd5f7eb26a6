import type { ErrorSpec } from '../catalogue.js';

export const standardErrors = {
  STANDARD_NOT_FOUND: { status: 404, zh: '合规标准不存在', en: 'No such standard' },
  STANDARD_VERSION_NOT_FOUND: { status: 404, zh: '标准版本不存在', en: 'No such standard version' },
  STANDARD_ITEM_NOT_FOUND: { status: 404, zh: '标准条目不存在', en: 'No such standard item' },
  STANDARD_VERSION_NOT_DRAFT: {
    status: 409,
    zh: '标准版本已发布，不能再修改；请新建版本',
    en: 'A published version never changes; draft a new version',
  },
  STANDARD_VERSION_TRANSITION: {
    status: 409,
    zh: '标准版本当前状态不允许此操作',
    en: 'The version’s status does not allow this action',
  },
  STANDARD_VERSION_EMPTY: { status: 400, zh: '标准版本没有任何条目，不能发布', en: 'An empty version cannot be published' },
  STANDARD_KEY_ITEM_WITHOUT_BASIS: {
    status: 400,
    zh: '重点审查项必须注明法律依据',
    en: 'A key item needs a legal basis',
  },
  STANDARD_ITEM_UNKNOWN_MODULE: { status: 400, zh: '条目所属模块不存在', en: 'The item’s module does not exist' },
  STANDARD_ITEM_CODE_TAKEN: { status: 409, zh: '本版本已有相同编号的条目', en: 'The version already has an item with this code' },
  STANDARD_SCOPE_OVERLAP: {
    status: 409,
    zh: '行业范围与其他合规标准重叠，同一行业只能适用一个标准',
    en: 'The industry scope overlaps another standard',
  },
  STANDARD_DRAFT_EXISTS: { status: 409, zh: '该标准已有未发布的草稿版本', en: 'The standard already has a draft version' },
  STANDARD_TEMPLATE_NOT_FOUND: { status: 404, zh: '参考标准模板不存在', en: 'No such reference template' },
  STANDARD_IMPORT_MISSING_COLUMNS: { status: 400, zh: '表格缺少必需的列', en: 'The spreadsheet lacks required columns' },
  STANDARD_IMPORT_INVALID: { status: 400, zh: '表格中有错误的条目，未导入任何内容', en: 'The spreadsheet has invalid items; nothing was imported' },
  STANDARD_NOT_APPLICABLE: {
    status: 404,
    zh: '该企业所属行业暂无已备案的合规标准',
    en: 'No filed standard covers the enterprise’s industry',
  },
  APPLICABILITY_TAG_UNKNOWN: { status: 400, zh: '未知的适用情形', en: 'Unknown applicability tag' },
} as const satisfies Record<string, ErrorSpec>;
