import type { WidgetProps } from '@rjsf/utils';

/**
 * A phone number: `type="tel"` brings the phone keypad on mobiles; spaces and dashes the user
 * types for readability are kept as written (the field type's pattern decides validity).
 */
export function PhoneWidget({ id, value, required, disabled, readonly, onChange, onBlur, onFocus, placeholder, htmlName }: WidgetProps) {
  return (
    <input
      id={id}
      name={htmlName ?? id}
      className="form-control"
      type="tel"
      autoComplete="tel"
      placeholder={placeholder || '+86 138 0000 0000'}
      value={value ?? ''}
      required={required}
      disabled={disabled || readonly}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
