import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { PublicFormEditor } from './public-form-editor';
import { publicForms, putLayout } from './public-form-draft';

/** The public (web-to-lead) forms of one entity: the list, a new one, and the editor of the one picked. */
export function PublicFormsPanel({ app, entity, onChange, onClose }: { app: AppDefinition; entity: EntityDefinition; onChange: (next: AppDefinition) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  // The layout name being edited, or '' for a new form.
  const [editing, setEditing] = useState<string>();
  const forms = publicForms(app, entity['x-name']);
  const layout = editing ? forms.find((l) => l.name === editing) : undefined;
  const entityLabel = localize(entity['x-label'], i18n.language);
  return (
    <>
      <section className="d-panel" data-testid="public-forms">
        <h2>{t('publicForm.heading', { entity: entityLabel })}</h2>
        <p className="d-hint">{t('publicForm.hint', { entity: entityLabel })}</p>
        {forms.length ? (
          <ul className="d-entities">
            {forms.map((l) => (
              <li key={l.name}>
                <button type="button" className={l.name === editing ? 'd-entity d-active' : 'd-entity'} data-testid={`public-form-${l.public!.slug}`} onClick={() => setEditing(l.name)}>
                  /forms/{l.public!.slug} {l.public!.enabled === false && <span className="d-muted">({t('publicForm.offline')})</span>}
                </button>
              </li>
            ))}
          </ul>
        ) : <p className="d-hint">{t('publicForm.none')}</p>}
        <div className="d-actions">
          <button type="button" className="d-btn" data-testid="public-form-new" onClick={() => setEditing('')}>+ {t('publicForm.new')}</button>
          <button type="button" className="d-btn" data-testid="public-forms-close" onClick={onClose}>{t('publicForm.close')}</button>
        </div>
      </section>
      {editing !== undefined && (editing === '' || layout) && (
        <PublicFormEditor key={editing || 'new'} app={app} entity={entity} layout={layout}
          onApply={(next) => { onChange(putLayout(app, layout?.name, next)); setEditing(next.name); }}
          onRemove={layout ? () => { onChange(putLayout(app, layout.name, undefined)); setEditing(undefined); } : undefined}
          onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}
