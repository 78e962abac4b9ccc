import { entityViews, isRecord, layoutViews, stringOr } from './app-views';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/**
 * The field types a public form can ask a stranger for: plain values with an HTML input.
 * Relations, users, files and computed types would need the app's data or a signed-in user.
 */
export const PUBLIC_FORM_FIELD_TYPES = ['text', 'textarea', 'email', 'phone', 'url', 'number', 'currency', 'percent', 'date', 'boolean', 'select'] as const;

const eventsOf = (workflow: Record<string, unknown>): Set<string> => {
  const events = new Set<string>();
  const machine = isRecord(workflow.machine) ? workflow.machine : {};
  const states = isRecord(machine.states) ? machine.states : {};
  for (const state of Object.values(states)) if (isRecord(state) && isRecord(state.on)) for (const e of Object.keys(state.on)) events.add(e);
  return events;
};

/** A public form's slug is unique, asks only for plain fields, and its defaults and event exist. */
export function checkPublicForms(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  const entities = new Map(entityViews(app).filter((e) => e.name).map((e) => [e.name!, e]));
  const workflows = isRecord(app) && Array.isArray(app.workflows) ? app.workflows.filter(isRecord) : [];
  const slugs = new Set<string>();
  for (const layout of layoutViews(app)) {
    const form = layout.value.public;
    if (!isRecord(form)) continue;
    const pointer = layout.pointer + pointerOf('public');
    const slug = stringOr(form.slug);
    if (slug) {
      if (slugs.has(slug)) errors.push(metadataError('duplicate-form-slug', pointer + pointerOf('slug'), `Two public forms use the address "${slug}".`, 'Give each public form its own address.'));
      slugs.add(slug);
    }
    const entityName = stringOr(layout.value.entity);
    const entity = entityName ? entities.get(entityName) : undefined;
    if (!entity) continue; // reported by checkLayouts
    const types = new Map(entity.fields.map((f) => [f.name, stringOr(f.value['x-type'])]));
    const sections = Array.isArray(layout.value.sections) ? layout.value.sections : [];
    sections.forEach((section, s) => {
      const fields = isRecord(section) && Array.isArray(section.fields) ? section.fields : [];
      fields.forEach((name, f) => {
        const type = typeof name === 'string' ? types.get(name) : undefined;
        if (type && !(PUBLIC_FORM_FIELD_TYPES as readonly string[]).includes(type)) {
          errors.push(metadataError('public-form-field-unsupported', layout.pointer + pointerOf('sections', s, 'fields', f), `${capitalize(layout.title)} is a public form and shows the field "${name}" of type ${type}, which a visitor cannot fill in.`, `Public forms can ask for: ${PUBLIC_FORM_FIELD_TYPES.join(', ')}. Remove the field or set it with "defaults".`));
        }
      });
    });
    for (const name of Object.keys(isRecord(form.defaults) ? form.defaults : {})) {
      if (!types.has(name)) errors.push(metadataError('public-form-default-field-missing', pointer + pointerOf('defaults', name), `${capitalize(layout.title)} gives a default for "${name}", but ${entity.title} has no such field.`, `Its fields: ${[...types.keys()].join(', ')}.`));
    }
    const event = stringOr(form.event);
    if (event) {
      const known = workflows.filter((w) => w.entity === entityName).flatMap((w) => [...eventsOf(w)]);
      if (!known.includes(event)) errors.push(metadataError('public-form-event-missing', pointer + pointerOf('event'), `${capitalize(layout.title)} fires the event "${event}", which no workflow of ${entity.title} has.`, known.length ? `Its events: ${[...new Set(known)].join(', ')}.` : `${capitalize(entity.title)} has no workflow.`));
    }
  }
  return errors;
}
