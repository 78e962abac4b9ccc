import { useTranslation } from 'react-i18next';
import { localize } from '../meta/localize';
import type { ImportLocale, ImportMapping, ImportPreview } from './import-api';

export interface ImportMappingTableProps {
  preview: ImportPreview;
  mapping: ImportMapping;
  locale: ImportLocale;
  disabled: boolean;
  onChange: (mapping: ImportMapping) => void;
}

/**
 * One row per column of the file: its header, a field select (proposed by the server, any
 * change re-runs the preview), then the first rows as the import will read them, each cell's
 * problem shown under it in the user's words.
 */
export function ImportMappingTable({ preview, mapping, locale, disabled, onChange }: ImportMappingTableProps) {
  const { t } = useTranslation();
  const columns = preview.columns.map((c) => c.header);
  return (
    <div className="t-table-wrap">
      <table className="t-table t-import-preview" data-testid="import-preview">
        <thead>
          <tr>
            <th>{t('import.row')}</th>
            {columns.map((header) => <th key={header}>{header}</th>)}
          </tr>
          <tr>
            <th>{t('import.field')}</th>
            {columns.map((header) => (
              <th key={header}>
                <select data-testid={`import-map-${header}`} aria-label={t('import.fieldFor', { column: header })} value={mapping[header] ?? ''} disabled={disabled}
                  onChange={(e) => onChange({ ...mapping, [header]: e.target.value || null })}>
                  <option value="">{t('import.skipColumn')}</option>
                  {preview.fields.map((f) => <option key={f.name} value={f.name}>{localize(f.label, locale)}{f.required ? ' *' : ''}</option>)}
                </select>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => {
            const rowErrors = row.errors.filter((e) => !e.column);
            return (
              <tr key={row.row} data-testid={`import-row-${row.row}`} className={row.errors.length ? 't-import-bad' : undefined}>
                <td>{row.row}{rowErrors.map((e) => <div key={e.message} className="t-field-error" data-testid="import-cell-error">{e.message}</div>)}</td>
                {columns.map((header, index) => {
                  const errors = row.errors.filter((e) => e.column === header);
                  return (
                    <td key={header}>
                      {row.cells[index]}
                      {errors.map((e) => <div key={e.message} className="t-field-error" data-testid="import-cell-error">{e.message}</div>)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
