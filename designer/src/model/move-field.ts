import type { AppDefinition } from '@tessera/metadata';
import { entityFormIndex } from './entity-form';

/**
 * A new app where the layout section `sectionId` of `entityName`'s form lists `field` at the
 * position of `overField` (drag-to-reorder in the canvas). Unchanged when either is missing.
 */
export function moveField(app: AppDefinition, entityName: string, sectionId: string, field: string, overField: string): AppDefinition {
  const at = entityFormIndex(app, entityName);
  const layouts = app.layouts.map((layout, i) => {
    if (i !== at) return layout;
    return {
      ...layout,
      sections: layout.sections.map((section) => {
        const from = section.fields.indexOf(field);
        const to = section.fields.indexOf(overField);
        if (section.id !== sectionId || from < 0 || to < 0 || from === to) return section;
        const fields = [...section.fields];
        fields.splice(to, 0, ...fields.splice(from, 1));
        return { ...section, fields };
      }),
    };
  });
  return { ...app, layouts };
}
