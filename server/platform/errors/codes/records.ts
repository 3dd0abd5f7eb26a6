import type { ErrorSpec } from '../catalogue.js';

export const recordErrors = {
  RECORD_DATE_IN_FUTURE: {
    status: 400,
    zh: '事故或处罚日期不能晚于今天',
    en: 'The date cannot be in the future',
  },
} as const satisfies Record<string, ErrorSpec>;
