import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition, EntityRule, LayoutDefinition, LocalizedText, PoolDefinition, RecordTypesDefinition, WorkflowDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { IndexesEditor, indexProblems, indexRows, rowsToIndexes, type IndexRow } from './indexes-editor';
import { PoolEditor } from './pool-editor';
import { activitySources, poolProblems } from './pool-settings';
import { RecordTypesEditor } from './record-types-editor';
import { recordTypeProblems } from './record-types-settings';
import { RulesEditor, ruleProblems } from './rules-editor';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const ENTITY_SETTINGS_KEYWORDS = ['entity.x-label', 'entity.x-label-plural', 'entity.x-display-field', 'entity.x-soft-delete', 'entity.description'] as const;

const text = (en: string, zh: string): LocalizedText | undefined => (en.trim() ? { en: en.trim(), ...(zh.trim() ? { zh: zh.trim() } : {}) } : undefined);

/**
 * An entity's own settings (issue 17): labels singular and plural in both languages, the
 * record title field, soft deletion, composite indexes, validation rules and the public pool.
 * Edits stay here until Apply, which makes them one undo step.
 */
export function EntitySettings({ entity, entities, layouts = [], workflows = [], onApply, onClose }: { entity: EntityDefinition; entities: readonly EntityDefinition[]; layouts?: readonly LayoutDefinition[]; workflows?: readonly WorkflowDefinition[]; onApply: (next: EntityDefinition) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [labelEn, setLabelEn] = useState(entity['x-label'].en);
  const [labelZh, setLabelZh] = useState(entity['x-label'].zh ?? '');
  const [pluralEn, setPluralEn] = useState(entity['x-label-plural']?.en ?? '');
  const [pluralZh, setPluralZh] = useState(entity['x-label-plural']?.zh ?? '');
  const [displayField, setDisplayField] = useState(entity['x-display-field'] ?? '');
  const [softDelete, setSoftDelete] = useState(Boolean(entity['x-soft-delete']));
  const [description, setDescription] = useState(entity.description ?? '');
  const [indexes, setIndexes] = useState<IndexRow[]>(indexRows(entity['x-indexes']));
  const [rules, setRules] = useState<EntityRule[]>(entity['x-rules'] ?? []);
  const [pool, setPool] = useState<PoolDefinition | undefined>(entity['x-pool']);
  const [recordTypes, setRecordTypes] = useState<RecordTypesDefinition | undefined>(entity['x-record-types']);
  const fields = Object.keys(entity.properties);
  const dateFields = fields.filter((f) => ['date', 'datetime'].includes(entity.properties[f]['x-type']));
  const sources = activitySources(entities, entity['x-name']);

  const problems = [
    ...(!labelEn.trim() ? [t('entitySettings.problems.labelEn')] : []),
    ...(pluralZh.trim() && !pluralEn.trim() ? [t('entitySettings.problems.pluralEn')] : []),
    ...indexProblems(indexes).map(([n, key]) => t(`entitySettings.problems.${key}`, { n })),
    ...ruleProblems(rules).map(([n, key]) => t(`entitySettings.problems.${key}`, { n })),
    ...poolProblems(pool, sources).map((key) => t(`entitySettings.problems.${key}`)),
    ...recordTypeProblems(entity, recordTypes).map(([key, type]) => t(`entitySettings.problems.${key}`, { type })),
  ];

  const apply = () => {
    if (problems.length) return;
    const { 'x-label-plural': _p, 'x-display-field': _d, 'x-soft-delete': _s, description: _desc, 'x-indexes': _i, 'x-rules': _r, 'x-pool': _pool, 'x-record-types': _types, ...rest } = entity;
    const plural = text(pluralEn, pluralZh);
    onApply({
      ...rest,
      'x-label': text(labelEn, labelZh)!,
      ...(plural ? { 'x-label-plural': plural } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(displayField ? { 'x-display-field': displayField } : {}),
      ...(softDelete ? { 'x-soft-delete': true } : {}),
      ...(indexes.length ? { 'x-indexes': rowsToIndexes(indexes) } : {}),
      ...(rules.length ? { 'x-rules': rules.map((r) => ({ ...r, expr: r.expr.trim(), message: text(r.message.en, r.message.zh ?? '')! })) } : {}),
      ...(pool ? { 'x-pool': pool } : {}),
      ...(recordTypes ? { 'x-record-types': recordTypes } : {}),
    });
  };

  return (
    <form className="d-panel d-inspector" data-testid="entity-settings" onSubmit={(e) => { e.preventDefault(); apply(); }}>
      <h2>{t('entitySettings.heading', { name: localize(entity['x-label'], i18n.language) })}</h2>
      <div className="d-wf-pair">
        <label className="d-label">{t('entitySettings.labelEn')}<input data-testid="entity-settings-label-en" value={labelEn} onChange={(e) => setLabelEn(e.target.value)} /></label>
        <label className="d-label">{t('entitySettings.labelZh')}<input data-testid="entity-settings-label-zh" value={labelZh} onChange={(e) => setLabelZh(e.target.value)} /></label>
      </div>
      <div className="d-wf-pair">
        <label className="d-label">{t('entitySettings.pluralEn')}<input data-testid="entity-settings-plural-en" value={pluralEn} onChange={(e) => setPluralEn(e.target.value)} /></label>
        <label className="d-label">{t('entitySettings.pluralZh')}<input data-testid="entity-settings-plural-zh" value={pluralZh} onChange={(e) => setPluralZh(e.target.value)} /></label>
      </div>
      <span className="d-hint">{t('entitySettings.pluralHint')}</span>
      <label className="d-label">{t('entitySettings.description')}<input data-testid="entity-settings-description" value={description} onChange={(e) => setDescription(e.target.value)} /></label>
      <label className="d-label">{t('entitySettings.displayField')}
        <select data-testid="entity-settings-display-field" value={displayField} onChange={(e) => setDisplayField(e.target.value)}>
          <option value="">{t('entitySettings.displayDefault')}</option>
          {fields.map((f) => <option key={f} value={f}>{localize(entity.properties[f]['x-label'], i18n.language)} ({f})</option>)}
        </select>
      </label>
      <label className="d-check"><input type="checkbox" data-testid="entity-settings-soft-delete" checked={softDelete} onChange={(e) => setSoftDelete(e.target.checked)} />{t('entitySettings.softDelete')}</label>
      <IndexesEditor rows={indexes} fields={fields} onChange={setIndexes} />
      <RulesEditor rules={rules} onChange={setRules} />
      <RecordTypesEditor entity={entity} value={recordTypes} layouts={layouts} workflows={workflows} onChange={setRecordTypes} />
      <PoolEditor pool={pool} dateFields={dateFields} sources={sources} entities={entities} onChange={setPool} />
      {problems.length > 0 && <ul className="d-problems" data-testid="entity-settings-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      <div className="d-actions">
        <button type="submit" className="d-btn d-btn-primary" data-testid="entity-settings-apply" disabled={problems.length > 0}>{t('entitySettings.apply')}</button>
        <button type="button" className="d-btn" data-testid="entity-settings-close" onClick={onClose}>{t('entitySettings.close')}</button>
      </div>
    </form>
  );
}
