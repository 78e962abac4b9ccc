import { useTranslation } from 'react-i18next';
import type { OnDeletePolicy } from '@tessera/metadata';

const POLICIES: OnDeletePolicy[] = ['restrict', 'set-null', 'cascade'];

/** What deleting the referenced record does to this one, each choice explained (many-to-one only). */
export function OnDeleteSelect({ target, value, onChange }: { target: string; value: OnDeletePolicy; onChange: (next: OnDeletePolicy) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="d-on-delete" data-testid="edit-on-delete">
      <legend>{t('onDelete.legend', { target })}</legend>
      {POLICIES.map((p) => (
        <label key={p} className="d-check">
          <input type="radio" name="on-delete" value={p} data-testid={`on-delete-${p}`} checked={value === p} onChange={() => onChange(p)} />
          <span><strong>{t(`onDelete.${p}.label`)}</strong> — <span className="d-hint" style={{ display: 'inline' }}>{t(`onDelete.${p}.hint`, { target })}</span></span>
        </label>
      ))}
    </fieldset>
  );
}
