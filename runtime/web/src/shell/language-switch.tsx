import { useTranslation } from 'react-i18next';
import { persistLocale } from '../i18n/create-i18n';

/** English / 中文, remembered across reloads. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="t-lang">
      <span className="t-visually-hidden">{t('language.label')}</span>
      <select
        data-testid="language-switch"
        value={i18n.language === 'zh' ? 'zh' : 'en'}
        onChange={(e) => {
          const locale = e.target.value === 'zh' ? 'zh' : 'en';
          persistLocale(locale);
          void i18n.changeLanguage(locale);
        }}
      >
        <option value="en">{t('language.en')}</option>
        <option value="zh">{t('language.zh')}</option>
      </select>
    </label>
  );
}
