import type { EntityValidator } from '@tessera/engine';
import { entityWorkflows, type EntityDefinition, type WorkflowDefinition } from '@tessera/metadata';

/**
 * The state field of a workflow moves only through transitions: a plain create or update that
 * names it is refused (422, rule `read-only`), and a new record starts in the initial state of
 * the workflow it runs (its record type's, ADR 0060).
 */
export function stateFieldReadOnly(validate: EntityValidator, entity: EntityDefinition, workflows: readonly WorkflowDefinition[] = []): EntityValidator {
  const own = entityWorkflows(entity, workflows.filter((w) => w.entity === entity['x-name']), (w) => w.name);
  if (own.all.length === 0) return validate;
  const drivers = new Map(own.all.map((w) => [w.stateField, w]));
  return (data, mode) => {
    const result = validate(data, mode);
    const given = typeof data === 'object' && data !== null && !Array.isArray(data) ? [...drivers.keys()].filter((f) => Object.hasOwn(data, f)) : [];
    if (given.length > 0) {
      const errors = given.map((field) => ({ field, rule: 'read-only', message: `is set by the workflow "${drivers.get(field)!.name}"; use its actions to change it` }));
      return { ok: false, errors: [...(result.ok ? [] : result.errors.filter((e) => !given.includes(e.field))), ...errors] };
    }
    if (!result.ok || mode !== 'create') return result;
    const workflow = own.forRecord(result.value as Record<string, unknown>);
    return workflow ? { ok: true, value: { ...result.value, [workflow.stateField]: workflow.machine.initial } } : result;
  };
}
