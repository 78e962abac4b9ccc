// The CRM's end-user app: Tessera's app with the rating and region plugins' field types and
// widgets, and the record panels and dashboard cards of the dedup and lead-scoring plugins.
import { mountApp } from '@tessera/runtime/web';
import { pluginUi } from './plugin-ui';

// The field types and widgets load with the first form: they bring the engine (ajv, jexl), which a list does not need.
const fieldTypes = () => import('./plugin-field-types').then((m) => m.pluginFieldTypes());
const widgets = () => import('./plugin-widgets').then((m) => m.pluginWidgets);
mountApp(document.getElementById('root')!, { widgets, fieldTypes, plugins: pluginUi });
