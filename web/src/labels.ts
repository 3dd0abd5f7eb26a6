import { roleLabel, unitKindLabel } from '../../domain/labels';
import type { Locale } from './i18n';

/** Role and unit-kind labels from domain/labels.ts (shared with the server) in the UI's language. */
export function roleText(role: string, locale: Locale): string {
  return roleLabel(role, locale);
}

export function unitKindText(kind: string, locale: Locale): string {
  return unitKindLabel(kind, locale);
}

export { entityTypeLabel as entityTypeText, eventKindLabel as eventKindText } from '../../domain/labels';
