import { useMemo, useState } from 'react';
import type { RegistryWidgetsType } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../api/auth-api';
import type { FieldTypeRegistry } from '@tessera/engine';
import { useAppMeta } from '../meta/use-app-meta';
import { localize, toLocale } from '../meta/localize';
import { RecordForm } from '../records/record-form';
import { RecordList } from '../records/record-list';
import { ErrorBanner } from './error-banner';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';
import { useHashRoute } from './use-hash-route';

export interface AppShellProps {
  registry: FieldTypeRegistry;
  widgets: RegistryWidgetsType;
  user: SignedInUser;
  onLogout: () => void;
}

/** Header, entity navigation and the current screen (list or form) of the end-user app. */
export function AppShell({ registry, widgets, user, onLogout }: AppShellProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const { meta, error, refresh } = useAppMeta();
  const [route, navigate] = useHashRoute();
  const [listKey, setListKey] = useState(0);
  const app = meta?.app;
  const entity = useMemo(() => app?.entities.find((e) => e['x-plural'] === route.plural) ?? app?.entities[0], [app, route.plural]);
  const layout = useMemo(() => app?.layouts.find((l) => l.kind === 'form' && l.entity === entity?.['x-name']), [app, entity]);

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
          <LanguageSwitch />
          <UserMenu user={user} onLogout={onLogout} />
        </div>
      </header>
      <div className="t-body">
        <nav className="t-nav" aria-label={t('nav.entities')}>
          <div className="t-nav-heading">{t('nav.entities')}</div>
          {app?.entities.length === 0 && <p className="t-muted">{t('nav.empty')}</p>}
          {app?.entities.map((e) => (
            <a
              key={e['x-name']}
              href={`#/${e['x-plural']}`}
              data-testid={`nav-${e['x-name']}`}
              className={e === entity ? 't-nav-item t-active' : 't-nav-item'}
            >
              {localize(e['x-label-plural'] ?? e['x-label'], locale)}
            </a>
          ))}
        </nav>
        <main className="t-main">
          {error && <ErrorBanner message={t('errors.network', { message: error.message })} />}
          {!meta && !error && <p className="t-muted">{t('app.loading')}</p>}
          {entity && (route.isNew || route.recordId) ? (
            <RecordForm
              key={`${entity['x-name']}/${route.recordId ?? 'new'}`}
              entity={entity}
              entities={app!.entities}
              layout={layout}
              registry={registry}
              widgets={widgets}
              recordId={route.recordId}
              onDone={() => { setListKey((k) => k + 1); navigate({ plural: entity['x-plural'] }); }}
            />
          ) : entity ? (
            <RecordList
              key={`${entity['x-name']}/${listKey}`}
              entity={entity}
              onOpen={(id) => navigate({ plural: entity['x-plural'], recordId: id })}
              onNew={() => navigate({ plural: entity['x-plural'], isNew: true })}
            />
          ) : null}
        </main>
      </div>
    </div>
  );
}
