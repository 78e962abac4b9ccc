import { workflowToMachine, type CompiledWorkflow, type WorkflowRegistry } from '@tessera/engine';
import { entityWorkflows, type AppDefinition, type EntityWorkflows } from '@tessera/metadata';

const cache = new WeakMap<AppDefinition, Map<string, EntityWorkflows<CompiledWorkflow>>>();

/**
 * The app's workflows compiled to machines, grouped by entity `x-name` with the rule that picks
 * a record's workflow (its record type's, else the entity's default); once per published app.
 */
export function compileAppWorkflows(app: AppDefinition, registry: WorkflowRegistry): Map<string, EntityWorkflows<CompiledWorkflow>> {
  let compiled = cache.get(app);
  if (!compiled) {
    const machines = (app.workflows ?? []).map((wf) => workflowToMachine(wf, registry));
    compiled = new Map(app.entities.map((entity) => {
      const own = machines.filter((m) => m.definition.entity === entity['x-name']);
      return [entity['x-name'], entityWorkflows(entity, own, (m) => m.definition.name)] as const;
    }).filter(([, set]) => set.all.length > 0));
    cache.set(app, compiled);
  }
  return compiled;
}
