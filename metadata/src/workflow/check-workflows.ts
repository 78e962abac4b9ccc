import { entityViews, isRecord, stringOr, type Json } from '../validation/app-views';
import { closestName } from '../validation/closest-name';
import { pointerOf } from '../validation/json-pointer';
import { metadataError } from '../validation/metadata-error';
import type { MetadataError } from '../validation/validation-types';
import { checkApproval } from './check-approvals';
import { checkDateTimers } from './check-date-timers';
import { workflowGraph } from './workflow-graph';

/**
 * What the meta-schema cannot say about workflows: the bound entity and state field exist and
 * fit, every target is a state, every state is reachable, and only final states are dead ends.
 * Guards and actions are checked by the engine, which knows the registry.
 */
export function checkWorkflows(app: unknown): MetadataError[] {
  const list = isRecord(app) && Array.isArray(app.workflows) ? app.workflows : [];
  const errors: MetadataError[] = [];
  const entities = new Map(entityViews(app).filter((e) => e.name).map((e) => [e.name!, e]));
  const names = new Set<string>();
  // The workflows record types choose, per entity: a record runs its type's, every other record the one no type names.
  const chosenBy = (entity: string) => {
    const types = entities.get(entity)?.value['x-record-types'];
    const specs = isRecord(types) && isRecord(types.types) ? Object.values(types.types) : [];
    return new Set(specs.map((t) => (isRecord(t) ? stringOr(t.workflow) : undefined)).filter((n): n is string => !!n));
  };
  const defaults = new Map<string, string>();
  list.forEach((wf, index) => {
    if (!isRecord(wf)) return;
    const at = (...segments: (string | number)[]) => pointerOf('workflows', index, ...segments);
    const name = stringOr(wf.name);
    const title = name ? `Workflow "${name}"` : `Workflow #${index + 1}`;
    if (name) {
      if (names.has(name)) errors.push(metadataError('duplicate-workflow-name', at('name'), `Two workflows are named "${name}".`, 'Workflow names must be unique in the app; rename one of them.'));
      names.add(name);
    }
    const entityName = stringOr(wf.entity);
    const entity = entityName ? entities.get(entityName) : undefined;
    if (entityName && !entity) {
      const guess = closestName(entityName, [...entities.keys()]);
      errors.push(metadataError('workflow-entity-missing', at('entity'), `${title} is bound to the entity "${entityName}", which does not exist.`, `${guess ? `Did you mean "${guess}"? ` : ''}Entities in this app: ${[...entities.keys()].join(', ') || '(none)'}.`));
    }
    const machine = isRecord(wf.machine) ? wf.machine : undefined;
    const states = machine && isRecord(machine.states) ? machine.states : {};
    const stateNames = Object.keys(states);
    const stateField = stringOr(wf.stateField);
    if (entity && stateField) {
      const field = entity.fields.find((f) => f.name === stateField);
      if (!name || !chosenBy(entity.name!).has(name)) {
        const other = defaults.get(entity.name!);
        if (other !== undefined) errors.push(metadataError('duplicate-workflow-binding', at('entity'), `${title} is a second workflow of ${entity.title} that no record type runs; each record runs one workflow, and "${other}" already runs for every record.`, `Name it as the workflow of a record type of ${entity.title} (its record types' settings), or bind it to another entity.`));
        else defaults.set(entity.name!, name ?? title);
      }
      if (!field) {
        const guess = closestName(stateField, entity.fields.map((f) => f.name));
        errors.push(metadataError('workflow-state-field-missing', at('stateField'), `${title} stores its state in "${stateField}", but ${entity.title} has no such field.`, `${guess ? `Did you mean "${guess}"? ` : ''}Add a select field whose options are the state names.`));
      } else if (field.value['x-type'] !== 'select') {
        errors.push(metadataError('workflow-state-field-not-select', at('stateField'), `${title} stores its state in ${field.title}, which is a "${String(field.value['x-type'])}" field, not a select.`, 'Use a select field whose options are the state names, so lists, filters and kanban boards can show the state.'));
      } else {
        const options = Array.isArray(field.value['x-options']) ? field.value['x-options'].filter(isRecord).map((o) => stringOr(o.value)) : [];
        for (const s of stateNames) {
          if (!options.includes(s)) errors.push(metadataError('workflow-state-not-option', at('machine', 'states', s), `The state "${s}" of ${title} is not an option of ${field.title}.`, `Add {"value": "${s}", "label": {...}} to its x-options: the record stores the state there.`));
        }
      }
    }
    if (!machine) return;
    const initial = stringOr(machine.initial);
    if (initial && !(initial in states)) {
      const guess = closestName(initial, stateNames);
      errors.push(metadataError('workflow-initial-missing', at('machine', 'initial'), `${title} starts in "${initial}", which is not one of its states.`, `${guess ? `Did you mean "${guess}"? ` : ''}States: ${stateNames.join(', ') || '(none)'}.`));
    }
    const graph = workflowGraph(states as Record<string, Json>);
    for (const edge of graph.edges) {
      if (edge.target in states) continue;
      const guess = closestName(edge.target, stateNames);
      errors.push(metadataError('workflow-target-missing', at('machine', 'states', ...edge.path, 'target'), `${title}: ${edge.description} goes to "${edge.target}", which is not a state.`, `${guess ? `Did you mean "${guess}"? ` : ''}States: ${stateNames.join(', ')}.`));
    }
    if (initial && initial in states) {
      const reached = graph.reachableFrom(initial);
      for (const s of stateNames) {
        if (!reached.has(s)) errors.push(metadataError('workflow-unreachable-state', at('machine', 'states', s), `${title}: no transition leads to the state "${s}" from "${initial}".`, `Add a transition with "target": "${s}", or remove the state.`));
      }
    }
    errors.push(...checkDateTimers(states, entity, title, at));
    for (const s of stateNames) {
      const state = states[s];
      if (isRecord(state)) errors.push(...checkApproval(state, s, entity?.fields.map((f) => f.name), (...rest) => at('machine', 'states', s, ...rest)));
      if (!isRecord(state) || state.type === 'final') continue;
      if (!graph.edges.some((e) => e.from === s && e.target !== s)) {
        errors.push(metadataError('workflow-dead-end', at('machine', 'states', s), `${title}: the state "${s}" has no way out and is not final; records would be stuck there.`, `Add a transition out of "${s}" (under "on" or "after"), or mark it "type": "final".`));
      }
    }
  });
  return errors;
}
