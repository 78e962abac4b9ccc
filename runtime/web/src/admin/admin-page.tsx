import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { localize, toLocale } from '../meta/localize';
import { ErrorBanner } from '../shell/error-banner';
import { adminApi, type AdminUser, type Department, type Team } from './admin-api';
import { DepartmentsPanel } from './departments-panel';
import { TeamsPanel } from './teams-panel';
import { UsersPanel } from './users-panel';

const TABS = ['users', 'departments', 'teams'] as const;
type Tab = (typeof TABS)[number];

/**
 * `#/_admin`, for admins only (the nav shows it to them; the API refuses everyone else with
 * 403 anyway): users, the department tree and teams, over `/api/admin/*`. A lazy chunk.
 */
export default function AdminPage({ app }: { app: AppDefinition }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const [tab, setTab] = useState<Tab>('users');
  const [data, setData] = useState<{ users: AdminUser[]; departments: Department[]; teams: Team[] }>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(async () => {
    try {
      const [users, departments, teams] = await Promise.all([adminApi.users(), adminApi.departments(), adminApi.teams()]);
      setData({ users, departments, teams });
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => void load(), [load]);

  // The roles the app's permissions define, and admin (which every app has).
  const roles = useMemo(() => [
    { name: 'admin', label: t('admin.adminRole') },
    ...Object.entries(app.permissions?.roles ?? {}).map(([name, role]) => ({ name, label: role.label ? localize(role.label, locale) : name })),
  ], [app, locale, t]);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onTabKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length];
    setTab(next);
    document.getElementById(`admin-tab-${next}`)?.focus();
  };
  const common = { onChanged: load, onError: setError };

  return (
    <div className="t-admin" data-testid="admin-page">
      <h1>{t('admin.title')}</h1>
      {error && <ErrorBanner message={error} onClose={() => setError(undefined)} />}
      {notice && <p className="t-banner t-banner-warn" role="status">{notice}</p>}
      <div role="tablist" aria-label={t('admin.title')} className="t-form-tabs" onKeyDown={onTabKey}>
        {TABS.map((name) => (
          <button key={name} id={`admin-tab-${name}`} type="button" role="tab" aria-selected={tab === name} aria-controls={`admin-panel-${name}`} tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 't-form-tab t-active' : 't-form-tab'} onClick={() => setTab(name)}>{t(`admin.${name}`)}</button>
        ))}
      </div>
      <div role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
        {!data && !error && <p className="t-muted">{t('app.loading')}</p>}
        {data && tab === 'users' && <UsersPanel users={data.users} departments={data.departments} roles={roles} onNotice={setNotice} {...common} />}
        {data && tab === 'departments' && <DepartmentsPanel departments={data.departments} onNotice={setNotice} {...common} />}
        {data && tab === 'teams' && <TeamsPanel teams={data.teams} users={data.users} departments={data.departments} onNotice={setNotice} {...common} />}
      </div>
    </div>
  );
}
