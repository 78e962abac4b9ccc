import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryWidgetsType } from '@rjsf/utils';
import type { FieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { FormPreview } from './form-preview';
import { roleEntity, roleView } from './role-capabilities';

const BUTTONS = ['create', 'update', 'delete', 'export', 'import', 'transfer', 'share'] as const;

export interface ViewAsRoleProps {
  app: AppDefinition;
  entity: EntityDefinition;
  registry: FieldTypeRegistry;
  widgets: RegistryWidgetsType;
}

/**
 * "View as role": the draft app as a user holding only the chosen role would see it — the
 * menu, the buttons and workflow events of the entity, which fields are hidden or read-only,
 * and the form without the hidden ones — computed from the draft's permissions with the
 * runtime's own resolver (role-capabilities), before anything is published.
 */
export function ViewAsRole({ app, entity, registry, widgets }: ViewAsRoleProps) {
  const { t, i18n } = useTranslation();
  const roles = [...new Set([...Object.keys(app.permissions?.roles ?? {}), 'admin'])];
  const [role, setRole] = useState('');
  const view = useMemo(() => (role ? roleView(app, role) : undefined), [app, role]);
  const label = (name: string) => localize(app.entities.find((e) => e['x-name'] === name)?.['x-label'] ?? { en: name }, i18n.language);
  const caps = view?.entities[entity['x-name']];
  const restricted = view ? roleEntity(entity, view) : entity;
  return (
    <section className="d-panel" data-testid="view-as-role" aria-labelledby="d-role-heading">
      <h2 id="d-role-heading">{t('viewAsRole.heading')}</h2>
      <label className="d-label">{t('viewAsRole.role')}
        <select data-testid="view-as-role-pick" value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">{t('viewAsRole.none')}</option>
          {roles.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </label>
      {!app.permissions && <p className="d-hint">{t('viewAsRole.noPermissions')}</p>}
      {view && caps && (
        <>
          <h3>{t('viewAsRole.menu')}</h3>
          <ul data-testid="role-menu">
            {view.dashboards.length > 0 && <li data-testid="role-menu-dashboards">{t('viewAsRole.dashboards', { count: view.dashboards.length })}</li>}
            {view.menu.map((name) => <li key={name} data-testid={`role-menu-${name}`}>{label(name)}</li>)}
            {view.menu.length === 0 && <li className="d-hint">{t('viewAsRole.nothing')}</li>}
          </ul>
          <h3>{t('viewAsRole.entity', { entity: label(entity['x-name']) })}</h3>
          {!caps.actions.includes('read') ? <p className="d-hint" data-testid="role-no-access">{t('viewAsRole.noAccess')}</p> : (
            <>
              <p className="d-hint">{t(caps.scope === 'all' ? 'viewAsRole.scopeAll' : 'viewAsRole.scopeSome')}</p>
              <div className="d-actions" data-testid="role-buttons">
                {BUTTONS.filter((b) => caps.actions.includes(b)).map((b) => <span key={b} className="d-chip" data-testid={`role-button-${b}`}>{t(`viewAsRole.buttons.${b}`)}</span>)}
                {(view.events[entity['x-name']] ?? []).map((ev) => <span key={ev} className="d-chip" data-testid={`role-event-${ev}`}>{ev}</span>)}
              </div>
              <ul data-testid="role-fields">
                {Object.entries(entity.properties).map(([name, field]) => {
                  const access = caps.hidden.includes(name) ? 'hidden' : caps.readOnly.includes(name) ? 'read' : 'write';
                  return <li key={name} data-testid={`role-field-${name}`} data-access={access}>{localize(field['x-label'], i18n.language)}: {t(`viewAsRole.access.${access}`)}</li>;
                })}
              </ul>
              <FormPreview app={app} entity={restricted} registry={registry} widgets={widgets} />
            </>
          )}
        </>
      )}
    </section>
  );
}
