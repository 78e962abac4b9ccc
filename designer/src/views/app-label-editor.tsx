import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { setAppLabel } from './app-label';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const APP_LABEL_EDITOR_KEYWORDS = ['app.label'] as const;

/** The app's name as people see it (header, browser tab), in English and Chinese. */
export function AppLabelEditor({ app, onChange }: { app: AppDefinition; onChange: (next: AppDefinition) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="d-fieldset" data-testid="app-label">
      <legend>{t('appLabels.heading')}</legend>
      <label className="d-label">{t('appLabels.en')} <input data-testid="app-label-en" value={app.label.en} onChange={(e) => onChange(setAppLabel(app, { ...app.label, en: e.target.value }))} /></label>
      <label className="d-label">{t('appLabels.zh')} <input data-testid="app-label-zh" value={app.label.zh ?? ''} onChange={(e) => onChange(setAppLabel(app, { ...app.label, zh: e.target.value }))} /></label>
      <p className="d-hint">{t('appLabels.hint')}</p>
    </fieldset>
  );
}
