import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { isLocale, translate, type Locale, type MessageKey, type MessageParams } from './messages';

export type { Locale, MessageKey } from './messages';

const storageKey = 'safecomply.locale';

/** The saved choice, else Chinese (the programme's language); English only when chosen. */
export function savedLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey);
    if (isLocale(saved)) return saved;
  } catch {
    // storage blocked (private mode): fall through to the default
  }
  return 'zh-CN';
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initial ?? savedLocale();
    applyLocale(first);
    return first;
  });
  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    try {
      globalThis.localStorage?.setItem(storageKey, next);
    } catch {
      // not persisted; the choice still holds for this page
    }
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
