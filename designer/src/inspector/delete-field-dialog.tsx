import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeDependent, fieldDependents, type AppDefinition, type EntityDefinition } from '@tessera/metadata';
import { localize } from '../localize';

export interface DeleteFieldDialogProps {
  app: AppDefinition;
  entity: EntityDefinition;
  name: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a field is deleted and lists, in the implementer's words, everything in the app
 * that uses it (layouts, views, dashboard cards, rules, formulas, workflows, relations…), from
 * the one dependents index in metadata. Publishing still refuses what the delete leaves broken.
 */
export function DeleteFieldDialog({ app, entity, name, onConfirm, onCancel }: DeleteFieldDialogProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh' ? 'zh' : 'en';
  const label = entity.properties[name]?.['x-label'] ?? { en: name };
  const words = useMemo(
    () => [...new Set(fieldDependents(app, entity['x-name'], name).map((d) => describeDependent(app, d, label, locale)))],
    [app, entity, name, label, locale],
  );
  return (
    <div className="d-modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}>
      <div className="d-modal" role="dialog" aria-modal="true" aria-labelledby="d-delete-title" data-testid="delete-field-dialog">
        <h2 id="d-delete-title">{t('deleteField.title', { label: localize(label, i18n.language) })}</h2>
        {words.length === 0
          ? <p data-testid="delete-field-none">{t('deleteField.none')}</p>
          : (
            <>
              <p>{t('deleteField.used', { count: words.length })}</p>
              <ul data-testid="delete-field-dependents">{words.map((w) => <li key={w}>{w}</li>)}</ul>
              <p className="d-hint">{t('deleteField.hint')}</p>
            </>
          )}
        <p className="d-hint">{t('deleteField.data')}</p>
        <div className="d-actions">
          <button type="button" className="d-btn d-btn-danger" data-testid="delete-field-confirm" onClick={onConfirm}>{t('deleteField.confirm')}</button>
          <button type="button" className="d-btn" data-testid="delete-field-cancel" autoFocus onClick={onCancel}>{t('inspector.cancel')}</button>
        </div>
      </div>
    </div>
  );
}
