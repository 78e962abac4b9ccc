import { PluginContribution } from './plugin-contribution';
import { useEnabledPlugins, usePluginUi } from './plugin-ui-context';
import type { DashboardCardProps } from './plugin-ui-types';
import { useCapabilities } from '../permissions/capabilities-context';
import { canRead } from '../permissions/app-menu';

/** The dashboard cards of the enabled plugins, after the app's own charts. */
export function PluginDashboardCards() {
  const { dashboardCards = [] } = usePluginUi();
  const enabled = useEnabledPlugins();
  const caps = useCapabilities();
  // A card over entities the user may not read would only show the API's refusal.
  const cards = dashboardCards.filter((c) => enabled?.has(c.plugin) && (c.entities ?? []).every((e) => canRead(caps, e)));
  if (cards.length === 0) return null;
  return (
    <div className="t-plugin-cards" data-testid="plugin-cards">
      {cards.map((c) => (
        <PluginContribution<DashboardCardProps> key={`${c.plugin}/${c.id}`} plugin={c.plugin} id={c.id} title={c.title} kind="card" component={c.component} props={{}} />
      ))}
    </div>
  );
}
