import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { RegistryWidgetsType } from '@rjsf/utils';
import type { FieldTypeDefinition } from '@tessera/engine';
import { AuthGate } from './auth/auth-gate';
import { createI18n } from './i18n/create-i18n';
import { PluginUiProvider } from './plugins/plugin-ui-context';
import { FieldTypesProvider, fieldTypeFactsSource } from './field-types/field-types-context';
import { onceSource } from './record/lazy-source';
import type { PluginUi } from './plugins/plugin-ui-types';
import { AppShell } from './shell/app-shell';
import './styles/app.css';

export interface MountAppOptions {
  /** Plugin widgets by `ui:widget` name, e.g. `{ 'rating:stars': StarsWidget }`, or a loader of them (see `fieldTypes`). */
  widgets?: RegistryWidgetsType | (() => Promise<RegistryWidgetsType>);
  /**
   * Plugin field types, registered beside the built-ins (the app composes, see architecture.md). Pass a
   * loader (`() => import('./plugin-field-types').then(…)`) to keep their engine code off the first screen.
   */
  fieldTypes?: FieldTypeDefinition[] | (() => Promise<FieldTypeDefinition[]>);
  /** Plugin record panels and dashboard cards (each plugin's `./web` entry exports its `PluginUi`). */
  plugins?: readonly PluginUi[];
}

/**
 * Renders the end-user app into `element`; returns the React root so a host can unmount it.
 * The field type registry is built in its own chunk and the form widgets by the record page's, so
 * the first screen does not load the engine or the form machinery.
 */
export function mountApp(element: HTMLElement, options: MountAppOptions = {}): Root {
  const i18n = createI18n();
  // One registry for every screen (filters, forms, cells): the engine's built-ins plus the app's plugin types,
  // built in a chunk of its own the first time a screen asks.
  const fieldTypes = fieldTypeFactsSource(options.fieldTypes);
  const widgets = onceSource<RegistryWidgetsType>(options.widgets, {});
  const root = createRoot(element);
  const ui: PluginUi = {
    recordPanels: (options.plugins ?? []).flatMap((p) => p.recordPanels ?? []),
    dashboardCards: (options.plugins ?? []).flatMap((p) => p.dashboardCards ?? []),
  };
  root.render(
    <I18nextProvider i18n={i18n}>
      <PluginUiProvider value={ui}>
        <FieldTypesProvider value={fieldTypes}>
          <AuthGate>{(user, logout) => <AppShell pluginWidgets={widgets} user={user} onLogout={() => void logout()} />}</AuthGate>
        </FieldTypesProvider>
      </PluginUiProvider>
    </I18nextProvider>,
  );
  return root;
}
