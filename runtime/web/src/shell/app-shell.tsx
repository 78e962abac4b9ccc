import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { RegistryWidgetsType } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../api/auth-api';
import { boardFields } from '../board/board-field';
import type { LazySource } from '../record/lazy-source';
import { RecordList } from '../list/record-list';
import { useAppMeta } from '../meta/use-app-meta';
import { localize, toLocale } from '../meta/localize';
import { usePendingCount } from '../approvals/use-pending-count';
import { NotificationBell } from '../notifications/notification-bell';
import { GlobalSearchBox } from '../search/global-search-box';
import { ErrorBanner } from './error-banner';
import { AppNav } from './app-nav';
import { useLanding } from './use-landing';
import { appForUser } from '../permissions/entity-for-user';
import { useFieldTypeFacts } from '../field-types/field-types-context';
import { canRead, hasDashboard, safeLanding } from '../permissions/app-menu';
import { CapabilitiesProvider } from '../permissions/capabilities-context';
import { NoAccess } from '../permissions/no-access';
import { useAppCapabilities } from '../permissions/use-app-capabilities';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';
import { useHashRoute } from './use-hash-route';
import { parentOfPrefill } from './parent-of-prefill';

// Code-split: the list is in the main bundle (the first screen); the record page (rjsf, ajv,
// the engine's form compiler), the board (dnd-kit) and the dashboard (recharts) load on demand.
const RecordPage = lazy(() => import('../record/record-page'));
const KanbanBoard = lazy(() => import('../board/kanban-board'));
const DashboardPage = lazy(() => import('../dashboard/dashboard-page'));
const ApprovalsPage = lazy(() => import('../approvals/approvals-page'));
const AdminPage = lazy(() => import('../admin/admin-page'));
const CalendarPage = lazy(() => import('../calendar/calendar-page'));
const ImportPage = lazy(() => import('../import/import-page'));
const PoolPage = lazy(() => import('../pool/pool-page'));
const RecycleBinPage = lazy(() => import('../recycle-bin/recycle-bin-page'));
const ReportsPage = lazy(() => import('../reports/reports-page'));

export interface AppShellProps {
  pluginWidgets?: LazySource<RegistryWidgetsType>;
  user: SignedInUser;
  onLogout: () => void;
}

/**
 * Header, navigation and the current screen (list, board, record or dashboard), each as the
 * signed-in user may see it: the capabilities decide the menu, the landing page, the buttons
 * and the fields (hidden ones removed, read-only ones locked) of every screen below.
 */
export function AppShell({ pluginWidgets, user, onLogout }: AppShellProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const { meta, error, refresh } = useAppMeta();
  const { capabilities: caps, error: capsError } = useAppCapabilities(meta?.version);
  const [route, navigate] = useHashRoute();
  const home = safeLanding(caps?.landing);
  useLanding(route, home);
  // Every screen gets the app as this user meets it: no hidden field anywhere, read-only ones marked
  // (system-given fields too, as the field-type registry says, once its chunk has loaded).
  const facts = useFieldTypeFacts();
  const app = useMemo(() => (meta ? appForUser(meta.app, caps, facts?.systemGiven) : undefined), [meta, caps, facts]);
  const entity = useMemo(() => (route.plural ? app?.entities.find((e) => e['x-plural'] === route.plural) : undefined), [app, route.plural]);
  const layout = useMemo(() => app?.layouts.find((l) => l.kind === 'form' && !l.public && l.entity === entity?.['x-name']), [app, entity]);
  const hasBoard = Boolean(app && entity && boardFields(entity, app).length > 0);
  const toList = () => entity && navigate({ plural: entity['x-plural'] });
  // A record started from a parent's related list ("+ New" on a customer's contacts) goes back to that parent.
  const parent = app && entity && route.isNew ? parentOfPrefill(entity, app.entities, route.prefill) : undefined;
  const afterRecord = () => (parent ? navigate(parent) : toList());
  const routeKey = JSON.stringify(route);
  // Phones: the menu is behind a button; opening a page closes it.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [routeKey]);
  const pending = usePendingCount(routeKey);

  let screen = null;
  if (!app || !caps) screen = null;
  else if (route.dashboard) screen = hasDashboard(app, caps) ? <DashboardPage app={app} userId={user.id} timeZone={meta?.timeZone} /> : <NoAccess home={home} />;
  else if (route.admin) screen = caps.admin ? <AdminPage app={meta!.app} /> : <NoAccess home={home} />;
  else if (route.calendar) screen = <CalendarPage app={app} userId={user.id} timeZone={meta?.timeZone} onOpen={(plural, recordId) => navigate({ plural, recordId })} />;
  else if (route.reports) screen = <ReportsPage app={app} capabilities={caps} userId={user.id} timeZone={meta?.timeZone} reportId={route.reportId} />;
  else if (route.approvals) screen = <ApprovalsPage app={app} userId={user.id} onChanged={pending.refresh} />;
  else if (route.recycleBin) screen = <RecycleBinPage key={route.binOf ?? ''} app={app} capabilities={caps} plural={route.binOf} />;
  else if (route.plural && !entity) screen = <NoAccess missing home={home} />;
  else if (entity && !canRead(caps, entity['x-name'])) screen = <NoAccess what={localize(entity['x-label-plural'] ?? entity['x-label'], locale)} home={home} />;
  else if (entity && route.isNew && !caps.entities[entity['x-name']]?.actions.includes('create')) screen = <NoAccess home={home} />;
  else if (entity && (route.isNew || route.recordId)) {
    screen = (
      <RecordPage key={`${entity['x-name']}/${route.recordId ?? 'new'}/${JSON.stringify(route.prefill ?? {})}`} entity={entity} entities={app.entities} layout={layout}
        pluginWidgets={pluginWidgets} recordId={route.recordId} prefill={route.prefill}
        hasWorkflow={Boolean(app.workflows?.some((w) => w.entity === entity['x-name']))} onDone={afterRecord} app={app} />
    );
  } else if (entity && route.importing) {
    screen = caps.entities[entity['x-name']]?.actions.includes('import') ? <ImportPage key={entity['x-name']} entity={entity} onList={toList} /> : <NoAccess home={home} />;
  } else if (entity && route.pool) {
    screen = <PoolPage key={entity['x-name']} entity={entity} onList={toList} onOpen={(id) => navigate({ plural: entity['x-plural'], recordId: id })} />;
  } else if (entity && route.board && hasBoard) {
    screen = <KanbanBoard key={entity['x-name']} entity={entity} app={app} userId={user.id} onOpen={(id) => navigate({ plural: entity['x-plural'], recordId: id })} onList={toList} />;
  } else if (entity) {
    screen = (
      <RecordList key={entity['x-name']} entity={entity} userId={user.id} hasBoard={hasBoard} app={app}
        onOpen={(id) => navigate({ plural: entity['x-plural'], recordId: id })}
        onNew={() => navigate({ plural: entity['x-plural'], isNew: true })}
        onBoard={() => navigate({ plural: entity['x-plural'], board: true })}
        onImport={() => navigate({ plural: entity['x-plural'], importing: true })}
        onPool={() => navigate({ plural: entity['x-plural'], pool: true })} />
    );
  }

  const failure = error ?? capsError;
  return (
    <CapabilitiesProvider value={caps}>
      <div className="t-app">
        <header className="t-header">
          <div className="t-brand">
            <button type="button" className="t-btn t-btn-ghost t-menu-button" data-testid="menu-toggle" aria-expanded={menuOpen} aria-controls="t-app-nav"
              aria-label={t(menuOpen ? 'nav.close' : 'nav.open')} onClick={() => setMenuOpen((o) => !o)}>☰</button>
            <span className="t-logo" aria-hidden="true">◆</span>
            <span className="t-app-title" data-testid="app-title">{app ? localize(app.label, locale) : t('app.title')}</span>
            {meta && <span className="t-badge" data-testid="app-version">{t('app.version', { version: meta.version })}</span>}
          </div>
          <div className="t-header-actions">
            <GlobalSearchBox app={app} onOpen={(plural, recordId) => navigate({ plural, recordId })} />
            <button type="button" className="t-btn t-btn-ghost" data-testid="app-refresh" onClick={() => void refresh()}>{t('app.refresh')}</button>
            <NotificationBell app={app} routeKey={routeKey} />
            <LanguageSwitch />
            <UserMenu user={user} onLogout={onLogout} />
          </div>
        </header>
        <div className={menuOpen ? 't-body t-menu-open' : 't-body'}>
          <AppNav app={app} capabilities={caps} route={route} current={entity} pending={pending} />
          <main className="t-main">
            {failure && <ErrorBanner message={t('errors.network', { message: failure.message })} />}
            {(!app || !caps) && !failure && <p className="t-muted">{t('app.loading')}</p>}
            <Suspense fallback={<p className="t-muted">{t('app.loading')}</p>}>{screen}</Suspense>
          </main>
        </div>
      </div>
    </CapabilitiesProvider>
  );
}
