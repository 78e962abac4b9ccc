import { useTranslation } from 'react-i18next';
import type { IndexEntry } from '@tessera/metadata';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const INDEXES_EDITOR_KEYWORDS = ['entity.x-indexes'] as const;

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
const COLUMN = /^-?[a-z][a-z0-9_]*$/;
const NAME = /^[a-z][a-z0-9_]*$/;

/** An index entry in the object form, whichever form it was written in. */
export interface IndexRow { columns: string[]; unique: boolean; name: string }

export const indexRows = (entries: readonly IndexEntry[] = []): IndexRow[] =>
  entries.map((e) => (Array.isArray(e) ? { columns: [...e], unique: false, name: '' } : { columns: [...e.columns], unique: Boolean(e.unique), name: e.name ?? '' }));

/** Back to metadata: the short array form unless the index is unique or named. */
export const rowsToIndexes = (rows: readonly IndexRow[]): IndexEntry[] =>
  rows.map((r) => (r.unique || r.name ? { columns: r.columns, ...(r.unique ? { unique: true } : {}), ...(r.name ? { name: r.name } : {}) } : r.columns));

/** Problems of each row, as [row number, message key]. */
export function indexProblems(rows: readonly IndexRow[]): Array<[number, 'indexColumns' | 'indexName']> {
  return rows.flatMap((r, i): Array<[number, 'indexColumns' | 'indexName']> => [
    ...(r.columns.length < 2 || r.columns.length > 8 || new Set(r.columns.map((c) => c.replace(/^-/, ''))).size !== r.columns.length || !r.columns.every((c) => COLUMN.test(c)) ? [[i + 1, 'indexColumns'] as [number, 'indexColumns']] : []),
    ...(r.name && (!NAME.test(r.name) || r.name.length > 63) ? [[i + 1, 'indexName'] as [number, 'indexName']] : []),
  ]);
}

/** Composite indexes of an entity (`x-indexes`), unique ones included (issue 17). */
export function IndexesEditor({ rows, fields, onChange }: { rows: IndexRow[]; fields: string[]; onChange: (rows: IndexRow[]) => void }) {
  const { t } = useTranslation();
  const put = (i: number, patch: Partial<IndexRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="d-entity-indexes" data-testid="entity-indexes">
      <legend>{t('entitySettings.indexes.heading')}</legend>
      <p className="d-hint">{t('entitySettings.indexes.hint')}</p>
      <datalist id="d-entity-fields">{fields.map((f) => <option key={f} value={f} />)}</datalist>
      {rows.map((row, i) => (
        <div key={i} className="d-index-row" data-testid={`entity-index-${i}`}>
          <label className="d-label">{t('entitySettings.indexes.columns', { n: i + 1 })}
            <input data-testid={`entity-index-${i}-columns`} defaultValue={row.columns.join(', ')} placeholder={fields.slice(0, 2).join(', ')} spellCheck={false} list="d-entity-fields"
              onChange={(e) => put(i, { columns: list(e.target.value) })} />
            <span className="d-hint">{t('entitySettings.indexes.columnsHint')}</span>
          </label>
          <label className="d-check"><input type="checkbox" data-testid={`entity-index-${i}-unique`} checked={row.unique} onChange={(e) => put(i, { unique: e.target.checked })} />{t('entitySettings.indexes.unique')}</label>
          <label className="d-label">{t('entitySettings.indexes.name')}
            <input data-testid={`entity-index-${i}-name`} value={row.name} spellCheck={false} onChange={(e) => put(i, { name: e.target.value.trim() })} />
          </label>
          <button type="button" className="d-btn d-btn-ghost" data-testid={`entity-index-${i}-remove`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('entitySettings.indexes.remove', { n: i + 1 })}</button>
        </div>
      ))}
      <button type="button" className="d-btn" data-testid="entity-index-add" onClick={() => onChange([...rows, { columns: [], unique: false, name: '' }])}>+ {t('entitySettings.indexes.add')}</button>
    </fieldset>
  );
}
