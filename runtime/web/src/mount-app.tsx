import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { RegistryWidgetsType } from '@rjsf/utils';
import { builtinFieldTypes, createFieldTypeRegistry, type FieldTypeDefinition } from '@tessera/engine';
import { AuthGate } from './auth/auth-gate';
import { createWidgets } from './form/create-widgets';
import { createI18n } from './i18n/create-i18n';
import { AppShell } from './shell/app-shell';
import './styles/app.css';

export interface MountAppOptions {
  /** Plugin widgets by `ui:widget` name, e.g. `{ 'rating:stars': StarsWidget }`. */
  widgets?: RegistryWidgetsType;
  /** Plugin field types, registered beside the built-ins (the app composes, see architecture.md). */
  fieldTypes?: FieldTypeDefinition[];
}

/** Renders the end-user app into `element`; returns the React root so a host can unmount it. */
export function mountApp(element: HTMLElement, options: MountAppOptions = {}): Root {
  const registry = createFieldTypeRegistry([...builtinFieldTypes, ...(options.fieldTypes ?? [])]);
  const widgets = createWidgets(options.widgets);
  const i18n = createI18n();
  const root = createRoot(element);
  root.render(
    <I18nextProvider i18n={i18n}>
      <AuthGate>{(user, logout) => <AppShell registry={registry} widgets={widgets} user={user} onLogout={() => void logout()} />}</AuthGate>
    </I18nextProvider>,
  );
  return root;
}
