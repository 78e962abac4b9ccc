import { getDefaultRegistry } from '@rjsf/core';
import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';

/** Stand-ins for the app's own widgets: same input kind, no server round trips while designing. */
function CurrencyPreview({ id, value, onChange, options, schema }: WidgetProps) {
  // The step of the column's decimals: `x-scale` from the engine's JSON Schema of the field.
  const scale = (schema as Record<string, unknown>)['x-scale'];
  const step = typeof scale === 'number' && Number.isInteger(scale) && scale >= 0 && scale <= 20 ? (10 ** -scale).toFixed(scale) : 'any';
  return (
    <div className="d-affix">
      <input id={id} type="number" step={step} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
      <span>{String(options.currency ?? 'CNY')}</span>
    </div>
  );
}

function PhonePreview({ id, value, onChange }: WidgetProps) {
  return <input id={id} type="tel" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} />;
}

function RelationPreview({ id, options }: WidgetProps) {
  return (
    <select id={id} disabled>
      <option>{String(options.entity ?? '')} …</option>
    </select>
  );
}

/** Preview widgets plus the plugins' real widgets (pure UI, safe to render in the designer). */
export function createPreviewWidgets(pluginWidgets: RegistryWidgetsType = {}): RegistryWidgetsType {
  const rjsf = getDefaultRegistry().widgets;
  const fallbacks: RegistryWidgetsType = {
    url: rjsf.URLWidget, richtext: rjsf.TextareaWidget, multiselect: rjsf.CheckboxesWidget,
    percent: rjsf.UpDownWidget, user: rjsf.TextWidget, readonly: rjsf.TextWidget,
  };
  return { ...fallbacks, currency: CurrencyPreview, phone: PhonePreview, relation: RelationPreview, ...pluginWidgets };
}
