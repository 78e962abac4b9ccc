import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { RegistryWidgetsType } from '@rjsf/utils';
import { builtinFieldTypes, createFieldTypeRegistry, type FieldTypeDefinition } from '@tessera/engine';
import { DesignerShell } from './designer-shell';
import { createI18n } from './i18n/create-i18n';
import { createPreviewWidgets } from './preview/preview-widgets';
import './styles/designer.css';
// Here, not in the lazy workflow chunk: only main.css is linked from the page.
import './workflow/workflow.css';

export interface MountDesignerOptions {
  /** Plugin widgets by `ui:widget` name, used by the live preview. */
  widgets?: RegistryWidgetsType;
  /** Plugin field types: they join the palette beside the built-ins. */
  fieldTypes?: FieldTypeDefinition[];
}

/** Renders the designer into `element`; returns the React root so a host can unmount it. */
export function mountDesigner(element: HTMLElement, options: MountDesignerOptions = {}): Root {
  const registry = createFieldTypeRegistry([...builtinFieldTypes, ...(options.fieldTypes ?? [])]);
  const root = createRoot(element);
  root.render(
    <I18nextProvider i18n={createI18n()}>
      <DesignerShell registry={registry} widgets={createPreviewWidgets(options.widgets)} />
    </I18nextProvider>,
  );
  return root;
}
