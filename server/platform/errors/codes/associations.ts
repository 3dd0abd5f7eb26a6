import type { ErrorSpec } from '../catalogue.js';

export const associationErrors = {
  ASSOCIATION_NOT_FOUND: { status: 404, zh: '行业协会不存在', en: 'No such association' },
  ASSOCIATION_USCC_TAKEN: {
    status: 409,
    zh: '该统一社会信用代码的协会已登记',
    en: 'An association with this USCC is registered',
  },
  ASSOCIATION_NOT_ACTIVE: { status: 409, zh: '协会已注销', en: 'The association is dissolved' },
  SELF_DISCIPLINE_NOT_FOUND: {
    status: 404,
    zh: '自律共治标准不存在',
    en: 'No such self-discipline standard',
  },
  SELF_DISCIPLINE_VERSION_NOT_PUBLISHED: {
    status: 409,
    zh: '只能从已发布或已备案的标准版本中选取条目',
    en: 'Only a published or filed version can be adopted',
  },
  SELF_DISCIPLINE_ITEMS_INVALID: {
    status: 400,
    zh: '所选条目为空或不属于该标准版本',
    en: 'No items chosen, or items not in the version',
  },
} as const satisfies Record<string, ErrorSpec>;
