import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { typeChangeOffers, type FieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition, EntityDefinition, FieldDefinition, OnDeletePolicy, SelectOption } from '@tessera/metadata';
import { localize } from '../localize';
import { patchField } from '../model/edit-field';
import { pendingMapping, setPendingMapping } from '../publish/pending-mappings';
import { checkFieldName } from '../model/label-to-name';
import { DefaultInput, parseDefault } from './default-input';
import { checkKeywordValues, type KeywordValues } from './keyword-controls';
import { KeywordForm } from './keyword-form';
import { formKeywords, HAND_MADE_KEYWORDS, typeKeywordSchema } from './type-keyword-schema';
import { helpText } from './help-text';
import { OnDeleteSelect } from './on-delete-select';
import { OnTransferSelect } from './on-transfer-select';
import { BulkCreateEditor } from './bulk-create-editor';
import { bulkCreateChoice, bulkCreateFields, bulkCreateProblem, choiceToBulkCreate, type BulkCreateChoice } from './bulk-create-choice';
import { PersonalCheckbox } from './personal-checkbox';
import { isPersonal, personalKeyword } from './personal-data';
import { choiceToRule, hasWorkflow, transferChoice, transferFields, transferProblem, type TransferChoice } from './transfer-rule';
import { OptionRows } from './option-rows';
import { TypeChangePanel, type ValueMapping } from './type-change-panel';
import { DeleteFieldDialog } from './delete-field-dialog';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const FIELD_EDITOR_KEYWORDS = ['field.x-label', 'field.x-type', 'field.default', 'field.description', 'field.x-readonly', 'field.x-unique', 'field.x-indexed', 'field.x-options', 'field.x-relation.onDelete', 'field.x-relation.onTransfer', 'field.x-relation.bulkCreate', 'field.x-personal', 'entity.required', 'entity.properties'] as const;

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
  /** The draft and the live app: a type change is prechecked against the records of the live one. */
  app?: AppDefinition;
  published?: AppDefinition;
}

/**
 * Edits a field that exists: labels, name (a rename keeps the `x-id`), type (compatible ones
 * only; the publish plan says what happens to existing rows), options, required, unique,
 * indexed and default. Changes reach the draft on Apply, as one undo step.
 */
export function FieldEditor({ name, entity, registry, onApply, onDelete, onClose, app, published }: FieldEditorProps) {
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
  // Help in both languages, like the label; one text (an older field's) is the English one.
  const [description, setDescription] = useState(typeof original.description === 'string' ? original.description : original.description?.en ?? '');
  const [descriptionZh, setDescriptionZh] = useState(typeof original.description === 'object' ? original.description.zh ?? '' : '');
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
  const [transfer, setTransfer] = useState<TransferChoice>(transferChoice(relation?.onTransfer));
  const transferOptions = transferFields(app, entity);
  const transferIssue = relation ? transferProblem(transfer, hasWorkflow(app, entity), transferOptions) : undefined;
  const [bulkCreate, setBulkCreate] = useState<BulkCreateChoice>(bulkCreateChoice(relation?.bulkCreate));
  const bulkCreateIssue = relation ? bulkCreateProblem(bulkCreate) : undefined;
  const [personal, setPersonal] = useState(isPersonal(original['x-type'], original['x-personal']));
  // The planner's own casts decide which types are offered (and which need a value mapping).
  const offers = useMemo(() => typeChangeOffers(registry, original), [registry, original]);
  const offer = offers.find((o) => o.type === type);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [mapping, setMapping] = useState<ValueMapping>(() => (app && pendingMapping(app.name, original['x-id'])) || {});
  const isPublished = Boolean(published?.entities.some((e) => Object.values(e.properties).some((f) => f['x-id'] === original['x-id'])));

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
    ...(transferIssue ? [t(`onTransfer.problems.${transferIssue}`)] : []),
    ...(bulkCreateIssue ? [t(`bulkCreate.problems.${bulkCreateIssue}`)] : []),
  ];

  const build = (): FieldDefinition => {
    const { 'x-options': _o, 'x-unique': _u, 'x-indexed': _i, default: _d, description: _desc, 'x-readonly': _r, 'x-personal': _p, ...rest } = original;
    for (const keyword of [...formKeywords(originalSchema), ...formKeywords(schema)]) delete rest[keyword as keyof typeof rest];
    const field: FieldDefinition = { ...rest, 'x-type': type, 'x-label': { en: labelEn.trim(), ...(labelZh.trim() ? { zh: labelZh.trim() } : {}) }, ...shownKeywords };
    const help = helpText(description, descriptionZh);
    if (help !== undefined) field.description = help;
    if (readOnly) field['x-readonly'] = true;
    const personalValue = personalKeyword(type, personal, original['x-personal']);
    if (personalValue !== undefined) field['x-personal'] = personalValue;
    if (needsOptions) field['x-options'] = cleanOptions;
    if (unique && accepts('x-unique')) field['x-unique'] = true;
    if (indexed && accepts('x-indexed')) field['x-indexed'] = true;
    if (parsedDefault.ok && parsedDefault.value !== undefined) field.default = parsedDefault.value;
    // Restrict is the default: left implicit unless the field said so, so an untouched field shows no diff.
    if (relation) {
      const { onTransfer: _t, bulkCreate: _b, ...kept } = relation;
      const onTransfer = choiceToRule(transfer, relation.onTransfer);
      const bulk = choiceToBulkCreate(bulkCreate);
      field['x-relation'] = { ...kept, ...(deletePolicy !== 'restrict' || relation.onDelete ? { onDelete: deletePolicy } : {}), ...(onTransfer === undefined ? {} : { onTransfer }), ...(bulk ? { bulkCreate: bulk } : {}) };
    }
    return field;
  };
  const apply = () => {
    if (problems.length) return;
    // The mapping is a publish choice, kept until publish (ADR 0035); a type put back drops it.
    if (app) setPendingMapping(app.name, original['x-id'], offer?.mapping && type !== original['x-type'] ? mapping : undefined);
    onApply({ name: newName, field: build(), required });
  };
  const mappingNeeded = Boolean(offer?.mapping && type !== original['x-type']);
  const candidateKey = mappingNeeded ? JSON.stringify([type, cleanOptions, required]) : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const candidate = useMemo(() => (mappingNeeded && app && isPublished && !problems.length ? patchField(app, entity['x-name'], name, { field: build(), required }) : undefined), [candidateKey, app, isPublished, problems.length]);

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
          {offers.map((o) => <option key={o.type} value={o.type}>{localize(registry.get(o.type).label, i18n.language)}{o.type === original['x-type'] ? '' : o.mapping ? ` ${t('typeChange.withMapping')}` : o.checked ? ` ${t('typeChange.checked')}` : o.lossy ? ` ${t('typeChange.lossy')}` : ''}</option>)}
        </select>
        {type !== original['x-type'] && <span className="d-hint">{t('editor.typeHint')}</span>}
      </label>
      {mappingNeeded && offer && (
        <TypeChangePanel offer={offer} entity={entity} name={name} original={original} options={cleanOptions} candidate={candidate} mapping={mapping} onChange={setMapping} />
      )}
      <div className="d-flags">
        <label className="d-check"><input type="checkbox" data-testid="edit-required" checked={required} onChange={(e) => setRequired(e.target.checked)} />{t('inspector.required')}</label>
        {accepts('x-unique') && <label className="d-check"><input type="checkbox" data-testid="edit-unique" checked={unique} onChange={(e) => setUnique(e.target.checked)} />{t('editor.unique')}</label>}
        {accepts('x-indexed') && <label className="d-check"><input type="checkbox" data-testid="edit-indexed" checked={indexed} onChange={(e) => setIndexed(e.target.checked)} />{t('editor.indexed')}</label>}
        <label className="d-check"><input type="checkbox" data-testid="edit-readonly" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />{t('editor.readOnly')}</label>
      </div>
      <PersonalCheckbox type={type} checked={personal} testId="edit-personal" onChange={setPersonal} />
      <label className="d-label">{t('editor.description')}<input data-testid="edit-description" value={description} onChange={(e) => setDescription(e.target.value)} /></label>
      <label className="d-label">{t('editor.descriptionZh')}<input data-testid="edit-description-zh" value={descriptionZh} onChange={(e) => setDescriptionZh(e.target.value)} /></label>
      <KeywordForm key={type} schema={schema} values={keywordValues} omit={HAND_MADE_KEYWORDS} problems={keywordProblems} onChange={setKeywordValues} />
      <DefaultInput type={type} options={cleanOptions} value={defaultText} onChange={setDefaultText} />
      {needsOptions && <OptionRows options={options} onChange={setOptions} />}
      {relation && <OnDeleteSelect target={relation.entity} value={deletePolicy} onChange={setDeletePolicy} />}
      {relation && (
        <OnTransferSelect target={localize(app?.entities.find((e) => e['x-name'] === relation.entity)?.['x-label'], i18n.language) || relation.entity} value={transfer} fields={transferOptions} workflow={hasWorkflow(app, entity)}
          labelOf={(f) => localize(entity.properties[f]?.['x-label'], i18n.language) || f} optionsOf={(f) => entity.properties[f]?.['x-options'] ?? []} onChange={setTransfer} />
      )}
      {relation && (
        <BulkCreateEditor parent={localize(app?.entities.find((e) => e['x-name'] === relation.entity)?.['x-label'], i18n.language) || relation.entity} child={localize(entity['x-label'], i18n.language)}
          value={bulkCreate} fields={bulkCreateFields(entity, name, registry)} labelOf={(f) => localize(entity.properties[f]?.['x-label'], i18n.language) || f} onChange={setBulkCreate} />
      )}
      {problems.length > 0 && <ul className="d-problems" data-testid="editor-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      <div className="d-actions">
        <button type="submit" className="d-btn d-btn-primary" data-testid="edit-apply" disabled={problems.length > 0}>{t('editor.apply')}</button>
        <button type="button" className="d-btn" data-testid="edit-close" onClick={onClose}>{t('editor.close')}</button>
        <button type="button" className="d-btn d-btn-danger" data-testid="edit-delete" onClick={() => (app ? setConfirmingDelete(true) : onDelete())}>{t('editor.delete')}</button>
      </div>
      {confirmingDelete && app && (
        <DeleteFieldDialog app={app} entity={entity} name={name} onCancel={() => setConfirmingDelete(false)} onConfirm={() => { setConfirmingDelete(false); onDelete(); }} />
      )}
    </form>
  );
}
