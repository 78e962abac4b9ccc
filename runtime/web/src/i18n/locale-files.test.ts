import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isLocaleTag } from '@tessera/metadata';
import { availableLocales, changeLocale, createI18n } from './create-i18n';
import { en } from './en';
import { loadLocaleFile, localeFiles, type Catalog } from './locale-files';

const dir = join(__dirname, 'locales');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'locales.json').map((f) => f.replace(/\.json$/, ''));

/** Every key path of a catalog, e.g. auth.signIn. */
const keys = (c: Catalog, prefix = ''): string[] =>
  Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));

describe('locale files', () => {
  it('each file in locales/ is named by a language tag and offered in locales.json, and the other way round', () => {
    expect(files.sort()).toEqual(Object.keys(localeFiles).sort());
    for (const tag of files) expect(isLocaleTag(tag)).toBe(true);
    expect(availableLocales()).toEqual(['en', 'zh', ...Object.keys(localeFiles)]);
    expect(files).toContain('zh-Hant');
  });

  it('holds only keys English has (a renamed key shows up here, not as a silent fallback)', async () => {
    const english = new Set(keys(en as unknown as Catalog));
    for (const tag of files) expect(keys(await loadLocaleFile(tag)).filter((k) => !english.has(k))).toEqual([]);
  });

  it('refuses a tag with no file', async () => {
    await expect(loadLocaleFile('ja')).rejects.toThrow('No locale file for ja');
    await expect(loadLocaleFile('../en')).rejects.toThrow();
  });

  it('switching to zh-Hant loads its file; keys it lacks fall back to zh, then en', async () => {
    const i18n = createI18n('en');
    expect(i18n.t('auth.signIn')).toBe('Sign in');
    await changeLocale(i18n, 'zh-Hant');
    expect(i18n.language).toBe('zh-Hant');
    expect(i18n.t('auth.signIn')).toBe('登入');
    expect(i18n.t('nav.entities')).toBe('記錄');
    expect(i18n.t('list.new')).toBe('新建'); // not in zh-Hant.json: Simplified Chinese
    i18n.addResourceBundle('en', 'translation', { onlyEnglish: 'Only in English' }, true);
    expect(i18n.t('onlyEnglish')).toBe('Only in English');
    await changeLocale(i18n, 'en');
    expect(i18n.t('auth.signIn')).toBe('Sign in');
  });

  it('starts in a locale file language when asked, once its file has loaded', async () => {
    const i18n = createI18n('zh-Hant');
    await new Promise<void>((resolve) => { if (i18n.language === 'zh-Hant') resolve(); else i18n.on('languageChanged', () => resolve()); });
    expect(i18n.t('auth.signOut')).toBe('登出');
  });
});

describe('metadata labels in a locale file language', () => {
  it('use the exact tag even where a screen passes the server language (zh)', async () => {
    const { localize, toLocale } = await import('../meta/localize');
    const label = { en: 'Contact', zh: '联系人', 'zh-Hant': '聯絡人' };
    const i18n = createI18n('en');
    await changeLocale(i18n, 'zh-Hant');
    expect(toLocale(i18n.language)).toBe('zh');
    expect(localize(label, toLocale(i18n.language))).toBe('聯絡人');
    expect(localize({ en: 'Customer', zh: '客户' }, toLocale(i18n.language))).toBe('客户');
    await changeLocale(i18n, 'zh');
    expect(localize(label, toLocale(i18n.language))).toBe('联系人');
    await changeLocale(i18n, 'en');
    expect(localize(label, 'en')).toBe('Contact');
  });
});
