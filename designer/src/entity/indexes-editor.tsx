import { useTranslation } from 'react-i18next';
import type { IndexCondition, IndexEntry, LocalizedText } from '@tessera/metadata';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const INDEXES_EDITOR_KEYWORDS = ['entity.x-indexes'] as const;

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
const COLUMN = /^-?[a-z][a-z0-9_]*$/;
const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * An index entry in the object form, whichever form it was written in. `where` and `message`
 * make a unique one a conflict check over open records (报备).
 */
export interface IndexRow { columns: string[]; unique: boolean; name: string; where?: IndexCondition; message?: LocalizedText }

export const indexRows = (entries: readonly IndexEntry[] = []): IndexRow[] =>
  entries.map((e) => (Array.isArray(e) ? { columns: [...e], unique: false, name: '' } : { columns: [...e.columns], unique: Boolean(e.unique), name: e.name ?? '', ...(e.where ? { where: e.where } : {}), ...(e.message ? { message: e.message } : {}) }));

/** Back to metadata: the short array form unless the index is unique, named or limited to some records. */
export const rowsToIndexes = (rows: readonly IndexRow[]): IndexEntry[] =>
  rows.map((r) => (r.unique || r.name || r.where
    ? { columns: r.columns, ...(r.unique ? { unique: true } : {}), ...(r.name ? { name: r.name } : {}), ...(r.where?.field && (r.where.notIn?.length || r.where.in?.length) ? { where: r.where } : {}), ...(r.unique && r.message?.en ? { message: r.message } : {}) }
    : r.columns));

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
          {row.unique && <ConflictCheck row={row} index={i} fields={fields} put={(patch) => put(i, patch)} />}
          <button type="button" className="d-btn d-btn-ghost" data-testid={`entity-index-${i}-remove`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('entitySettings.indexes.remove', { n: i + 1 })}</button>
        </div>
      ))}
      <button type="button" className="d-btn" data-testid="entity-index-add" onClick={() => onChange([...rows, { columns: [], unique: false, name: '' }])}>+ {t('entitySettings.indexes.add')}</button>
    </fieldset>
  );
}

/** A unique index limited to open records, and what a refused writer reads (a conflict check, 报备). */
function ConflictCheck({ row, index: i, fields, put }: { row: IndexRow; index: number; fields: string[]; put: (patch: Partial<IndexRow>) => void }) {
  const { t } = useTranslation();
  const where = row.where ?? { field: '', notIn: [] };
  const message = row.message ?? { en: '' };
  return (
    <div className="d-index-conflict">
      <p className="d-hint">{t('entitySettings.indexes.whereHint')}</p>
      <label className="d-label">{t('entitySettings.indexes.whereField')}
        <input data-testid={`entity-index-${i}-where-field`} defaultValue={where.field} spellCheck={false} list="d-entity-fields" onChange={(e) => put({ where: { field: e.target.value.trim(), notIn: where.notIn ?? [] } })} />
      </label>
      <label className="d-label">{t('entitySettings.indexes.whereNotIn')}
        <input data-testid={`entity-index-${i}-where-not-in`} defaultValue={(where.notIn ?? []).join(', ')} spellCheck={false} onChange={(e) => put({ where: { field: where.field, notIn: list(e.target.value) } })} />
      </label>
      <label className="d-label">{t('entitySettings.indexes.messageEn')}
        <input data-testid={`entity-index-${i}-message-en`} value={message.en} onChange={(e) => put({ message: { ...message, en: e.target.value } })} />
      </label>
      <label className="d-label">{t('entitySettings.indexes.messageZh')}
        <input data-testid={`entity-index-${i}-message-zh`} value={message.zh ?? ''} onChange={(e) => put({ message: { ...message, zh: e.target.value } })} />
      </label>
    </div>
  );
}
