/** Props every admin picker passes through to its `<select>` (label wiring and error state). */
export interface SelectAria {
  id?: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A `<select>` whose first option, `noneLabel`, means null: the admin screens' optional references. */
export function NullableSelect({ choices, value, onChange, noneLabel, ...aria }: SelectAria & {
  choices: readonly { value: string; label: string }[];
  value: string | null;
  onChange: (id: string | null) => void;
  noneLabel: string;
}) {
  return (
    <select {...aria} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{noneLabel}</option>
      {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
    </select>
  );
}
