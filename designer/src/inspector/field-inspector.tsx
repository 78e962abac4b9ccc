import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldTypeDefinition } from '@tessera/engine';
import type { EntityDefinition, SelectOption } from '@tessera/metadata';
import { localize } from '../localize';
import type { FieldDraft } from '../model/field-draft';
import { checkFieldName, labelToName } from '../model/label-to-name';
import { checkKeywordValues, initialKeywordValues, type KeywordValues } from './keyword-controls';
import { KeywordForm } from './keyword-form';
import { OptionRows } from './option-rows';
import { PersonalCheckbox } from './personal-checkbox';
import { isPersonal, personalKeyword } from './personal-data';
import { HAND_MADE_KEYWORDS, typeKeywordSchema } from './type-keyword-schema';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const FIELD_INSPECTOR_KEYWORDS = ['field.x-label', 'field.x-type', 'field.x-options', 'field.x-relation', 'field.x-relation.entity', 'field.x-personal'] as const;

export interface FieldInspectorProps {
  type: FieldTypeDefinition;
  entity: EntityDefinition;
  entities: readonly EntityDefinition[];
  onAdd: (draft: FieldDraft) => void;
  onCancel: () => void;
}

/**
 * Settings of a field being added: labels in both languages, the name (derived from the
 * English label until the user edits it), required, and the options or relation target the
 * type needs. Add stays disabled while anything would fail metadata validation.
 */
export function FieldInspector({ type, entity, entities, onAdd, onCancel }: FieldInspectorProps) {
  const { t, i18n } = useTranslation();
  const [labelEn, setLabelEn] = useState('');
  const [labelZh, setLabelZh] = useState('');
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [required, setRequired] = useState(false);
  const [options, setOptions] = useState<SelectOption[]>(type.requiresOptions ? [{ value: '', label: { en: '' } }] : []);
  const [relationEntity, setRelationEntity] = useState('');
  const [personal, setPersonal] = useState(isPersonal(type.name, undefined));
  // Keywords the type requires start at its defaults (a file field's size and types), so Add works.
  const schema = typeKeywordSchema(type);
  const [keywords, setKeywords] = useState<KeywordValues>(() => initialKeywordValues(schema));
  const keywordProblems = checkKeywordValues(schema, keywords).filter((p) => !HAND_MADE_KEYWORDS.has(p.path[0]));

  const shownName = nameEdited ? name : labelToName(labelEn);
  const nameProblem = checkFieldName(shownName, Object.keys(entity.properties));
  const problems: string[] = [];
  if (!labelEn.trim()) problems.push(t('inspector.problems.labelEn'));
  if (nameProblem) problems.push(t(`inspector.problems.${nameProblem}`, { name: shownName }));
  const cleanOptions = options.filter((o) => o.value.trim()).map((o) => ({ value: o.value.trim(), label: { ...o.label, en: o.label.en.trim() || o.value.trim() } }));
  if (type.requiresOptions && cleanOptions.length === 0) problems.push(t('inspector.problems.options'));
  if (type.requiresRelation && !relationEntity) problems.push(t('inspector.problems.relation'));
  if (keywordProblems.length) problems.push(t('keywords.problems.summary'));

  const submit = () => {
    if (problems.length) return;
    const personalValue = personalKeyword(type.name, personal);
    const allKeywords = personalValue === undefined ? keywords : { ...keywords, 'x-personal': personalValue };
    onAdd({
      type: type.name,
      name: shownName,
      label: { en: labelEn.trim(), ...(labelZh.trim() ? { zh: labelZh.trim() } : {}) },
      required,
      ...(type.requiresOptions ? { options: cleanOptions } : {}),
      ...(type.requiresRelation ? { relationEntity } : {}),
      ...(Object.keys(allKeywords).length ? { keywords: allKeywords } : {}),
    });
  };

  return (
    <form className="d-panel d-inspector" data-testid="inspector" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <h2>{t('inspector.heading', { type: localize(type.label, i18n.language) })}</h2>
      <label className="d-label">{t('inspector.labelEn')}
        <input autoFocus data-testid="inspector-label-en" value={labelEn} onChange={(e) => setLabelEn(e.target.value)} />
      </label>
      <label className="d-label">{t('inspector.labelZh')}
        <input data-testid="inspector-label-zh" value={labelZh} onChange={(e) => setLabelZh(e.target.value)} />
      </label>
      <label className="d-label">{t('inspector.name')}
        <input data-testid="inspector-name" value={shownName} spellCheck={false} aria-invalid={Boolean(nameProblem)}
          onChange={(e) => { setNameEdited(true); setName(e.target.value); }} />
        <span className="d-hint">{t('inspector.nameHint')}</span>
      </label>
      <label className="d-check">
        <input type="checkbox" data-testid="inspector-required" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        {t('inspector.required')}
      </label>
      {type.requiresOptions && <OptionRows options={options} onChange={setOptions} />}
      {type.requiresRelation && (
        <label className="d-label">{t('inspector.relationTarget')}
          <select data-testid="inspector-relation" value={relationEntity} onChange={(e) => setRelationEntity(e.target.value)}>
            <option value="" />
            {entities.map((e) => <option key={e['x-name']} value={e['x-name']}>{localize(e['x-label'], i18n.language)}</option>)}
          </select>
        </label>
      )}
      <PersonalCheckbox type={type.name} checked={personal} testId="inspector-personal" onChange={setPersonal} />
      <KeywordForm schema={schema} values={keywords} omit={HAND_MADE_KEYWORDS} problems={keywordProblems} onChange={setKeywords} />
      {problems.length > 0 && (labelEn || nameEdited) && (
        <ul className="d-problems" data-testid="inspector-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
      )}
      <div className="d-actions">
        <button type="submit" className="d-btn d-btn-primary" data-testid="inspector-add" disabled={problems.length > 0}>{t('inspector.add')}</button>
        <button type="button" className="d-btn" data-testid="inspector-cancel" onClick={onCancel}>{t('inspector.cancel')}</button>
      </div>
    </form>
  );
}
