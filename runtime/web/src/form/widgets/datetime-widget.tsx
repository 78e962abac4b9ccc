import type { WidgetProps } from '@rjsf/utils';
import { isoToLocalInput, localInputToIso } from './datetime-value';

/**
 * Date and time in the user's zone. The schema holds `format: date-time` (UTC ISO); the
 * browser control holds local time without a zone; this widget converts both ways.
 */
export function DateTimeWidget({ id, value, required, disabled, readonly, onChange, onBlur, onFocus, htmlName }: WidgetProps) {
  return (
    <input
      id={id}
      name={htmlName ?? id}
      className="form-control"
      type="datetime-local"
      value={isoToLocalInput(value)}
      required={required}
      disabled={disabled || readonly}
      onChange={(e) => onChange(localInputToIso(e.target.value))}
      onBlur={(e) => onBlur(id, localInputToIso(e.target.value))}
      onFocus={(e) => onFocus(id, localInputToIso(e.target.value))}
    />
  );
}
