/**
 * The UI's words. `zh-CN.ts` is the source: its keys are the `MessageKey` type, and `en.ts` must give every
 * key (tsc fails otherwise). Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
import { en } from './en';
import { zhCN } from './zh-CN';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

export const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type MessageParams = Record<string, string | number>;

/** Look a key up and fill its `{placeholders}`; a missing parameter stays visible as `{name}`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
