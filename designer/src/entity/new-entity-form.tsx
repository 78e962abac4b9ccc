import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { checkEntityNames, proposeEntityNames, type EntityDraft } from '../model/add-entity';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const NEW_ENTITY_FORM_KEYWORDS = ['entity.x-name', 'entity.x-plural', 'entity.x-label', 'app.entities', 'app.layouts'] as const;

/**
 * Creates an entity from its labels: the name and plural follow the English label until the
 * user edits them, and are checked the way publishing would (format, reserved, taken).
 */
export function NewEntityForm({ app, onCreate, onCancel }: { app: AppDefinition; onCreate: (draft: EntityDraft) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [labelEn, setLabelEn] = useState('');
  const [labelZh, setLabelZh] = useState('');
  const [name, setName] = useState<string>();
  const [plural, setPlural] = useState<string>();
  const proposed = proposeEntityNames(labelEn);
  const shownName = name ?? proposed.name;
  const shownPlural = plural ?? (name === undefined ? proposed.plural : proposeEntityNames(shownName).plural);
  const problems = checkEntityNames(app, shownName, shownPlural);
  const messages = [
    ...(!labelEn.trim() ? [t('entity.problems.labelEn')] : []),
    ...(problems.name ? [t(`entity.problems.${problems.name}`, { name: shownName, what: t('entity.name') })] : []),
    ...(problems.plural ? [t(`entity.problems.${problems.plural}`, { name: shownPlural, what: t('entity.plural') })] : []),
  ];
  const submit = () => {
    if (messages.length) return;
    onCreate({ label: { en: labelEn.trim(), ...(labelZh.trim() ? { zh: labelZh.trim() } : {}) }, name: shownName, plural: shownPlural });
  };
  return (
    <form className="d-panel d-inspector" data-testid="new-entity" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <h2>{t('entity.newHeading')}</h2>
      <label className="d-label">{t('entity.labelEn')}<input autoFocus data-testid="entity-label-en" value={labelEn} onChange={(e) => setLabelEn(e.target.value)} /></label>
      <label className="d-label">{t('entity.labelZh')}<input data-testid="entity-label-zh" value={labelZh} onChange={(e) => setLabelZh(e.target.value)} /></label>
      <label className="d-label">{t('entity.name')}<input data-testid="entity-name" spellCheck={false} value={shownName} onChange={(e) => setName(e.target.value)} /></label>
      <label className="d-label">{t('entity.plural')}<input data-testid="entity-plural" spellCheck={false} value={shownPlural} onChange={(e) => setPlural(e.target.value)} />
        <span className="d-hint">{t('entity.pluralHint')}</span></label>
      {messages.length > 0 && labelEn && <ul className="d-problems" data-testid="entity-problems">{messages.map((m) => <li key={m}>{m}</li>)}</ul>}
      <div className="d-actions">
        <button type="submit" className="d-btn d-btn-primary" data-testid="entity-create" disabled={messages.length > 0}>{t('entity.create')}</button>
        <button type="button" className="d-btn" onClick={onCancel}>{t('inspector.cancel')}</button>
      </div>
    </form>
  );
}
