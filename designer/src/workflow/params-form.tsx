import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import type { RJSFSchema, TranslatableString, UiSchema } from '@rjsf/utils';
import { paramsUiSchema, titledChoices } from './params-form-schema';

// An optional list (e.g. notify's channels) starts absent rather than with one empty item.
const defaults = { arrayMinItems: { populate: 'requiredOnly' as const } };

// The generated form's own words that a person reads, by their English text (the form's string
// ids are its English words), in the designer's language. Types only from @rjsf/utils: its
// runtime is loaded with the form alone.
const OWN_WORDS: Record<string, string> = {
  'Add Item': 'pickers.form.addItem',
  Add: 'pickers.form.add',
  Remove: 'pickers.form.remove',
  'Move up': 'pickers.form.moveUp',
  'Move down': 'pickers.form.moveDown',
  Yes: 'filters.yes',
  No: 'filters.no',
  'No items yet. Use the button below to add some.': 'pickers.form.empty',
  'New Value': 'pickers.form.newValue',
  '%1 Key': 'pickers.form.key',
};
const fillIn = (text: string, params?: string[]) => text.replace(/%(\d)/g, (_, n: string) => params?.[Number(n) - 1] ?? '');

/**
 * A guard's or action's params as the form its JSON Schema describes (the schema comes from the
 * registry, so plugin guards and actions get a form too). Errors show at the field as you type;
 * publishing checks the same schema. Untitled choices get titles and list items no "to-1" labels.
 */
export function ParamsForm({ id, schema, value, onChange }: { id: string; schema: Record<string, unknown>; value: Record<string, unknown>; onChange: (next: Record<string, unknown>) => void }) {
  const { t, i18n } = useTranslation();
  const shown = useMemo(() => titledChoices(schema, { text: t('pickers.form.text'), perLanguage: t('pickers.form.perLanguage'), list: t('pickers.form.list'), number: t('pickers.form.number') }),
    [schema, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const uiSchema = useMemo((): UiSchema => ({ ...paramsUiSchema(schema), 'ui:submitButtonOptions': { norender: true } }), [schema]);
  const translateString = (s: TranslatableString, params?: string[]) => (OWN_WORDS[s] ? t(OWN_WORDS[s], { name: params?.[0] ?? '' }) : fillIn(s, params));
  return (
    <div className="d-wf-params" data-testid={`${id}-params`}>
      <Form key={i18n.language} idPrefix={id} schema={shown as RJSFSchema} uiSchema={uiSchema} formData={value} validator={validator} experimental_defaultFormStateBehavior={defaults} liveValidate="onChange" showErrorList={false} noHtml5Validate
        translateString={translateString} onChange={(e) => onChange((e.formData ?? {}) as Record<string, unknown>)} />
    </div>
  );
}
