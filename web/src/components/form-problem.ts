import type { FormInstance } from 'antd';
import { formFieldErrors, isApiProblem, problemMessage } from '../api/problem';
import type { Locale } from '../i18n';

/**
 * Show a failed submit on its form: field errors from the server go next to their fields (`body/newPassword`
 * → the `newPassword` field); what cannot be placed comes back as the message for the form's alert.
 * Returns null when every error was placed on a field.
 */
export function applyProblemToForm(
  form: FormInstance,
  error: unknown,
  locale: Locale,
  fields: readonly string[],
): string | null {
  if (!isApiProblem(error) || error.errors.length === 0) return problemMessage(error, locale);
  const placed = formFieldErrors(error, locale, (name) => fields.includes(String(name[0])));
  form.setFields(placed);
  const placedCount = placed.reduce((n, f) => n + f.errors.length, 0);
  return placedCount === error.errors.length ? null : problemMessage(error, locale);
}
