import { entityViews, isRecord, layoutViews, stringOr, type EntityView } from './app-views';
import { closestName } from './closest-name';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/** A layout must name an existing entity and place each of that entity's fields at most once. */
export function checkLayouts(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  // A duplicated entity name is reported elsewhere; layouts are checked against the first one.
  const entities = new Map<string, EntityView>();
  for (const e of entityViews(app)) if (e.name && !entities.has(e.name)) entities.set(e.name, e);
  const layoutNames = new Set<string>();
  for (const layout of layoutViews(app)) {
    if (layout.name) {
      if (layoutNames.has(layout.name)) errors.push(metadataError('duplicate-layout-name', layout.pointer + pointerOf('name'), `Two layouts are named "${layout.name}".`, 'Layout names must be unique in the app; rename one of them.'));
      layoutNames.add(layout.name);
    }
    const entityName = stringOr(layout.value.entity);
    const entity = entityName ? entities.get(entityName) : undefined;
    if (entityName && !entity) {
      const guess = closestName(entityName, [...entities.keys()]);
      errors.push(metadataError('layout-entity-missing', layout.pointer + pointerOf('entity'), `${capitalize(layout.title)} arranges the entity "${entityName}", which does not exist.`, `${guess ? `Did you mean "${guess}"? ` : ''}Entities in this app: ${[...entities.keys()].join(', ') || '(none)'}.`));
    }
    const sections = Array.isArray(layout.value.sections) ? layout.value.sections : [];
    const placed = new Set<string>();
    const sectionIds = new Set<string>();
    sections.forEach((section, s) => {
      if (!isRecord(section)) return;
      const sectionPointer = layout.pointer + pointerOf('sections', s);
      const id = stringOr(section.id);
      if (id) {
        if (sectionIds.has(id)) errors.push(metadataError('duplicate-section-id', sectionPointer + pointerOf('id'), `${capitalize(layout.title)} has two sections with the id "${id}".`, 'Give each section its own id.'));
        sectionIds.add(id);
      }
      const fields = Array.isArray(section.fields) ? section.fields : [];
      fields.forEach((name, f) => {
        if (typeof name !== 'string') return;
        const pointer = sectionPointer + pointerOf('fields', f);
        if (placed.has(name)) {
          errors.push(metadataError('duplicate-layout-field', pointer, `${capitalize(layout.title)} shows the field "${name}" twice.`, 'Keep the field in one place only and remove the other.'));
        }
        placed.add(name);
        const fieldNames = entity?.fields.map((x) => x.name);
        if (fieldNames && !fieldNames.includes(name)) {
          const guess = closestName(name, fieldNames);
          errors.push(metadataError('layout-field-missing', pointer, `${capitalize(layout.title)} shows the field "${name}", but ${entity?.title} has no such field.`, `${guess ? `Did you mean "${guess}"? ` : ''}Its fields: ${fieldNames.join(', ')}.`));
        }
      });
      // A condition on a field the section does not show would silently do nothing.
      const conditions = isRecord(section.visibleWhen) ? Object.keys(section.visibleWhen) : [];
      for (const name of conditions.filter((n) => !fields.includes(n))) {
        errors.push(metadataError('layout-field-missing', sectionPointer + pointerOf('visibleWhen', name), `${capitalize(layout.title)} has a visibility condition for "${name}", which this section does not show.`, `Fields of this section: ${fields.join(', ') || '(none)'}.`));
      }
    });
  }
  return errors;
}
