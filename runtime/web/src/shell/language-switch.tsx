import { useTranslation } from 'react-i18next';
import { availableLocales, changeLocale, persistLocale } from '../i18n/create-i18n';
import { localeFiles } from '../i18n/locale-files';

/** English / 中文 / each locale file's language (by its own name), remembered across reloads. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const locales = availableLocales();
  return (
    <label className="t-lang">
      <span className="t-visually-hidden">{t('language.label')}</span>
      <select
        data-testid="language-switch"
        value={locales.includes(i18n.language) ? i18n.language : 'en'}
        onChange={(e) => {
          const locale = locales.includes(e.target.value) ? e.target.value : 'en';
          persistLocale(locale);
          void changeLocale(i18n, locale);
        }}
      >
        <option value="en">{t('language.en')}</option>
        <option value="zh">{t('language.zh')}</option>
        {Object.entries(localeFiles).map(([tag, name]) => <option key={tag} value={tag} lang={tag}>{name}</option>)}
      </select>
    </label>
  );
}
