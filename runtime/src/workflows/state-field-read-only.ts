import type { EntityValidator } from '@tessera/engine';
import type { EntityDefinition, WorkflowDefinition } from '@tessera/metadata';

/**
 * The state field of a workflow moves only through transitions: a plain create or update that
 * names it is refused (422, rule `read-only`), and a new record starts in the initial state.
 */
export function stateFieldReadOnly(validate: EntityValidator, entity: EntityDefinition, workflows: readonly WorkflowDefinition[] = []): EntityValidator {
  const workflow = workflows.find((w) => w.entity === entity['x-name']);
  if (!workflow) return validate;
  const field = workflow.stateField;
  return (data, mode) => {
    const result = validate(data, mode);
    const named = typeof data === 'object' && data !== null && !Array.isArray(data) && Object.hasOwn(data, field);
    const error = { field, rule: 'read-only', message: `is set by the workflow "${workflow.name}"; use its actions to change it` };
    if (named) return { ok: false, errors: [...(result.ok ? [] : result.errors.filter((e) => e.field !== field)), error] };
    if (!result.ok || mode !== 'create') return result;
    return { ok: true, value: { ...result.value, [field]: workflow.machine.initial } };
  };
}
