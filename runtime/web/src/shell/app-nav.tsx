import { useTranslation } from 'react-i18next';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';
import { localize, toLocale } from '../meta/localize';
import { hasDashboard, menuEntities } from '../permissions/app-menu';
import { calendarSources } from '../calendar/calendar-sources';
import { binEntities } from '../recycle-bin/bin-entities';
import type { Route } from './use-hash-route';

export interface AppNavProps {
  app?: AppDefinition;
  capabilities?: Capabilities;
  route: Route;
  /** The entity on screen (highlighted). */
  current?: EntityDefinition;
  pending: { count: number; more: boolean };
}

/**
 * The menu: the dashboard when the user has one, approvals, administration for admins, and the
 * entities they may read. Empty (and `aria-busy`) until the capabilities are known, so it never
 * offers a page that would answer "you may not".
 */
export function AppNav({ app, capabilities, route, current, pending }: AppNavProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const ready = Boolean(app && capabilities);
  const entities = app ? menuEntities(app, capabilities) : [];
  const item = (active: boolean | undefined) => (active ? 't-nav-item t-active' : 't-nav-item');
  return (
    <nav id="t-app-nav" className="t-nav" aria-label={t('nav.entities')} data-testid="app-nav" aria-busy={!ready}>
      {ready && app && hasDashboard(app, capabilities) && <a href="#/_dashboard" data-testid="nav-dashboard" className={item(route.dashboard)}>{t('dashboard.title')}</a>}
      {ready && (
        <a href="#/_approvals" data-testid="nav-approvals" className={item(route.approvals)}>
          {t('approvals.title')}
          {pending.count > 0 && <span className="t-count" data-testid="approvals-badge" aria-label={t('approvals.badge', { count: pending.count })}>{pending.more ? `${pending.count}+` : pending.count}</span>}
        </a>
      )}
      {ready && app && calendarSources(app, capabilities).length > 0 && <a href="#/_calendar" data-testid="nav-calendar" className={item(route.calendar)}>{t('calendar.title')}</a>}
      {ready && entities.length > 0 && <a href="#/_reports" data-testid="nav-reports" className={item(route.reports)}>{t('reports.nav')}</a>}
      {capabilities?.admin && <a href="#/_admin" data-testid="nav-admin" className={item(route.admin)}>{t('admin.nav')}</a>}
      {ready && app && binEntities(app, capabilities).length > 0 && <a href="#/_recycle-bin" data-testid="nav-recycle-bin" className={item(route.recycleBin)}>{t('recycleBin.nav')}</a>}
      <div className="t-nav-heading">{t('nav.entities')}</div>
      {ready && entities.length === 0 && <p className="t-muted" data-testid="nav-empty">{t(app?.entities.length ? 'nav.none' : 'nav.empty')}</p>}
      {entities.map((e) => (
        <a key={e['x-name']} href={`#/${e['x-plural']}`} data-testid={`nav-${e['x-name']}`} className={item(e['x-name'] === current?.['x-name'])}>
          {localize(e['x-label-plural'] ?? e['x-label'], locale)}
        </a>
      ))}
    </nav>
  );
}
