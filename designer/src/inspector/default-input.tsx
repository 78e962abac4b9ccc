import { useTranslation } from 'react-i18next';
import type { SelectOption } from '@tessera/metadata';
import { isNumericField } from '../model/field-kind';

/** The typed default from what the user typed; '' means no default. */
export function parseDefault(text: string, type: string, options: SelectOption[]): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: undefined };
  if (isNumericField(type)) return Number.isFinite(Number(text)) ? { ok: true, value: Number(text) } : { ok: false };
  if (type === 'boolean') return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false };
  if (type === 'select') return options.some((o) => o.value === text) ? { ok: true, value: text } : { ok: false };
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { ok: true, value: text } : { ok: false };
  return { ok: true, value: text };
}

/** The default value control: a list for selects and booleans, a typed input otherwise. */
export function DefaultInput({ type, options, value, onChange }: { type: string; options: SelectOption[]; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const choices = type === 'select' ? options.map((o) => o.value) : type === 'boolean' ? ['true', 'false'] : undefined;
  return (
    <label className="d-label">{t('editor.default')}
      {choices ? (
        <select data-testid="edit-default" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('editor.noDefault')}</option>
          {choices.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      ) : (
        <input data-testid="edit-default" value={value} inputMode={isNumericField(type) ? 'decimal' : undefined} type={type === 'date' ? 'date' : 'text'} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}
