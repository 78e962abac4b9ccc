import type { AppDefinition, LocalizedText } from '@tessera/metadata';
import { randomSuffix } from './add-field';
import { checkFieldName, labelToName } from './label-to-name';

/** Keywords the designer writes for the author, never asked (read by the keyword coverage test). */
export const ADD_ENTITY_GENERATED_KEYWORDS = ['entity.x-id', 'entity.type', 'layout.name', 'layout.kind', 'layout.entity'] as const;

/** English plural of a snake_case name, good enough for a proposal the user can edit. */
export function pluralize(name: string): string {
  if (!name) return '';
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}

export interface EntityDraft {
  label: LocalizedText;
  name: string;
  plural: string;
}

/** The name and plural proposed for an English label: "Bid item" → bid_item / bid_items. */
export function proposeEntityNames(labelEn: string): { name: string; plural: string } {
  const name = labelToName(labelEn);
  return { name, plural: pluralize(name) };
}

export type EntityNameProblem = 'empty' | 'format' | 'too-long' | 'reserved' | 'taken' | 'plural-taken';

/** Why a new entity cannot take `name`/`plural` in `app` (names and plurals are tables and API paths). */
export function checkEntityNames(app: AppDefinition, name: string, plural: string): { name: EntityNameProblem | null; plural: EntityNameProblem | null } {
  const names = app.entities.map((e) => e['x-name']);
  const plurals = app.entities.map((e) => e['x-plural']);
  const nameProblem = checkFieldName(name, names);
  let pluralProblem: EntityNameProblem | null = checkFieldName(plural, plurals);
  if (!pluralProblem && (plural === name || names.includes(plural))) pluralProblem = 'plural-taken';
  return { name: nameProblem, plural: pluralProblem };
}

/** A new app with an empty entity and its form layout (one section the palette drops into). */
export function addEntity(app: AppDefinition, draft: EntityDraft, random = randomSuffix()): AppDefinition {
  return {
    ...app,
    entities: [...app.entities, { type: 'object', 'x-id': `ent_${draft.name}_${random}`, 'x-name': draft.name, 'x-plural': draft.plural, 'x-label': draft.label, properties: {} }],
    layouts: [...app.layouts, { name: `${draft.name}_form`, kind: 'form', entity: draft.name, sections: [{ id: 'main', label: { en: 'Details', zh: '详细信息' }, columns: 2, fields: [] }] }],
  };
}
