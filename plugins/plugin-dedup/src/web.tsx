// The browser side of the plugin: a record panel; the app composes it into mountApp({ plugins }).
import type { PluginUi } from '@tessera/runtime/web';
import { DuplicatesPanel } from './duplicates-panel';

export { DuplicatesPanel, checkQuery } from './duplicates-panel';

export const dedupUi: PluginUi = {
  recordPanels: [{ plugin: '@tessera/plugin-dedup', id: 'duplicates', title: { en: 'Possible duplicates', zh: '疑似重复' }, entities: ['customer'], component: DuplicatesPanel }],
};
