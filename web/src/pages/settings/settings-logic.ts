/** Which input edits a setting, decided from the type of its current and default values (the API sends both). */
export type SettingInputKind = 'number' | 'boolean' | 'list' | 'text' | 'line';

/** Strings longer than this, or with a line break, are edited in a text area. */
const oneLineMax = 60;

export function settingInputKind(s: { key: string; value: unknown; default: unknown }): SettingInputKind {
  const values = [s.value, s.default];
  if (values.some((v) => typeof v === 'number')) return 'number';
  if (values.some((v) => typeof v === 'boolean')) return 'boolean';
  if (values.some((v) => Array.isArray(v))) return 'list';
  // free text (e.g. commitment.text, whose default is empty: the built-in text) is named `….text`
  if (
    s.key.endsWith('.text') ||
    values.some((v) => typeof v === 'string' && (v.includes('\n') || v.length > oneLineMax))
  )
    return 'text';
  return 'line';
}

/** The value to send: text trimmed at its ends, list entries trimmed and the empty ones dropped. */
export function settingValueToSend(kind: SettingInputKind, value: unknown): unknown {
  if (kind === 'list' && Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');
  if (typeof value === 'string') return value.trim();
  return value;
}
