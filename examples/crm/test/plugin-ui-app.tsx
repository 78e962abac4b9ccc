// The example CRM's end-user app plus a test-only plugin panel that throws while rendering, so
// browser-plugin-ui.test.ts can show one broken plugin leaves the page working. Bundled by that test.
import { mountApp, type PluginUi } from '@tessera/runtime/web';
import { pluginFieldTypes } from '../web/plugin-field-types';
import { pluginUi } from '../web/plugin-ui';
import { pluginWidgets } from '../web/plugin-widgets';

function BrokenPanel(): never {
  throw new Error('this panel is broken on purpose');
}

const boomUi: PluginUi = {
  recordPanels: [{ plugin: '@test/plugin-boom', id: 'boom', title: { en: 'Broken panel', zh: '出错的面板' }, entities: ['customer'], component: BrokenPanel }],
};

mountApp(document.getElementById('root')!, { widgets: pluginWidgets, fieldTypes: pluginFieldTypes(), plugins: [...pluginUi, boomUi] });
