import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@tessera/metadata';
import { en } from './en';
import { zh } from './zh';

const STORAGE_KEY = 'tessera.locale';

/** The language the user chose last time, else the browser's, else English. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch { /* storage disabled: fall through */ }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Remembers the choice so a reload keeps the language. */
export function persistLocale(locale: Locale): void {
  try { localStorage.setItem(STORAGE_KEY, locale); } catch { /* storage disabled: choice lasts this page only */ }
}

/** A private i18next instance per mounted app, so two mounts on one page never share state. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng: initialLocale(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false, // resources are bundled: translate on the first render
  });
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
  });
  return instance;
}
