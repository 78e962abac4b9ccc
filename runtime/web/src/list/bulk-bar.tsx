import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { bulkApi, failedItems, type BulkItemResult } from '../api/bulk-api';
import type { RecordData } from '../api/records-api';
import { localize, toLocale } from '../meta/localize';
import { CascadeNote } from '../recycle-bin/cascade-note';
import { useDeletePreview } from '../recycle-bin/use-delete-preview';
import { ErrorBanner } from '../shell/error-banner';
import { UserPicker } from '../users/user-picker';
import { bulkFields } from './bulk-fields';
import { bulkCreateTargets, type BulkCreateTarget } from './bulk-create-targets';
import { useCapabilities } from '../permissions/capabilities-context';
import type { ClientAccess } from './entity-access';

export interface BulkBarProps {
  app: AppDefinition;
  entity: EntityDefinition;
  access: ClientAccess;
  selected: RecordData[];
  onDone: () => void;
  onClear: () => void;
}

type Mode = 'idle' | 'confirm-delete' | 'set-field';
const BulkCreateDialog = lazy(() => import('./bulk-create-dialog'));
const versionOf = (r: RecordData) => (typeof r.version === 'number' ? { version: r.version } : {});

/**
 * Actions on the selected rows through `POST /api/{plural}/bulk`: delete (after a confirm) and
 * "set field…", and "create one for each" (a survey per selected customer) where a child entity
 * declares it. The API is all or nothing, so a failure names the items at fault and nothing changed.
 */
export function BulkBar({ app, entity, access, selected, onDone, onClear }: BulkBarProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const [mode, setMode] = useState<Mode>('idle');
  const [field, setField] = useState('');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [failures, setFailures] = useState<BulkItemResult[]>([]);
  const fields = useMemo(() => bulkFields(app, entity, access), [app, entity, access]);
  const caps = useCapabilities();
  const targets = useMemo(() => bulkCreateTargets(app, entity, caps), [app, entity, caps]);
  const [creating, setCreating] = useState<BulkCreateTarget>();
  const [notice, setNotice] = useState<string>();
  const cascade = useDeletePreview(entity['x-plural'], selected.map((r) => r.id), mode === 'confirm-delete');
  const def = field ? entity.properties[field] : undefined;
  const display = entity['x-display-field'] ?? 'name';
  const nameOf = (id?: string) => {
    const record = selected.find((r) => r.id === id);
    return String(record?.[display] ?? id ?? '');
  };

  async function run(body: Parameters<typeof bulkApi.run>[1]) {
    setBusy(true);
    setError(undefined);
    setFailures([]);
    try {
      await bulkApi.run(entity['x-plural'], body);
      setMode('idle');
      onDone();
    } catch (e) {
      setFailures(failedItems(e));
      setMode((m) => (m === 'confirm-delete' ? 'idle' : m)); // the error shows beside the list, not behind the dialog
      setError(t('bulk.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  const typed = (): unknown => (def?.['x-type'] === 'boolean' ? value === 'true' : value);
  const canDelete = access.can('delete');
  const canSet = access.can('update') && fields.length > 0;

  return (
    <div className="t-bulk-bar" role="region" aria-label={t('bulk.region')} data-testid="bulk-bar">
      <span aria-live="polite" data-testid="bulk-count">{t('bulk.selected', { count: selected.length })}</span>
      {canSet && <button type="button" className="t-btn" data-testid="bulk-set-field" aria-expanded={mode === 'set-field'} onClick={() => setMode(mode === 'set-field' ? 'idle' : 'set-field')}>{t('bulk.setField')}</button>}
      {canDelete && <button type="button" className="t-btn t-btn-danger" data-testid="bulk-delete" onClick={() => setMode('confirm-delete')}>{t('bulk.delete')}</button>}
      <button type="button" className="t-btn t-btn-ghost" data-testid="bulk-clear" onClick={onClear}>{t('bulk.clear')}</button>
      {targets.map((target) => (
        <button key={`${target.child['x-name']}.${target.field}`} type="button" className="t-btn" data-testid={`bulk-create-${target.child['x-name']}`}
          onClick={() => { setNotice(undefined); setCreating(target); }}>{t('bulk.createFor', { action: localize(target.spec.label, locale), count: selected.length })}</button>
      ))}
      {!canSet && !canDelete && targets.length === 0 && <span className="t-muted">{t('bulk.noActions')}</span>}
      {notice && <span className="t-muted" role="status" data-testid="bulk-notice">{notice}</span>}
      {creating && (
        <Suspense fallback={null}>
          <BulkCreateDialog target={creating} entities={app.entities} parentIds={selected.map((r) => r.id)}
            onDone={(count) => { setCreating(undefined); setNotice(t('bulk.created', { count })); }} onCancel={() => setCreating(undefined)} />
        </Suspense>
      )}

      {mode === 'set-field' && (
        <form className="t-inline-form" onSubmit={(e) => { e.preventDefault(); if (field && value !== '') void run({ update: selected.map((r) => ({ id: r.id, ...versionOf(r), [field]: typed() })) }); }}>
          <label>
            <span className="t-visually-hidden">{t('bulk.field')}</span>
            <select data-testid="bulk-field" value={field} onChange={(e) => { setField(e.target.value); setValue(''); }}>
              <option value="">{t('bulk.field')}</option>
              {fields.map(([name, f]) => <option key={name} value={name}>{localize(f['x-label'], locale)}</option>)}
            </select>
          </label>
          {def?.['x-type'] === 'user' && <UserPicker label={t('bulk.value')} value={value} onChange={setValue} testId="bulk-value-user" />}
          {def && def['x-type'] !== 'user' && (
            <label>
              <span className="t-visually-hidden">{t('bulk.value')}</span>
              <select data-testid="bulk-value" value={value} onChange={(e) => setValue(e.target.value)}>
                <option value="">{t('bulk.value')}</option>
                {def['x-type'] === 'boolean'
                  ? [['true', t('list.yes')], ['false', t('list.no')]].map(([v, label]) => <option key={v} value={v}>{label}</option>)
                  : (def['x-options'] ?? []).map((o) => <option key={o.value} value={o.value}>{localize(o.label, locale)}</option>)}
              </select>
            </label>
          )}
          <button type="submit" className="t-btn t-btn-primary" data-testid="bulk-apply" disabled={busy || !field || value === ''}>{t('bulk.apply', { count: selected.length })}</button>
        </form>
      )}

      {mode === 'confirm-delete' && (
        <div className="t-dialog-backdrop" role="presentation">
          <div className="t-dialog t-card" role="alertdialog" aria-modal="true" aria-labelledby="t-bulk-delete-title" aria-describedby="t-bulk-delete-text" data-testid="bulk-delete-dialog"
            onKeyDown={(e) => e.key === 'Escape' && setMode('idle')}>
            <h3 id="t-bulk-delete-title">{t('bulk.deleteTitle', { count: selected.length })}</h3>
            <div id="t-bulk-delete-text"><CascadeNote preview={cascade.preview} loading={cascade.loading} /></div>
            <div className="t-form-actions">
              <button type="button" className="t-btn t-btn-danger" data-testid="bulk-delete-confirm" disabled={busy || (cascade.preview?.blockedBy.length ?? 0) > 0} autoFocus
                onClick={() => void run({ delete: selected.map((r) => ({ id: r.id, ...versionOf(r) })) })}>{t('bulk.delete')}</button>
              <button type="button" className="t-btn" data-testid="bulk-delete-cancel" onClick={() => setMode('idle')}>{t('form.cancel')}</button>
            </div>
          </div>
        </div>
      )}

      {error && (
        <div className="t-bulk-errors" data-testid="bulk-errors">
          <ErrorBanner message={error} onClose={() => { setError(undefined); setFailures([]); }} />
          {failures.length > 0 && (
            <ul>
              {failures.map((f) => <li key={`${f.op}-${f.index}`} data-testid="bulk-error-item"><strong>{nameOf(f.id)}</strong>: {f.error?.message}</li>)}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
