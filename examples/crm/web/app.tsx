// The CRM's end-user app: Tessera's app with the rating plugin's field type and widget, and
// the record panels and dashboard cards of the dedup and lead-scoring plugins.
import { widgets } from '@tessera/plugin-rating/web';
import { mountApp } from '@tessera/runtime/web';
import { pluginFieldTypes } from './plugin-field-types';
import { pluginUi } from './plugin-ui';

mountApp(document.getElementById('root')!, { widgets, fieldTypes: pluginFieldTypes(), plugins: pluginUi });
