import { entityViews, isRecord, stringOr } from './app-views';
import { closestName } from './closest-name';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/**
 * `x-rules`: ids are unique within the entity (an error names its rule by id) and `fields`
 * name fields of the entity. The expression itself needs jexl and the field types, so the
 * engine checks it (engine/src/validation/check-entity-rules).
 */
export function checkRules(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  for (const entity of entityViews(app)) {
    const rules = entity.value['x-rules'];
    if (!Array.isArray(rules)) continue;
    const fieldNames = entity.fields.map((f) => f.name);
    const seen = new Set<string>();
    rules.forEach((rule, i) => {
      if (!isRecord(rule)) return;
      const id = stringOr(rule.id);
      if (id && seen.has(id)) {
        errors.push(metadataError('duplicate-rule-id', entity.pointer + pointerOf('x-rules', i, 'id'), `${capitalize(entity.title)} has two rules with the id "${id}".`, 'Give each rule its own id; errors name the rule by it.'));
      }
      if (id) seen.add(id);
      if (!Array.isArray(rule.fields)) return;
      rule.fields.forEach((name, j) => {
        if (typeof name !== 'string' || fieldNames.includes(name)) return;
        const guess = closestName(name, fieldNames);
        errors.push(metadataError('rule-field-missing', entity.pointer + pointerOf('x-rules', i, 'fields', j), `The rule "${id ?? i}" of ${entity.title} is about the field "${name}", which does not exist.`, `${guess ? `Did you mean "${guess}"? ` : ''}Its fields: ${fieldNames.join(', ') || '(none)'}.`));
      });
    });
  }
  return errors;
}
