import { useTranslation } from 'react-i18next';
import type { JsonSchema } from '@tessera/engine';
import type { LocalizedText } from '@tessera/metadata';
import { localize } from '../localize';
import { controlFor, getKeywordValue, keywordLabel, setKeywordValue, type KeywordProblem, type KeywordValues } from './keyword-controls';

export interface KeywordFormProps {
  /** A field type's `keywordSchema`. */
  schema: JsonSchema;
  values: KeywordValues;
  onChange: (next: KeywordValues) => void;
  /** Keywords a hand-made editor owns (options, relation target, the unique/indexed flags). */
  omit?: ReadonlySet<string>;
  problems?: KeywordProblem[];
}

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
const testId = (path: readonly string[]) => `kw-${path.join('-')}`;
const shown = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * A field type's settings, rendered from the JSON Schema of its keywords (issue 17): numbers,
 * strings, choices, yes/no, lists and nested objects such as `x-file`. Labels and hints come
 * from the schema's localized `x-label`/`x-description`; a default shows as the placeholder.
 */
export function KeywordForm({ schema, values, onChange, omit, problems = [] }: KeywordFormProps) {
  const { i18n } = useTranslation();
  const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).filter(([name]) => !omit?.has(name));
  if (!properties.length) return null;
  return (
    <fieldset className="d-keywords" data-testid="keyword-form">
      {properties.map(([name, child]) => (
        <KeywordInput key={name} path={[name]} schema={child} values={values} onChange={onChange} problems={problems} language={i18n.language} />
      ))}
    </fieldset>
  );
}

function KeywordInput({ path, schema, values, onChange, problems, language }: { path: string[]; schema: JsonSchema; values: KeywordValues; onChange: (next: KeywordValues) => void; problems: KeywordProblem[]; language: string }) {
  const { t } = useTranslation();
  const control = controlFor(schema);
  const name = path[path.length - 1];
  const label = keywordLabel(schema, name, language);
  const hint = localize(schema['x-description'] as LocalizedText | undefined, language);
  const value = getKeywordValue(values, path);
  const set = (next: unknown) => onChange(setKeywordValue(values, path, next));
  const mine = problems.filter((p) => p.path.join('.') === path.join('.'));
  const problemText = mine.map((p) => t(`keywords.problems.${p.code}`, { limit: p.limit })).join(' ');
  const id = testId(path);
  if (!control) return null;
  const placeholder = schema.default === undefined ? undefined : shown(schema.default);
  const after = (
    <>
      {hint && <span className="d-hint">{hint}</span>}
      {problemText && <span className="d-error" data-testid={`${id}-problem`}>{problemText}</span>}
    </>
  );
  switch (control.kind) {
    case 'boolean':
      return (
        <label className="d-check"><input type="checkbox" data-testid={id} checked={value === true} onChange={(e) => set(e.target.checked ? true : undefined)} />{label}{after}</label>
      );
    case 'enum':
      return (
        <label className="d-label">{label}
          <select data-testid={id} value={shown(value)} onChange={(e) => set(e.target.value || undefined)}>
            <option value="">{placeholder ? t('keywords.defaultOption', { value: placeholder }) : '—'}</option>
            {control.values.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>{after}
        </label>
      );
    case 'integer':
    case 'number':
      return (
        <label className="d-label">{label}
          <input type="number" data-testid={id} value={shown(value)} placeholder={placeholder} min={control.min} max={control.max} step={control.kind === 'integer' ? 1 : 'any'}
            aria-invalid={mine.length > 0} onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))} />{after}
        </label>
      );
    case 'string':
      return (
        <label className="d-label">{label}
          {control.multiline
            ? <textarea data-testid={id} value={shown(value)} placeholder={placeholder} spellCheck={false} rows={3} aria-invalid={mine.length > 0} onChange={(e) => set(e.target.value || undefined)} />
            : <input data-testid={id} value={shown(value)} placeholder={placeholder} spellCheck={false} aria-invalid={mine.length > 0} onChange={(e) => set(e.target.value || undefined)} />}
          {after}
        </label>
      );
    case 'string-list':
      // Uncontrolled: "image/*, " must stay as typed while the list is parsed from it.
      return (
        <label className="d-label">{label}
          <input data-testid={id} defaultValue={Array.isArray(value) ? value.join(', ') : ''} placeholder={Array.isArray(schema.default) ? schema.default.join(', ') : undefined} spellCheck={false}
            aria-invalid={mine.length > 0} onChange={(e) => { const items = list(e.target.value); set(items.length ? items : undefined); }} />{after}
        </label>
      );
    case 'string-or-integer':
      return (
        <label className="d-label">{label}
          <input data-testid={id} defaultValue={shown(value)} spellCheck={false} aria-invalid={mine.length > 0}
            onChange={(e) => { const text = e.target.value.trim(); set(text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : text); }} />{after}
        </label>
      );
    case 'object':
      return (
        <fieldset className="d-keyword-group" data-testid={id}>
          <legend>{label}</legend>
          {after}
          {control.children.map((child) => (
            <KeywordInput key={child.name} path={[...path, child.name]} schema={child.schema} values={values} onChange={onChange} problems={problems} language={language} />
          ))}
        </fieldset>
      );
  }
}
