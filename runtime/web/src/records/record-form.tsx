import { useEffect, useMemo, useState, type ReactNode } from 'react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import type { ErrorSchema, RegistryWidgetsType, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { entityToForm, type FieldTypeRegistry } from '@tessera/engine';
import type { EntityDefinition, LayoutDefinition } from '@tessera/metadata';
import { ApiError } from '../api/api-error';
import { recordsApi, type RecordData } from '../api/records-api';
import { canCompileValidators } from '../form/can-compile-validators';
import { detailsToExtraErrors } from '../form/details-to-extra-errors';
import { localizeErrors } from '../form/localize-errors';
import { formDataToCreatePayload, formDataToPatchPayload, recordToFormData } from '../form/form-data-to-payload';
import { prefillFormData } from '../form/prefill-form-data';
import { recordTypeOf, typedForm, withoutOtherTypesFields } from '../form/record-type-form';
import { SectionObjectTemplate } from '../form/section-object-template';
import { withJsonFields } from '../form/widgets/json-field';
import { localize, toLocale } from '../meta/localize';
import { DataCareButtons } from '../data-care/data-care-buttons';
import { RecordDeleteButton } from '../record/record-delete-button';
import { TransferButton } from '../record/transfer-button';
import { useUserNames } from '../users/use-user-names';
import { ErrorBanner } from '../shell/error-banner';

export interface RecordFormProps {
  entity: EntityDefinition;
  /** Every entity of the app: relation widgets need their targets' plural and display field. */
  entities: readonly EntityDefinition[];
  layout?: LayoutDefinition;
  /** The app's layouts: a record type (`x-record-types`) may name its own form layout. */
  layouts?: readonly LayoutDefinition[];
  registry: FieldTypeRegistry;
  widgets: RegistryWidgetsType;
  /** Absent: a new record. */
  recordId?: string;
  /** A new record's references from its route (a related list's parent). */
  prefill?: Readonly<Record<string, string>>;
  onDone: (saved?: RecordData) => void;
  /** Shown under the title (the record page puts the workflow buttons there). */
  children?: ReactNode;
  /**
   * Whether the user may save: `create` for a new record, the record's own `update` capability
   * for an existing one; undefined while that is not known yet. Without it the form is read-only.
   */
  canSave?: boolean;
  /** The record's `delete` capability: offers Delete (after a confirm). */
  canDelete?: boolean;
  /** The record's `transfer` capability: offers Transfer (to another active user). */
  canTransfer?: boolean;
  /** After a transfer (the record page reloads what depends on the owner). */
  onTransferred?: () => void;
  /** Fields the user may not see (their capabilities): the owner line is left out when `owner` is one. */
  hidden?: readonly string[];
}

const templates = { ObjectFieldTemplate: SectionObjectTemplate };

/** Create or edit one record with the form the engine compiles from the entity and its layout. */
export function RecordForm({ entity, entities, layout, layouts = [], registry, widgets, recordId, prefill, onDone, children, canSave, canDelete = false, canTransfer = false, onTransferred, hidden = [] }: RecordFormProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const plural = entity['x-plural'];
  // Every field of the entity (what a record loads into the form), whatever its type shows.
  const allFields = useMemo(() => Object.keys(entity.properties), [entity]);
  // What a save sends: never a field the user may not change (read-only for them, computed, a workflow's state).
  // A field of another record type is in it too, so one that stopped applying is cleared on the server.
  const writable = useMemo(() => allFields.filter((name) => !entity.properties[name]?.['x-readonly']), [allFields, entity]);
  const [original, setOriginal] = useState<RecordData>();
  const [formData, setFormData] = useState<Record<string, unknown>>(() => (recordId ? {} : prefillFormData(entity, prefill, allFields)));
  // The record's type picks the layout and the fields shown; choosing another type switches the form.
  const storedType = original ? recordTypeOf(entity, original) : undefined;
  const typed = useMemo(() => typedForm(entity, layouts, layout, formData, storedType), [entity, layouts, layout, formData, storedType]);
  const form = useMemo(() => {
    const compiled = entityToForm(typed.entity, typed.layout, registry, i18n.language, entities) as { schema: RJSFSchema; uiSchema: UiSchema };
    return { ...compiled, uiSchema: withJsonFields(compiled.uiSchema) };
    // typed.entity changes only with the type (or the entity): typing into a field does not recompile the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entity, typed.type, typed.layout, storedType, entities, registry, i18n.language]);
  const fields = useMemo(() => Object.keys((form.schema.properties ?? {}) as object), [form]);
  // Fields that stop applying when the type changes are cleared, not just hidden.
  const changeData = (data: Record<string, unknown>) => setFormData(withoutOtherTypesFields(entity, data));
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>();
  const [banner, setBanner] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [loading, setLoading] = useState(Boolean(recordId));
  // A record that cannot be read (missing, or out of the user's scope) gets no form: saving an empty one would create a record.
  const [unreadable, setUnreadable] = useState(false);
  /** Set after a 412: what the user typed, kept to re-apply on top of the latest version. */
  const [stale, setStale] = useState<Record<string, unknown>>();
  const transformErrors = useMemo(() => localizeErrors(t), [t]);

  useEffect(() => {
    if (!recordId) return;
    let live = true;
    recordsApi.get(plural, recordId).then(
      (record) => { if (live) { setOriginal(record); changeData(recordToFormData(record, allFields)); setLoading(false); performance.mark('tessera:record-rendered'); } },
      (e: Error) => { if (live) { setBanner(e.message); setUnreadable(true); setLoading(false); } },
    );
    return () => { live = false; };
    // Reload only for another record; a metadata refresh keeps what the user typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plural, recordId]);

  async function save(data: Record<string, unknown>) {
    setSaving(true);
    setBanner(undefined);
    setExtraErrors(undefined);
    try {
      data = withoutOtherTypesFields(entity, data);
      const saved = original
        ? await recordsApi.update(plural, original.id, formDataToPatchPayload(data, original, writable), original.version)
        : await recordsApi.create(plural, formDataToCreatePayload(data, writable));
      onDone(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && original) {
        setStale(formDataToPatchPayload(data, original, writable));
      } else if (e instanceof ApiError && e.details.length) {
        const { extraErrors: atFields, unplaced } = detailsToExtraErrors(e.details, fields, locale);
        setExtraErrors(atFields);
        setBanner([e.message, ...unplaced].join(' — '));
      } else {
        setBanner(e instanceof ApiError ? e.message : t('errors.network', { message: (e as Error).message }));
      }
    } finally {
      setSaving(false);
    }
  }

  // Someone saved in between: load their version and lay the user's own edits over it.
  async function reloadKeepingEdits() {
    if (!recordId || !stale) return;
    try {
      const latest = await recordsApi.get(plural, recordId);
      setOriginal(latest);
      changeData({ ...recordToFormData(latest, allFields), ...stale });
      setStale(undefined);
    } catch (e) {
      setBanner((e as Error).message);
    }
  }

  const owner = typeof original?.owner === 'string' && !hidden.includes('owner') ? original.owner : undefined;
  const ownerNames = useUserNames(owner ? [owner] : []);
  const entityLabel = localize(entity['x-label'], locale);
  const readOnly = canSave !== true;
  const displayField = entity['x-display-field'];
  const recordTitle = recordId && original && displayField && original[displayField] !== null && original[displayField] !== undefined ? String(original[displayField]) : '';
  return (
    <div className="t-card t-record-form" data-testid="record-form">
      <div className="t-card-header">
        <div className="t-title-block">
          {/* A saved record is titled by its name (its entity above it); one the user cannot change is not called an edit. */}
          {recordTitle && <p className="t-muted t-eyebrow" data-testid="record-entity">{entityLabel}</p>}
          <h2 data-testid="record-title">{recordTitle || t(!recordId ? 'form.create' : canSave === false ? 'form.view' : 'form.edit', { entity: entityLabel })}</h2>
          {/* Whose record it is, read-only here: only Transfer changes it. */}
          {owner && <p className="t-muted t-owner" data-testid="record-owner">{t('system.owner')}: <span data-testid="record-owner-name">{ownerNames[owner] ?? ''}</span></p>}
        </div>
        <div className="t-actions">
          {recordId && original && canTransfer && (
            <TransferButton plural={plural} recordId={recordId} owner={owner} entityLabel={entityLabel} onError={setBanner}
              onTransferred={(record) => { setOriginal(record); onTransferred?.(); }} />
          )}
          {recordId && original && <DataCareButtons entity={entity} recordId={recordId} onError={setBanner} onErased={() => window.location.reload()} />}
          {recordId && original && canDelete && (
            <RecordDeleteButton plural={plural} recordId={recordId} version={original.version} entityLabel={entityLabel} title={recordTitle || undefined} onDeleted={() => onDone()} onError={setBanner} />
          )}
          <button type="button" className="t-btn t-btn-ghost" data-testid="record-back" onClick={() => onDone()}>{t('form.back')}</button>
        </div>
      </div>
      {children}
      {banner && <ErrorBanner message={banner} onClose={() => setBanner(undefined)} />}
      {stale && (
        <div className="t-banner t-banner-warn" role="alert" data-testid="stale-banner">
          <span>{t('form.stale')}</span>
          <button type="button" className="t-btn" data-testid="stale-reload" onClick={() => void reloadKeepingEdits()}>{t('form.reloadKeep')}</button>
        </div>
      )}
      {!unreadable && !loading && canSave === false && recordId && <p className="t-muted t-readonly-note" data-testid="record-readonly">{t('access.readOnly')}</p>}
      {unreadable ? null : loading || canSave === undefined ? (
        <p className="t-muted">{t('app.loading')}</p>
      ) : (
        <Form
          schema={form.schema}
          uiSchema={form.uiSchema}
          formData={formData}
          readonly={readOnly}
          // formData: widgets that depend on a sibling field (a currency code, a dependent picker) read it
          // here; entity: a file widget's `x-file` and upload target; entities: relation targets.
          formContext={{ locale, formData, entity, entities }}
          validator={validator}
          widgets={widgets}
          templates={templates}
          extraErrors={extraErrors}
          transformErrors={transformErrors}
          showErrorList={false}
          noHtml5Validate
          noValidate={!canCompileValidators()}
          onChange={(e) => changeData(e.formData as Record<string, unknown>)}
          onSubmit={(e) => void save(e.formData as Record<string, unknown>)}
          onError={() => setBanner(t('form.fixErrors'))}
        >
          {/* Read-only: no submit button at all (rjsf would add its own without children). */}
          {readOnly ? <span /> : (
            <div className="t-form-actions">
              <button type="submit" className="t-btn t-btn-primary" data-testid="record-save" disabled={saving}>{saving ? t('form.saving') : t('form.save')}</button>
              <button type="button" className="t-btn" data-testid="record-cancel" onClick={() => onDone()}>{t('form.cancel')}</button>
            </div>
          )}
        </Form>
      )}
    </div>
  );
}
