import { useEffect, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { recordsApi, type RecordData } from '../../api/records-api';

/**
 * A many-to-one reference: a select of the target entity's records, labelled by its display
 * field. `ui:options` carries `{ entity, plural, displayField }` (the uiSchema convention).
 */
export function RelationWidget({ id, value, required, disabled, readonly, onChange, onBlur, onFocus, options, htmlName }: WidgetProps) {
  const { t } = useTranslation();
  const plural = String(options.plural ?? '');
  const displayField = String(options.displayField ?? 'id');
  const [records, setRecords] = useState<RecordData[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    // Read-only (the user may not change it, or may not read the target at all): no choices to offer, only the current value.
    if (readonly || disabled) {
      setRecords([]);
      return;
    }
    let live = true;
    // 200 is enough for a picker; a searchable picker is the follow-up for large tables.
    recordsApi.list(plural, 'limit=200&offset=0').then(
      (page) => live && setRecords(page.data),
      (e: Error) => live && setError(e.message),
    );
    return () => { live = false; };
  }, [plural, readonly, disabled]);

  // The chosen record may be past the first 200 (a prefilled parent, an old customer): fetch it so the select shows its name.
  const missing = typeof value === 'string' && value !== '' && records !== undefined && !records.some((r) => r.id === value) ? value : undefined;
  useEffect(() => {
    if (!missing) return;
    let live = true;
    recordsApi.get(plural, missing).then((record) => live && setRecords((rs) => (rs?.some((r) => r.id === record.id) ? rs : [record, ...(rs ?? [])])), () => undefined);
    return () => { live = false; };
  }, [plural, missing]);

  return (
    <>
      <select
        id={id}
        name={htmlName ?? id}
        className="form-control"
        value={value ?? ''}
        required={required}
        disabled={disabled || readonly || !records}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        onBlur={(e) => onBlur(id, e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
      >
        <option value="">{records ? t('form.selectPlaceholder') : t('form.relationLoading')}</option>
        {missing && <option value={missing}>{missing}</option>}
        {records?.map((record) => (
          <option key={record.id} value={record.id}>{String(record[displayField] ?? record.id)}</option>
        ))}
      </select>
      {error && <div className="t-field-note t-danger">{error}</div>}
    </>
  );
}
