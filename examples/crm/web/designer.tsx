// The CRM's designer: the rating plugin's field type joins the palette, its widget the preview.
import { mountDesigner } from '@tessera/designer';
import { widgets } from '@tessera/plugin-rating/web';
import { pluginFieldTypes } from './plugin-field-types';

mountDesigner(document.getElementById('root')!, { widgets, fieldTypes: pluginFieldTypes() });
