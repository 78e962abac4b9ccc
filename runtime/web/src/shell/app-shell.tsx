import { lazy, Suspense, useMemo } from 'react';
import type { RegistryWidgetsType } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { FieldTypeDefinition } from '@tessera/engine';
import type { SignedInUser } from '../api/auth-api';
import { boardFields } from '../board/board-field';
import type { LazySource } from '../record/lazy-source';
import { RecordList } from '../list/record-list';
import { useAppMeta } from '../meta/use-app-meta';
import { localize, toLocale } from '../meta/localize';
import { usePendingCount } from '../approvals/use-pending-count';
import { NotificationBell } from '../notifications/notification-bell';
import { ErrorBanner } from './error-banner';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';
import { useHashRoute } from './use-hash-route';

// Code-split: the list is in the main bundle (the first screen); the record page (rjsf, ajv,
// the engine's form compiler), the board (dnd-kit) and the dashboard (recharts) load on demand.
const RecordPage = lazy(() => import('../record/record-page'));
const KanbanBoard = lazy(() => import('../board/kanban-board'));
const DashboardPage = lazy(() => import('../dashboard/dashboard-page'));
const ApprovalsPage = lazy(() => import('../approvals/approvals-page'));
const AdminPage = lazy(() => import('../admin/admin-page'));

export interface AppShellProps {
  fieldTypes: LazySource<readonly FieldTypeDefinition[]>;
  pluginWidgets?: LazySource<RegistryWidgetsType>;
  user: SignedInUser;
  onLogout: () => void;
}

/** Header, navigation and the current screen (list, board, record or dashboard). */
export function AppShell({ fieldTypes, pluginWidgets, user, onLogout }: AppShellProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const { meta, error, refresh } = useAppMeta();
  const [route, navigate] = useHashRoute();
  const app = meta?.app;
  const entity = useMemo(() => (route.dashboard || route.approvals || route.admin ? undefined : app?.entities.find((e) => e['x-plural'] === route.plural) ?? app?.entities[0]), [app, route]);
  const layout = useMemo(() => app?.layouts.find((l) => l.kind === 'form' && l.entity === entity?.['x-name']), [app, entity]);
  const hasBoard = Boolean(app && entity && boardFields(entity, app).length > 0);
  const toList = () => entity && navigate({ plural: entity['x-plural'] });
  const routeKey = JSON.stringify(route);
  const pending = usePendingCount(routeKey);
  const isAdmin = user.roles.includes('admin');

  let screen = null;
  if (app && route.dashboard) screen = <DashboardPage app={app} userId={user.id} />;
  else if (app && route.admin && isAdmin) screen = <AdminPage app={app} />;
  else if (app && route.approvals) screen = <ApprovalsPage app={app} userId={user.id} onChanged={pending.refresh} />;
  else if (app && entity && (route.isNew || route.recordId)) {
    screen = (
      <RecordPage key={`${entity['x-name']}/${route.recordId ?? 'new'}/${JSON.stringify(route.prefill ?? {})}`} entity={entity} entities={app.entities} layout={layout}
        fieldTypes={fieldTypes} pluginWidgets={pluginWidgets} recordId={route.recordId} prefill={route.prefill}
        hasWorkflow={Boolean(app.workflows?.some((w) => w.entity === entity['x-name']))} onDone={toList} app={app} />
    );
  } else if (app && entity && route.board && hasBoard) {
    screen = <KanbanBoard key={entity['x-name']} entity={entity} app={app} userId={user.id} onOpen={(id) => navigate({ plural: entity['x-plural'], recordId: id })} onList={toList} />;
  } else if (entity) {
    screen = (
      <RecordList key={entity['x-name']} entity={entity} userId={user.id} hasBoard={hasBoard} app={app} roles={user.roles}
        onOpen={(id) => navigate({ plural: entity['x-plural'], recordId: id })}
        onNew={() => navigate({ plural: entity['x-plural'], isNew: true })}
        onBoard={() => navigate({ plural: entity['x-plural'], board: true })} />
    );
  }

  return (
    <div className="t-app">
      <header className="t-header">
        <div className="t-brand">
          <span className="t-logo" aria-hidden="true">◆</span>
          <span data-testid="app-title">{app ? localize(app.label, locale) : t('app.title')}</span>
          {meta && <span className="t-badge" data-testid="app-version">{t('app.version', { version: meta.version })}</span>}
        </div>
        <div className="t-header-actions">
          <button type="button" className="t-btn t-btn-ghost" data-testid="app-refresh" onClick={() => void refresh()}>{t('app.refresh')}</button>
          <NotificationBell app={app} routeKey={routeKey} />
          <LanguageSwitch />
          <UserMenu user={user} onLogout={onLogout} />
        </div>
      </header>
      <div className="t-body">
        <nav className="t-nav" aria-label={t('nav.entities')}>
          <a href="#/_dashboard" data-testid="nav-dashboard" className={route.dashboard ? 't-nav-item t-active' : 't-nav-item'}>{t('dashboard.title')}</a>
          <a href="#/_approvals" data-testid="nav-approvals" className={route.approvals ? 't-nav-item t-active' : 't-nav-item'}>
            {t('approvals.title')}
            {pending.count > 0 && <span className="t-count" data-testid="approvals-badge" aria-label={t('approvals.badge', { count: pending.count })}>{pending.more ? `${pending.count}+` : pending.count}</span>}
          </a>
          {isAdmin && <a href="#/_admin" data-testid="nav-admin" className={route.admin ? 't-nav-item t-active' : 't-nav-item'}>{t('admin.nav')}</a>}
          <div className="t-nav-heading">{t('nav.entities')}</div>
          {app?.entities.length === 0 && <p className="t-muted">{t('nav.empty')}</p>}
          {app?.entities.map((e) => (
            <a key={e['x-name']} href={`#/${e['x-plural']}`} data-testid={`nav-${e['x-name']}`} className={e === entity ? 't-nav-item t-active' : 't-nav-item'}>
              {localize(e['x-label-plural'] ?? e['x-label'], locale)}
            </a>
          ))}
        </nav>
        <main className="t-main">
          {error && <ErrorBanner message={t('errors.network', { message: error.message })} />}
          {!meta && !error && <p className="t-muted">{t('app.loading')}</p>}
          <Suspense fallback={<p className="t-muted">{t('app.loading')}</p>}>{screen}</Suspense>
        </main>
      </div>
    </div>
  );
}
