import { useMemo } from 'react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import type { RegistryWidgetsType, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { entityToForm, type FieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { entityForm } from '../model/entity-form';
import { PreviewSectionTemplate } from './preview-section-template';

const templates = { ObjectFieldTemplate: PreviewSectionTemplate };

/** The entity's form exactly as the engine compiles it for the app, updated on every edit. */
export function FormPreview({ app, entity, registry, widgets }: { app: AppDefinition; entity: EntityDefinition; registry: FieldTypeRegistry; widgets: RegistryWidgetsType }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh' ? 'zh' : 'en';
  const layout = entityForm(app, entity['x-name']);
  const form = useMemo(() => {
    try {
      return entityToForm(entity, layout, registry, locale, app.entities) as { schema: RJSFSchema; uiSchema: UiSchema };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [app, entity, layout, registry, locale]);
  return (
    <section className="d-panel d-preview" data-testid="preview" aria-labelledby="d-preview-heading">
      <h2 id="d-preview-heading">{t('preview.heading')}</h2>
      {'error' in form ? (
        <p className="d-error">{form.error}</p>
      ) : (
        <Form key={`${entity['x-name']}-${locale}`} schema={form.schema} uiSchema={form.uiSchema} validator={validator} widgets={widgets} templates={templates} showErrorList={false} noHtml5Validate onSubmit={() => undefined}>
          <button type="submit" className="d-btn">{t('preview.submit')}</button>
        </Form>
      )}
    </section>
  );
}
