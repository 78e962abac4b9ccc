import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { useUsers } from './use-users';

const NUMERIC = new Set(['number', 'currency', 'percent']);

/** A typed number stays a number; text that is not one (a half-typed "1.") stays text until it is. */
const numberOf = (text: string): unknown => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/**
 * A fixed value for one field, with the control its type asks for: options for a select, a user
 * list for a user field, a checkbox, a date, a number; text otherwise. A value no control can show
 * (an object written by hand) is shown as it is and kept.
 */
export function FieldValueInput({ id, field, value, onChange }: { id: string; field?: FieldDefinition; value: unknown; onChange: (next: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const type = field?.['x-type'];
  const label = t('actionEditors.value');
  if (value !== null && typeof value === 'object' && !(Array.isArray(value) && type === 'multiselect')) {
    return <p className="d-hint" data-testid={`${id}-kept`}>{t('actionEditors.keptValue', { json: JSON.stringify(value) })}</p>;
  }
  if (type === 'boolean') {
    return <label className="d-check"><input type="checkbox" data-testid={id} checked={value === true} onChange={(e) => onChange(e.target.checked)} />{label}</label>;
  }
  if (type === 'select' || type === 'multiselect') {
    const options = field?.['x-options'] ?? [];
    const name = (v: string) => localize(options.find((o) => o.value === v)?.label, i18n.language) || v;
    if (type === 'multiselect') {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset className="d-wf-pair" data-testid={id}><legend>{label}</legend>
          {[...new Set([...options.map((o) => o.value), ...chosen])].map((v) => (
            <label key={v} className="d-check"><input type="checkbox" data-testid={`${id}-${v}`} checked={chosen.includes(v)} onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v))} />{name(v)}</label>
          ))}
        </fieldset>
      );
    }
    const own = typeof value === 'string' && value && !options.some((o) => o.value === value);
    return (
      <label className="d-label">{label}
        <select data-testid={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">…</option>
          {options.map((o) => <option key={o.value} value={o.value}>{name(o.value)}</option>)}
          {own && <option value={value}>{value}</option>}
        </select>
      </label>
    );
  }
  if (type === 'user') {
    const own = typeof value === 'string' && value && !users.some((u) => u.id === value);
    return (
      <label className="d-label">{label}
        <select data-testid={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">…</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.displayName ? `${u.displayName} (${u.username})` : u.username}</option>)}
          {own && <option value={value}>{value}</option>}
        </select>
      </label>
    );
  }
  const text = value === undefined || value === null ? '' : String(value);
  const inputType = type && NUMERIC.has(type) ? 'number' : type === 'date' ? 'date' : type === 'datetime' ? 'datetime-local' : 'text';
  return (
    <label className="d-label">{label}
      <input data-testid={id} type={inputType} value={text} onChange={(e) => onChange(inputType === 'number' ? numberOf(e.target.value) : e.target.value)} />
    </label>
  );
}
