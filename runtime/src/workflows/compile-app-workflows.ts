import { workflowToMachine, type CompiledWorkflow, type WorkflowRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';

const cache = new WeakMap<AppDefinition, Map<string, CompiledWorkflow>>();

/** The app's workflows compiled to machines, by entity `x-name`; once per published app object. */
export function compileAppWorkflows(app: AppDefinition, registry: WorkflowRegistry): Map<string, CompiledWorkflow> {
  let compiled = cache.get(app);
  if (!compiled) {
    compiled = new Map((app.workflows ?? []).map((wf) => [wf.entity, workflowToMachine(wf, registry)]));
    cache.set(app, compiled);
  }
  return compiled;
}
