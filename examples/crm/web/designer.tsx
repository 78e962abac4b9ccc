// The CRM's designer: the rating and region plugins' field types join the palette, their widgets the preview.
import { mountDesigner } from '@tessera/designer';
import { pluginFieldTypes } from './plugin-field-types';
import { pluginWidgets } from './plugin-widgets';

mountDesigner(document.getElementById('root')!, { widgets: pluginWidgets, fieldTypes: pluginFieldTypes() });
