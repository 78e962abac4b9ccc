import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeFallbacks } from '@tessera/metadata/i18n';
import { en } from './en';
import { zh } from './zh';
import { loadLocaleFile, localeFiles } from './locale-files';
import { setUiLanguage } from '../meta/localize';

const STORAGE_KEY = 'tessera.locale';
const BUILT_IN = ['en', 'zh'];

/** Every language the app offers: the built-in two, then each locale file. */
export function availableLocales(): string[] {
  return [...BUILT_IN, ...Object.keys(localeFiles)];
}

/** The nearest offered language for a tag (`zh-Hant-TW` → `zh-Hant`, `zh-CN` → `zh`), else undefined. */
function offered(tag: string): string | undefined {
  const all = availableLocales();
  for (const candidate of localeFallbacks(tag).slice(0, -1)) {
    const hit = all.find((l) => l.toLowerCase() === candidate.toLowerCase());
    if (hit) return hit;
  }
  return undefined;
}

/** The language the user chose last time, else the browser's, else English. */
export function initialLocale(): string {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && availableLocales().includes(saved)) return saved;
  } catch { /* storage disabled: fall through */ }
  const browser = typeof navigator !== 'undefined' ? navigator.language : undefined;
  return (browser && offered(browser)) || 'en';
}

/** Remembers the choice so a reload keeps the language. */
export function persistLocale(locale: string): void {
  try { localStorage.setItem(STORAGE_KEY, locale); } catch { /* storage disabled: choice lasts this page only */ }
}

/** Loads a locale file's catalog into `instance` (once) and switches to it; built-in languages switch at once. */
export async function changeLocale(instance: i18n, locale: string): Promise<void> {
  if (!BUILT_IN.includes(locale) && !instance.hasResourceBundle(locale, 'translation')) {
    instance.addResourceBundle(locale, 'translation', await loadLocaleFile(locale), true, true);
  }
  await instance.changeLanguage(locale);
}

/** A private i18next instance per mounted app, so two mounts on one page never share state. */
export function createI18n(locale = initialLocale()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng: BUILT_IN.includes(locale) ? locale : 'en',
    // i18next already tries the tag's language part (zh-Hant → zh) before this.
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false, // built-in resources are bundled: translate on the first render
  });
  setUiLanguage(instance.language);
  instance.on('languageChanged', (lng) => {
    setUiLanguage(lng);
    if (typeof document !== 'undefined') document.documentElement.lang = lng === 'zh' ? 'zh-CN' : lng;
  });
  // A locale file arrives a moment later; until then the page shows its fallback language.
  if (!BUILT_IN.includes(locale)) void changeLocale(instance, locale).catch(() => undefined);
  return instance;
}
