import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { LabelInputs } from '../views/view-editor-page';
import { SortableList } from '../views/sortable-list';
import { CardEditor } from './card-editor';
import { addCard, addDashboard, moveCard, patchCard, removeCard, removeDashboard, renameDashboard } from './edit-dashboards';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const DASHBOARD_EDITOR_KEYWORDS = ['app.dashboards', 'dashboard.name', 'dashboard.label', 'dashboard.cards', 'dashboard.cards[].id'] as const;

/**
 * Dashboards (issue 8): add a card (chart, entity, measure, grouping, title in English and
 * Chinese), reorder cards by drag and drop, preview a card's numbers. Edits go to the draft
 * app and publish with it. Loaded lazily with its tab.
 */
export default function DashboardEditorPage({ app, onChange }: { app: AppDefinition; onChange: (next: AppDefinition) => void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState(app.dashboards?.[0]?.name);
  const [cardEntity, setCardEntity] = useState(app.entities[0]?.['x-name'] ?? '');
  const dashboard = app.dashboards?.find((d) => d.name === name);
  const both = (key: string, vars: Record<string, string> = {}) => ({ en: t(key, { lng: 'en', ...vars }), zh: t(key, { lng: 'zh', ...vars }) });

  const newDashboard = () => {
    const made = addDashboard(app, both('dashboardEditor.newLabel'));
    onChange(made.app);
    setName(made.name);
  };
  const newCard = () => {
    const entity = app.entities.find((e) => e['x-name'] === cardEntity);
    if (!dashboard || !entity) return;
    const title = { en: localize(entity['x-label-plural'] ?? entity['x-label'], 'en'), zh: localize(entity['x-label-plural'] ?? entity['x-label'], 'zh') };
    onChange(addCard(app, dashboard.name, entity, title).app);
  };

  return (
    <div className="d-page d-views-page" data-testid="dashboards-page">
      <aside className="d-panel">
        <h2>{t('dashboardEditor.heading')}</h2>
        <ul className="d-entities">
          {(app.dashboards ?? []).map((d) => (
            <li key={d.name}>
              <button type="button" className={d.name === name ? 'd-entity d-active' : 'd-entity'} data-testid={`dashboard-${d.name}`} onClick={() => setName(d.name)}>{localize(d.label, i18n.language)}</button>
            </li>
          ))}
        </ul>
        <button type="button" className="d-btn" data-testid="dashboard-new" onClick={newDashboard}>+ {t('dashboardEditor.new')}</button>
      </aside>
      <main className="d-panel d-grow">
        {!dashboard ? <p className="d-hint">{t('dashboardEditor.empty')}</p> : (
          <>
            <h2>{localize(dashboard.label, i18n.language)} <code className="d-muted">{dashboard.name}</code></h2>
            <LabelInputs value={dashboard.label} onChange={(label) => onChange(renameDashboard(app, dashboard.name, label))} testId="dashboard-label" />
            <SortableList ids={dashboard.cards.map((c) => c.id)} testId="dashboard-cards" labels={Object.fromEntries(dashboard.cards.map((c) => [c.id, localize(c.title, i18n.language)]))}
              onMove={(id, over) => onChange(moveCard(app, dashboard.name, id, over))}
              render={(id) => {
                const card = dashboard.cards.find((c) => c.id === id)!;
                return <CardEditor app={app} card={card} onPatch={(patch) => onChange(patchCard(app, dashboard.name, id, patch, app.entities))} onRemove={() => onChange(removeCard(app, dashboard.name, id))} />;
              }} />
            <div className="d-row">
              <label>{t('viewEditor.entity')}{' '}
                <select data-testid="card-new-entity" value={cardEntity} onChange={(e) => setCardEntity(e.target.value)}>
                  {app.entities.map((e) => <option key={e['x-name']} value={e['x-name']}>{localize(e['x-label'], i18n.language)}</option>)}
                </select>
              </label>
              <button type="button" className="d-btn d-btn-primary" data-testid="card-add" onClick={newCard}>+ {t('dashboardEditor.addCard')}</button>
              <span className="d-spacer" />
              <button type="button" className="d-btn d-btn-danger" data-testid="dashboard-remove" onClick={() => { onChange(removeDashboard(app, dashboard.name)); setName(undefined); }}>{t('dashboardEditor.remove')}</button>
            </div>
          </>
        )}
      </main>
    </div>
  );
}
