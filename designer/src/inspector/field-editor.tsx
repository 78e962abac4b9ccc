import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldTypeRegistry } from '@tessera/engine';
import type { EntityDefinition, FieldDefinition, OnDeletePolicy, SelectOption } from '@tessera/metadata';
import { localize } from '../localize';
import { compatibleTypes } from '../model/compatible-types';
import { checkFieldName } from '../model/label-to-name';
import { DefaultInput, parseDefault } from './default-input';
import { checkKeywordValues, type KeywordValues } from './keyword-controls';
import { KeywordForm } from './keyword-form';
import { formKeywords, HAND_MADE_KEYWORDS, typeKeywordSchema } from './type-keyword-schema';
import { OnDeleteSelect } from './on-delete-select';
import { OptionRows } from './option-rows';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const FIELD_EDITOR_KEYWORDS = ['field.x-label', 'field.x-type', 'field.default', 'field.description', 'field.x-readonly', 'field.x-unique', 'field.x-indexed', 'field.x-options', 'field.x-relation.onDelete', 'entity.required', 'entity.properties'] as const;

export interface FieldEdit {
  name: string;
  field: FieldDefinition;
  required: boolean;
}

export interface FieldEditorProps {
  name: string;
  entity: EntityDefinition;
  registry: FieldTypeRegistry;
  onApply: (edit: FieldEdit) => void;
  onDelete: () => void;
  onClose: () => void;
}

/**
 * Edits a field that exists: labels, name (a rename keeps the `x-id`), type (compatible ones
 * only; the publish plan says what happens to existing rows), options, required, unique,
 * indexed and default. Changes reach the draft on Apply, as one undo step.
 */
export function FieldEditor({ name, entity, registry, onApply, onDelete, onClose }: FieldEditorProps) {
  const { t, i18n } = useTranslation();
  const original = entity.properties[name];
  const [labelEn, setLabelEn] = useState(original['x-label'].en);
  const [labelZh, setLabelZh] = useState(original['x-label'].zh ?? '');
  const [newName, setNewName] = useState(name);
  const [type, setType] = useState(original['x-type']);
  const [required, setRequired] = useState((entity.required ?? []).includes(name));
  const [unique, setUnique] = useState(Boolean(original['x-unique']));
  const [indexed, setIndexed] = useState(Boolean(original['x-indexed']));
  const [defaultText, setDefaultText] = useState(original.default === undefined ? '' : String(original.default));
  const [options, setOptions] = useState<SelectOption[]>(original['x-options'] ?? []);
  const [description, setDescription] = useState(original.description ?? '');
  const [readOnly, setReadOnly] = useState(Boolean(original['x-readonly']));
  const needsOptions = registry.has(type) && registry.get(type).requiresOptions;
  // The type's own settings (format, decimals, uploads, reminder…) come from its keyword schema.
  const originalSchema = registry.has(original['x-type']) ? typeKeywordSchema(registry.get(original['x-type'])) : { properties: {} };
  const schema = registry.has(type) ? typeKeywordSchema(registry.get(type)) : { properties: {} };
  const accepts = (keyword: string) => keyword in (schema.properties as object);
  const [keywordValues, setKeywordValues] = useState<KeywordValues>(() =>
    Object.fromEntries(formKeywords(originalSchema).filter((k) => original[k as keyof FieldDefinition] !== undefined).map((k) => [k, original[k as keyof FieldDefinition]])));
  const shownKeywords = Object.fromEntries(formKeywords(schema).filter((k) => keywordValues[k] !== undefined).map((k) => [k, keywordValues[k]]));
  const keywordProblems = checkKeywordValues(schema, shownKeywords).filter((p) => !HAND_MADE_KEYWORDS.has(p.path[0]));
  const relation = original['x-relation']?.kind === 'many-to-one' ? original['x-relation'] : undefined;
  const [deletePolicy, setDeletePolicy] = useState<OnDeletePolicy>(relation?.onDelete ?? 'restrict');

  const nameProblem = checkFieldName(newName, Object.keys(entity.properties).filter((n) => n !== name));
  const cleanOptions = options.filter((o) => o.value.trim()).map((o) => ({ value: o.value.trim(), label: { ...o.label, en: o.label.en.trim() || o.value.trim() } }));
  const parsedDefault = parseDefault(defaultText, type, cleanOptions);
  const problems = [
    ...(!labelEn.trim() ? [t('inspector.problems.labelEn')] : []),
    ...(nameProblem ? [t(`inspector.problems.${nameProblem}`, { name: newName })] : []),
    ...(needsOptions && !cleanOptions.length ? [t('inspector.problems.options')] : []),
    ...(parsedDefault.ok ? [] : [t('inspector.problems.default')]),
    ...(keywordProblems.length ? [t('keywords.problems.summary')] : []),
    ...(relation && deletePolicy === 'set-null' && required ? [t('onDelete.problemRequired')] : []),
  ];

  const apply = () => {
    if (problems.length) return;
    const { 'x-options': _o, 'x-unique': _u, 'x-indexed': _i, default: _d, description: _desc, 'x-readonly': _r, ...rest } = original;
    for (const keyword of [...formKeywords(originalSchema), ...formKeywords(schema)]) delete rest[keyword as keyof typeof rest];
    const field: FieldDefinition = { ...rest, 'x-type': type, 'x-label': { en: labelEn.trim(), ...(labelZh.trim() ? { zh: labelZh.trim() } : {}) }, ...shownKeywords };
    if (description.trim()) field.description = description.trim();
    if (readOnly) field['x-readonly'] = true;
    if (needsOptions) field['x-options'] = cleanOptions;
    if (unique && accepts('x-unique')) field['x-unique'] = true;
    if (indexed && accepts('x-indexed')) field['x-indexed'] = true;
    if (parsedDefault.ok && parsedDefault.value !== undefined) field.default = parsedDefault.value;
    // Restrict is the default: left implicit unless the field said so, so an untouched field shows no diff.
    if (relation) field['x-relation'] = { ...relation, ...(deletePolicy !== 'restrict' || relation.onDelete ? { onDelete: deletePolicy } : {}) };
    onApply({ name: newName, field, required });
  };

  return (
    <form className="d-panel d-inspector" data-testid="field-editor" onSubmit={(e) => { e.preventDefault(); apply(); }}>
      <h2>{t('editor.heading', { name })}</h2>
      <label className="d-label">{t('inspector.labelEn')}<input autoFocus data-testid="edit-label-en" value={labelEn} onChange={(e) => setLabelEn(e.target.value)} /></label>
      <label className="d-label">{t('inspector.labelZh')}<input data-testid="edit-label-zh" value={labelZh} onChange={(e) => setLabelZh(e.target.value)} /></label>
      <label className="d-label">{t('inspector.name')}
        <input data-testid="edit-name" spellCheck={false} value={newName} aria-invalid={Boolean(nameProblem)} onChange={(e) => setNewName(e.target.value)} />
        <span className="d-hint">{t('editor.renameHint')}</span>
      </label>
      <label className="d-label">{t('editor.type')}
        <select data-testid="edit-type" value={type} onChange={(e) => setType(e.target.value)}>
          {compatibleTypes(registry, original).map((n) => <option key={n} value={n}>{localize(registry.get(n).label, i18n.language)}</option>)}
        </select>
        {type !== original['x-type'] && <span className="d-hint">{t('editor.typeHint')}</span>}
      </label>
      <div className="d-flags">
        <label className="d-check"><input type="checkbox" data-testid="edit-required" checked={required} onChange={(e) => setRequired(e.target.checked)} />{t('inspector.required')}</label>
        {accepts('x-unique') && <label className="d-check"><input type="checkbox" data-testid="edit-unique" checked={unique} onChange={(e) => setUnique(e.target.checked)} />{t('editor.unique')}</label>}
        {accepts('x-indexed') && <label className="d-check"><input type="checkbox" data-testid="edit-indexed" checked={indexed} onChange={(e) => setIndexed(e.target.checked)} />{t('editor.indexed')}</label>}
        <label className="d-check"><input type="checkbox" data-testid="edit-readonly" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />{t('editor.readOnly')}</label>
      </div>
      <label className="d-label">{t('editor.description')}<input data-testid="edit-description" value={description} onChange={(e) => setDescription(e.target.value)} /></label>
      <KeywordForm key={type} schema={schema} values={keywordValues} omit={HAND_MADE_KEYWORDS} problems={keywordProblems} onChange={setKeywordValues} />
      <DefaultInput type={type} options={cleanOptions} value={defaultText} onChange={setDefaultText} />
      {needsOptions && <OptionRows options={options} onChange={setOptions} />}
      {relation && <OnDeleteSelect target={relation.entity} value={deletePolicy} onChange={setDeletePolicy} />}
      {problems.length > 0 && <ul className="d-problems" data-testid="editor-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      <div className="d-actions">
        <button type="submit" className="d-btn d-btn-primary" data-testid="edit-apply" disabled={problems.length > 0}>{t('editor.apply')}</button>
        <button type="button" className="d-btn" data-testid="edit-close" onClick={onClose}>{t('editor.close')}</button>
        <button type="button" className="d-btn d-btn-danger" data-testid="edit-delete" onClick={onDelete}>{t('editor.delete')}</button>
      </div>
    </form>
  );
}
