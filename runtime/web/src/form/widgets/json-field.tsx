import type { FieldProps, UiSchema, WidgetProps } from '@rjsf/utils';
import { JsonWidget } from './json-widget';

/**
 * The rjsf field of a JSON field type: its schema is `{}` (any JSON), which rjsf has no field
 * for, so the `json` widget the engine names is mounted here as a field of its own.
 */
export function JsonField({ fieldPathId, formData, onChange, onBlur, onFocus, uiSchema, disabled, readonly, registry, schema, name, rawErrors }: FieldProps) {
  const id = fieldPathId.$id;
  const title = String(uiSchema?.['ui:title'] ?? schema.title ?? name);
  const props = {
    id, name, value: formData, disabled, readonly, registry, schema, label: title, options: {}, htmlName: fieldPathId.name ?? id,
    onChange: (value: unknown) => onChange(value, fieldPathId.path), onBlur, onFocus,
  } as unknown as WidgetProps;
  return (
    <div className="form-group field field-json">
      <label className="control-label" htmlFor={id}>{title}</label>
      <JsonWidget {...props} />
      {rawErrors?.map((e) => <p key={e} className="t-field-error">{e}</p>)}
    </div>
  );
}

/** The form's uiSchema with every `ui:widget: json` property drawn by `JsonField`. */
export function withJsonFields(uiSchema: UiSchema): UiSchema {
  const out: UiSchema = { ...uiSchema };
  for (const [key, ui] of Object.entries(uiSchema)) {
    if (ui && typeof ui === 'object' && (ui as UiSchema)['ui:widget'] === 'json') out[key] = { ...(ui as UiSchema), 'ui:field': JsonField };
  }
  return out;
}
