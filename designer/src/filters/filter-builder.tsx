import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { useUsers } from '../workflow/use-users';
import { filterableFields, filterToRows, ME, newRow, operatorsOf, rowsToFilter, valueInput, type FilterRow } from './filter-rows';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The value box a row needs, by its field and operator. */
function ValueInput({ id, entity, row, onChange }: { id: string; entity: EntityDefinition; row: FilterRow; onChange: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const kind = valueInput(entity, row.field, row.op);
  const label = t('filters.value');
  const options = entity.properties[row.field]?.['x-options'] ?? [];
  if (kind === 'boolean') {
    return (
      <select aria-label={label} data-testid={`${id}-value`} value={row.value || 'true'} onChange={(e) => onChange(e.target.value)}>
        <option value="true">{t('filters.yes')}</option>
        <option value="false">{t('filters.no')}</option>
      </select>
    );
  }
  if (kind === 'select' && row.op !== 'in' && row.op !== 'nin') {
    return (
      <select aria-label={label} data-testid={`${id}-value`} value={row.value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('filters.pick')}</option>
        {options.map((o) => <option key={String(o.value)} value={String(o.value)}>{localize(o.label, i18n.language)}</option>)}
      </select>
    );
  }
  if (kind === 'select') {
    const chosen = row.value.split(',').map((s) => s.trim()).filter(Boolean);
    return (
      <span className="d-row" role="group" aria-label={label} data-testid={`${id}-value`}>
        {options.map((o) => (
          <label key={String(o.value)} className="d-check">
            <input type="checkbox" data-testid={`${id}-value-${String(o.value)}`} checked={chosen.includes(String(o.value))}
              onChange={(e) => onChange((e.target.checked ? [...chosen, String(o.value)] : chosen.filter((c) => c !== String(o.value))).join(', '))} />
            {localize(o.label, i18n.language)}
          </label>
        ))}
      </span>
    );
  }
  if (kind === 'user') {
    return (
      <select aria-label={label} data-testid={`${id}-value`} value={row.value} onChange={(e) => onChange(e.target.value)}>
        <option value={ME}>{t('filters.me')}</option>
        {users.map((u) => <option key={u.id} value={u.id}>{u.displayName ? `${u.displayName} (${u.username})` : u.username}</option>)}
        {row.value && row.value !== ME && !users.some((u) => u.id === row.value) && <option value={row.value}>{row.value}</option>}
      </select>
    );
  }
  const type = kind === 'date' ? 'date' : kind === 'datetime' ? 'datetime-local' : kind === 'number' ? 'number' : 'text';
  return (
    <>
      <input aria-label={label} data-testid={`${id}-value`} type={type} value={row.value} onChange={(e) => onChange(e.target.value)} />
      {kind === 'list' && <span className="d-hint">{t('filters.listHint')}</span>}
    </>
  );
}

/**
 * A filter as rows of field → condition → value, for a list view or a dashboard card: the
 * conditions are the ones the API accepts for the field's type, values are entered by type, and
 * the result is the same filter JSON the app's list builder writes. Parts written by hand in
 * another shape (`or`, `not`) are shown and kept.
 */
export function FilterBuilder({ id, entity, value, onChange }: { id: string; entity: EntityDefinition; value?: Record<string, unknown>; onChange: (next?: Record<string, unknown>) => void }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState(() => filterToRows(value));
  // Undo, redo or another editor's change: show the filter as it now is (rows still without a value stay while it is unchanged).
  useEffect(() => { if (!same(rowsToFilter(state.rows, state.kept), value)) setState(filterToRows(value)); }, [JSON.stringify(value)]); // eslint-disable-line react-hooks/exhaustive-deps
  const fields = filterableFields(entity);
  const fieldLabel = (f: string) => localize(entity.properties[f]?.['x-label'], i18n.language) || t(`filters.system.${f}`, { defaultValue: f });
  const put = (rows: FilterRow[]) => {
    setState({ rows, kept: state.kept });
    const next = rowsToFilter(rows, state.kept);
    if (!same(next, value)) onChange(next);
  };
  const patch = (i: number, p: Partial<FilterRow>) => put(state.rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <fieldset className="d-fieldset d-filter" data-testid={id}>
      <legend>{t('filters.heading')}</legend>
      {state.rows.length === 0 && state.kept.length === 0 && <p className="d-hint">{t('filters.none')}</p>}
      <ol className="d-filter-rows">
        {state.rows.map((row, i) => (
          <li key={i} className="d-row" data-testid={`${id}-row-${i}`}>
            <select aria-label={t('filters.field')} data-testid={`${id}-row-${i}-field`} value={row.field} onChange={(e) => patch(i, newRow(entity, e.target.value))}>
              {[...new Set([...fields, row.field])].map((f) => <option key={f} value={f}>{fieldLabel(f)}</option>)}
            </select>
            <select aria-label={t('filters.operator')} data-testid={`${id}-row-${i}-op`} value={row.op}
              onChange={(e) => { const op = e.target.value as FilterRow['op']; patch(i, { op, value: op === 'isNull' ? 'true' : row.op === 'isNull' ? '' : row.value }); }}>
              {[...new Set([...operatorsOf(entity, row.field), row.op])].map((op) => <option key={op} value={op}>{t(`filters.ops.${op}`, { defaultValue: op })}</option>)}
            </select>
            <ValueInput id={`${id}-row-${i}`} entity={entity} row={row} onChange={(v) => patch(i, { value: v })} />
            <button type="button" className="d-btn d-btn-ghost" data-testid={`${id}-row-${i}-remove`} aria-label={t('filters.remove')} onClick={() => put(state.rows.filter((_, j) => j !== i))}>✕</button>
          </li>
        ))}
      </ol>
      {state.kept.length > 0 && <p className="d-hint" data-testid={`${id}-kept`}>{t('filters.kept', { json: JSON.stringify(state.kept) })}</p>}
      <button type="button" className="d-btn" data-testid={`${id}-add`} disabled={fields.length === 0} onClick={() => put([...state.rows, newRow(entity, fields[0])])}>{t('filters.add')}</button>
    </fieldset>
  );
}
