import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { PluginErrorBoundary } from './plugin-error-boundary';
import { apiFetch, pluginFetch } from './plugin-ui-context';
import type { PluginText } from './plugin-ui-types';

interface Props<P> {
  plugin: string;
  id: string;
  title: PluginText;
  kind: 'panel' | 'card';
  component: ComponentType<P>;
  props: Omit<P, 'locale' | 'fetch' | 'api'>;
}

/** One plugin panel or card: a titled box, its helpers bound to its plugin, and an error boundary around it. */
export function PluginContribution<P>({ plugin, id, title, kind, component: Inner, props }: Props<P>) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh' ? 'zh' : 'en';
  const label = title[locale] || title.en;
  const fallback = <p className="t-error" role="alert" data-testid="plugin-error">{t('plugins.failed', { title: label, plugin })}</p>;
  const all = { ...props, locale, fetch: pluginFetch(plugin), api: apiFetch } as unknown as P & object;
  return (
    <section className={kind === 'panel' ? 't-plugin-panel' : 't-plugin-card'} data-testid={`plugin-${kind}-${id}`}>
      <h3>{label}</h3>
      <PluginErrorBoundary fallback={fallback}>
        <Inner {...all} />
      </PluginErrorBoundary>
    </section>
  );
}
