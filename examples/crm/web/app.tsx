// The CRM's end-user app: Tessera's app with the rating plugin's field type and widget.
import { widgets } from '@tessera/plugin-rating/web';
import { mountApp } from '@tessera/runtime/web';
import { pluginFieldTypes } from './plugin-field-types';

mountApp(document.getElementById('root')!, { widgets, fieldTypes: pluginFieldTypes() });
