import type { AppDefinition } from '../app/app-types';
import { RESERVED_FIELD_NAMES } from '../entity/entity-types';
import { closestName } from './closest-name';
import { expressionNames } from './field-dependents';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/**
 * A workflow's field guards and approval step conditions read the record's fields by name;
 * one that names a field the entity does not have (deleted, or renamed outside the designer)
 * would silently always fail or always pass. Named with labels: the designer shows them.
 */
export function checkGuardFields(app: unknown): MetadataError[] {
  const a = app as AppDefinition;
  if (!a || !Array.isArray(a.workflows) || !Array.isArray(a.entities)) return [];
  const errors: MetadataError[] = [];
  a.workflows.forEach((workflow, i) => {
    const entity = a.entities.find((e) => e?.['x-name'] === workflow?.entity);
    const states = workflow?.machine?.states;
    if (!entity?.properties || !states || typeof states !== 'object') return;
    const known = [...Object.keys(entity.properties), ...RESERVED_FIELD_NAMES];
    const title = workflow.label?.en ?? workflow.name;
    const check = (expression: unknown, pointer: string, where: string) => {
      if (typeof expression !== 'string') return;
      for (const name of expressionNames(expression)) {
        if (known.includes(name)) continue;
        const guess = closestName(name, Object.keys(entity.properties));
        errors.push(metadataError('workflow-guard-field-missing', pointer, `${where} of workflow "${title}" uses the field "${name}", which ${entity['x-label']?.en ?? entity['x-name']} does not have.`, `${guess ? `Did you mean "${guess}"? ` : ''}Change the condition, or remove it.`));
      }
    };
    for (const [stateName, state] of Object.entries(states)) {
      const stateTitle = state?.label?.en ?? stateName;
      for (const key of ['on', 'after'] as const) {
        for (const [event, transition] of Object.entries(state?.[key] ?? {})) {
          const label = key === 'on' ? (transition as { meta?: { label?: { en: string } } })?.meta?.label?.en ?? event : event;
          check(transition?.guard?.params?.expression, pointerOf('workflows', i, 'machine', 'states', stateName, key, event, 'guard', 'params', 'expression'), `The condition of "${label}" from "${stateTitle}"`);
        }
      }
      (state?.approval?.steps ?? []).forEach((step, k) => {
        check(step?.condition, pointerOf('workflows', i, 'machine', 'states', stateName, 'approval', 'steps', k, 'condition'), `The condition of approval step "${step?.label?.en ?? step?.id}"`);
      });
    }
  });
  return errors;
}
