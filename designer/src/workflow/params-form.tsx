import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

const uiSchema: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
// An optional list (e.g. notify's channels) starts absent rather than with one empty item.
const defaults = { arrayMinItems: { populate: 'requiredOnly' as const } };

/**
 * A guard's or action's params as the form its JSON Schema describes (the schema comes from the
 * registry, so plugin guards and actions get a form too). Errors show at the field as you type;
 * publishing checks the same schema.
 */
export function ParamsForm({ id, schema, value, onChange }: { id: string; schema: Record<string, unknown>; value: Record<string, unknown>; onChange: (next: Record<string, unknown>) => void }) {
  return (
    <div className="d-wf-params" data-testid={`${id}-params`}>
      <Form idPrefix={id} schema={schema as RJSFSchema} uiSchema={uiSchema} formData={value} validator={validator} experimental_defaultFormStateBehavior={defaults} liveValidate="onChange" showErrorList={false} noHtml5Validate
        onChange={(e) => onChange((e.formData ?? {}) as Record<string, unknown>)} />
    </div>
  );
}
