import { useTranslation } from 'react-i18next';
import { canBePersonal } from './personal-data';

/** "Names a person": the field is part of a person's data export and erasure (not offered where it cannot apply). */
export function PersonalCheckbox({ type, checked, testId, onChange }: { type: string; checked: boolean; testId: string; onChange: (next: boolean) => void }) {
  const { t } = useTranslation();
  if (!canBePersonal(type)) return null;
  return (
    <div>
      <label className="d-check"><input type="checkbox" data-testid={testId} checked={checked} onChange={(e) => onChange(e.target.checked)} />{t('personal.label')}</label>
      <span className="d-hint">{t('personal.hint')}</span>
    </div>
  );
}
