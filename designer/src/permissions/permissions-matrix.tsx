import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_ROLE, PERMISSION_ACTIONS, type AppDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { addRole, setFieldAccess, setScope, toggleAction, toggleAllActions } from '../model/edit-permissions';
import { FieldAccessGrid } from './field-access-grid';
import { setRoleLabel } from './role-label';
import { scopeChoices, scopeOf, scopeValue } from './scope-choices';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const PERMISSIONS_MATRIX_KEYWORDS = ['app.permissions', 'permission.roles', 'permission.roles.*.entities', 'permission.roles.*.entities.*.actions', 'permission.roles.*.entities.*.scope', 'permission.roles.*.entities.*.scope.parent', 'permission.roles.*.label'] as const;

const ROLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Roles × entities × actions for the draft's `permissions`: one role at a time, a checkbox per
 * action, the data scope per entity (also "through" a parent relation) and, for the chosen entity, field-level access. Edits are
 * ordinary draft edits, so they undo, diff and publish like any other change.
 */
export function PermissionsMatrix({ app, onChange }: { app: AppDefinition; onChange: (app: AppDefinition) => void }) {
  const { t, i18n } = useTranslation();
  const roles = Object.entries(app.permissions?.roles ?? {});
  const [role, setRole] = useState(roles[0]?.[0] ?? '');
  const [entityName, setEntityName] = useState<string>();
  const [newRole, setNewRole] = useState('');
  const current = app.permissions?.roles[role];
  const entity = app.entities.find((e) => e['x-name'] === entityName);
  const roleProblem = newRole && (!ROLE_NAME.test(newRole) || newRole === ADMIN_ROLE || app.permissions?.roles[newRole]);

  return (
    <main className="d-permissions" data-testid="permissions-page">
      <section className="d-panel" aria-labelledby="d-perm-heading">
        <h2 id="d-perm-heading">{t('permissions.heading')}</h2>
        <p className="d-hint">{app.permissions ? t('permissions.hint') : t('permissions.none')}</p>
        <div className="d-perm-bar">
          <label className="d-label">
            {t('permissions.role')}
            <select data-testid="perm-role" value={role} onChange={(e) => setRole(e.target.value)}>
              {roles.map(([name, def]) => <option key={name} value={name}>{localize(def.label, i18n.language)} ({name})</option>)}
            </select>
          </label>
          <label className="d-label">
            {t('permissions.newRole')}
            <input data-testid="perm-new-role" value={newRole} placeholder="sales_ops" aria-invalid={Boolean(roleProblem)} onChange={(e) => setNewRole(e.target.value.trim())} />
          </label>
          <button type="button" className="d-btn" data-testid="perm-add-role" disabled={!newRole || Boolean(roleProblem)}
            onClick={() => { onChange(addRole(app, newRole, { en: newRole })); setRole(newRole); setNewRole(''); }}>+ {t('permissions.addRole')}</button>
        </div>
        {current && (
          <div className="d-row" data-testid="perm-role-label">
            <label className="d-label">{t('roleLabels.en')} <input data-testid="perm-role-label-en" value={current.label.en} onChange={(e) => onChange(setRoleLabel(app, role, { ...current.label, en: e.target.value }))} /></label>
            <label className="d-label">{t('roleLabels.zh')} <input data-testid="perm-role-label-zh" value={current.label.zh ?? ''} onChange={(e) => onChange(setRoleLabel(app, role, { ...current.label, zh: e.target.value }))} /></label>
            <span className="d-hint">{t('roleLabels.hint')}</span>
          </div>
        )}
        {current && (
          <table className="d-matrix" data-testid="perm-matrix">
            <thead>
              <tr>
                <th scope="col">{t('permissions.entity')}</th>
                {PERMISSION_ACTIONS.map((a) => <th key={a} scope="col">{t(`permissions.actions.${a}`)}</th>)}
                <th scope="col">{t('permissions.all')}</th>
                <th scope="col">{t('permissions.scope')}</th>
                <th scope="col"><span className="d-sr-only">{t('permissions.fields')}</span></th>
              </tr>
            </thead>
            <tbody>
              {app.entities.map((e) => {
                const name = e['x-name'];
                const perm = current.entities[name];
                const label = localize(e['x-label'], i18n.language);
                const scope = scopeValue(perm?.scope);
                return (
                  <tr key={name}>
                    <th scope="row">{label}</th>
                    {PERMISSION_ACTIONS.map((a) => (
                      <td key={a}>
                        <input type="checkbox" data-testid={`perm-${name}-${a}`} aria-label={t('permissions.toggle', { action: t(`permissions.actions.${a}`), entity: label })}
                          checked={Boolean(perm?.actions.includes(a))} onChange={() => onChange(toggleAction(app, role, name, a))} />
                      </td>
                    ))}
                    <td>
                      <input type="checkbox" data-testid={`perm-${name}-all`} aria-label={t('permissions.allOf', { entity: label })}
                        checked={PERMISSION_ACTIONS.every((a) => perm?.actions.includes(a))} onChange={() => onChange(toggleAllActions(app, role, name))} />
                    </td>
                    <td>
                      <select data-testid={`perm-scope-${name}`} aria-label={t('permissions.scopeOf', { entity: label })} value={scope} disabled={!perm}
                        onChange={(ev) => onChange(setScope(app, role, name, scopeOf(ev.target.value)))}>
                        {scopeChoices(e).map((c) => <option key={c.value} value={c.value}>{c.relation ? t('permissions.scopes.parent', { relation: localize(c.relation, i18n.language) }) : t(`permissions.scopes.${c.value}`)}</option>)}
                        {scope === 'expression' && <option value="expression" disabled>{t('permissions.scopes.expression')}</option>}
                        {scope.startsWith('parent:') && !scopeChoices(e).some((c) => c.value === scope) && <option value={scope} disabled>{t('permissions.scopes.parent', { relation: scope.slice('parent:'.length) })}</option>}
                      </select>
                    </td>
                    <td><button type="button" className="d-btn d-btn-ghost" data-testid={`perm-fields-open-${name}`} aria-pressed={entityName === name} onClick={() => setEntityName(entityName === name ? undefined : name)}>{t('permissions.fields')}</button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {current && entity && (
        <FieldAccessGrid entity={entity} permission={current.entities[entity['x-name']]} onChange={(field, access) => onChange(setFieldAccess(app, role, entity['x-name'], field, access))} />
      )}
    </main>
  );
}
