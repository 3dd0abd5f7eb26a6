import type { Static, TObject } from 'typebox';
import { Value } from 'typebox/value';
import { AppError, type FieldError } from '../errors/app-error.js';
import type { DocumentTemplate } from './template.js';

/**
 * Check template data against the template's schema and cross-field rules; a failure is DOCUMENT_DATA_INVALID
 * with one field error per problem (fields under `<prefix>/…`).
 */
export function assertTemplateData<S extends TObject>(
  template: DocumentTemplate<S>,
  data: unknown,
  prefix = 'data',
): asserts data is Static<S> {
  const errors: FieldError[] = [];
  if (!Value.Check(template.schema, data)) {
    for (const e of Value.Errors(template.schema, data)) {
      if (e.keyword === 'boolean') continue;
      if (e.keyword === 'required') {
        for (const name of (e.params as { requiredProperties?: string[] }).requiredProperties ?? []) {
          errors.push({ field: `${prefix}${e.instancePath}/${name}`, code: 'required', message: messageFor('required') });
        }
        continue;
      }
      errors.push({ field: `${prefix}${e.instancePath}`, code: e.keyword, message: messageFor(e.keyword) });
    }
  } else {
    for (const e of template.check?.(data) ?? []) {
      errors.push({ field: `${prefix}/${e.field}`, code: 'check', message: e.message });
    }
  }
  if (errors.length > 0) throw new AppError('DOCUMENT_DATA_INVALID', { fieldErrors: errors });
}

function messageFor(keyword: string): string {
  switch (keyword) {
    case 'required':
      return '必填项缺失';
    case 'minLength':
      return '不能为空';
    case 'maxLength':
      return '内容过长';
    case 'pattern':
    case 'format':
      return '格式不正确';
    case 'additionalProperties':
      return '包含不允许的字段';
    case 'type':
      return '类型不正确';
    default:
      return '不符合要求';
  }
}
