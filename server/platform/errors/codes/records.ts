import type { ErrorSpec } from '../catalogue.js';

export const recordErrors = {
  RECORD_DATE_IN_FUTURE: {
    status: 400,
    zh: '事故或处罚日期不能晚于今天',
    en: 'The date cannot be in the future',
  },
  RECORDS_IMPORT_INVALID: {
    status: 400,
    zh: '导入表格中有错误，未导入任何记录',
    en: 'The spreadsheet has errors; nothing was imported',
  },
  RECORDS_IMPORT_NOT_SPREADSHEET: {
    status: 415,
    zh: '上传的文件不是可读取的 Excel（.xlsx）表格',
    en: 'The file is not a readable .xlsx spreadsheet',
  },
  RECORDS_IMPORT_EMPTY: {
    status: 400,
    zh: '表格中没有可导入的记录：工作表应命名为“事故”“处罚”或“失信”',
    en: 'Nothing to import: the sheets must be named 事故, 处罚 or 失信',
  },
  RECORDS_IMPORT_TOO_MANY_ROWS: {
    status: 400,
    zh: '导入表格的记录数超过上限',
    en: 'The spreadsheet has too many rows',
  },
} as const satisfies Record<string, ErrorSpec>;
