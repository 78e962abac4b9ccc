import { useMemo, useState } from 'react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { entityToForm } from '@tessera/engine';
import type { EntityDefinition, LayoutDefinition } from '@tessera/metadata';
import { bulkApi, failedItems, type BulkItemResult } from '../api/bulk-api';
import { useFieldTypeFactsNow } from '../field-types/field-types-context';
import { canCompileValidators } from '../form/can-compile-validators';
import { createWidgets } from '../form/create-widgets';
import { formDataToCreatePayload } from '../form/form-data-to-payload';
import { localizeErrors } from '../form/localize-errors';
import { SectionObjectTemplate } from '../form/section-object-template';
import { localize, toLocale } from '../meta/localize';
import { ErrorBanner } from '../shell/error-banner';
import type { BulkCreateTarget } from './bulk-create-targets';

export interface BulkCreateDialogProps {
  target: BulkCreateTarget;
  entities: readonly EntityDefinition[];
  /** The selected parents' ids: one child each. */
  parentIds: readonly string[];
  onDone: (created: number) => void;
  onCancel: () => void;
}

const templates = { ObjectFieldTemplate: SectionObjectTemplate };

/**
 * "Create one for each" (`x-relation.bulkCreate`): the asked fields once, then one child per
 * selected parent in one all-or-nothing bulk call. Its own chunk: the list page carries no form code.
 */
export default function BulkCreateDialog({ target, entities, parentIds, onDone, onCancel }: BulkCreateDialogProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const { registry } = useFieldTypeFactsNow();
  const widgets = useMemo(() => createWidgets(), []);
  const { child, field, spec } = target;
  const form = useMemo(() => {
    // The child narrowed to the asked fields, in one section: the form asks for nothing else.
    const properties = Object.fromEntries(spec.fields.map((name) => [name, child.properties[name]!]));
    const narrowed = { ...child, properties, required: (child.required ?? []).filter((name) => spec.fields.includes(name)) } as EntityDefinition;
    const layout = { name: `${child['x-name']}-bulk`, kind: 'form', entity: child['x-name'], sections: [{ id: 'values', label: { en: '' }, columns: 1, fields: spec.fields }] } as unknown as LayoutDefinition;
    return entityToForm(narrowed, layout, registry, i18n.language, entities) as { schema: RJSFSchema; uiSchema: UiSchema };
  }, [child, spec, registry, i18n.language, entities]);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [failures, setFailures] = useState<BulkItemResult[]>([]);
  const transformErrors = useMemo(() => localizeErrors(t), [t]);
  const action = localize(spec.label, locale);
  const count = parentIds.length;

  async function create(data: Record<string, unknown>) {
    setBusy(true);
    setError(undefined);
    setFailures([]);
    try {
      const values = formDataToCreatePayload(data, spec.fields);
      await bulkApi.run(child['x-plural'], { create: parentIds.map((id) => ({ ...values, [field]: id })) });
      onDone(count);
    } catch (e) {
      setFailures(failedItems(e));
      setError(t('bulk.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="t-dialog-backdrop" role="presentation">
      <div className="t-dialog t-card" role="dialog" aria-modal="true" aria-labelledby="t-bulk-create-title" data-testid="bulk-create-dialog"
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
        <h3 id="t-bulk-create-title">{t('bulk.createTitle', { action, count })}</h3>
        <p className="t-muted">{t('bulk.createHint', { entity: localize(child['x-label'], locale) })}</p>
        {error && <ErrorBanner message={error} onClose={() => setError(undefined)} />}
        {failures.length > 0 && (
          <ul className="t-bulk-failures" data-testid="bulk-create-failures">
            {failures.map((f) => <li key={f.index}>{f.error?.message}</li>)}
          </ul>
        )}
        <Form
          schema={form.schema}
          uiSchema={form.uiSchema}
          formData={formData}
          formContext={{ locale, formData, entity: child, entities }}
          validator={validator}
          widgets={widgets}
          templates={templates}
          transformErrors={transformErrors}
          showErrorList={false}
          noHtml5Validate
          noValidate={!canCompileValidators()}
          onChange={(e) => setFormData(e.formData as Record<string, unknown>)}
          onSubmit={(e) => void create(e.formData as Record<string, unknown>)}
        >
          <div className="t-form-actions">
            <button type="submit" className="t-btn t-btn-primary" data-testid="bulk-create-confirm" disabled={busy}>{t('bulk.create', { count })}</button>
            <button type="button" className="t-btn" data-testid="bulk-create-cancel" onClick={onCancel}>{t('form.cancel')}</button>
          </div>
        </Form>
      </div>
    </div>
  );
}
