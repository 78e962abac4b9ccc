import { fieldIsSystemGiven, type FieldTypeRegistry } from '@tessera/engine';
import type { BulkCreateSpec, EntityDefinition } from '@tessera/metadata';

/** The editor's state for `x-relation.bulkCreate`: off, or a label and the fields asked once for all. */
export interface BulkCreateChoice {
  on: boolean;
  labelEn: string;
  labelZh: string;
  fields: string[];
}

export const bulkCreateChoice = (spec: BulkCreateSpec | undefined): BulkCreateChoice =>
  spec ? { on: true, labelEn: spec.label.en, labelZh: spec.label.zh ?? '', fields: [...spec.fields] } : { on: false, labelEn: '', labelZh: '', fields: [] };

export function choiceToBulkCreate(choice: BulkCreateChoice): BulkCreateSpec | undefined {
  if (!choice.on) return undefined;
  return { label: { en: choice.labelEn.trim(), ...(choice.labelZh.trim() ? { zh: choice.labelZh.trim() } : {}) }, fields: choice.fields };
}

/** What the action may ask for: the child's fields users fill in, other than the link itself. */
export function bulkCreateFields(entity: EntityDefinition, link: string, registry: FieldTypeRegistry): string[] {
  return Object.entries(entity.properties)
    .filter(([name, field]) => name !== link && !field['x-readonly'] && registry.has(field['x-type']) && !fieldIsSystemGiven(registry.get(field['x-type']), field))
    .map(([name]) => name);
}

export type BulkCreateProblem = 'label' | 'fields';

export function bulkCreateProblem(choice: BulkCreateChoice): BulkCreateProblem | undefined {
  if (!choice.on) return undefined;
  if (!choice.labelEn.trim()) return 'label';
  return choice.fields.length ? undefined : 'fields';
}
