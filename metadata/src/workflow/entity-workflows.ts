import type { EntityDefinition } from '../entity/entity-types';
import { recordTypeRules } from '../entity/record-types';

/** The records a workflow runs for, as a filter on the record type field. */
export interface WorkflowScope {
  /** The type field (a column of the entity). */
  field: string;
  /** Records of these types run the workflow… */
  types: string[];
  /** …and, for the default workflow, records with no type or one that names no workflow of its own. */
  untyped: boolean;
}

/**
 * Which workflow runs a record (ADR 0060): a record type that names a workflow runs it; every
 * other record runs the entity's default workflow, the one no type names. The server's
 * transitions, timers, sweeps and locks, and the designer, all resolve it here.
 */
export interface EntityWorkflows<W> {
  readonly all: readonly W[];
  forRecord(record: Record<string, unknown>): W | undefined;
  forType(type: string | undefined): W | undefined;
  named(name: string): W | undefined;
  /** The records `workflow` runs for; undefined when it runs for every record of the entity. */
  scope(workflow: W): WorkflowScope | undefined;
}

export function entityWorkflows<W>(entity: Pick<EntityDefinition, 'x-record-types'>, workflows: readonly W[], nameOf: (w: W) => string): EntityWorkflows<W> {
  const rules = recordTypeRules(entity);
  const types = rules ? Object.entries(rules.definition.types) : [];
  const chosen = new Set(types.map(([, spec]) => spec?.workflow).filter((n): n is string => typeof n === 'string'));
  const named = (name: string) => workflows.find((w) => nameOf(w) === name);
  const fallback = workflows.find((w) => !chosen.has(nameOf(w)));
  const forType = (type: string | undefined): W | undefined => {
    const own = type === undefined ? undefined : rules?.spec(type)?.workflow;
    return own !== undefined ? named(own) : fallback;
  };
  return {
    all: workflows,
    forRecord: (record) => forType(rules?.typeOf(record)),
    forType,
    named,
    scope(workflow) {
      if (!rules || chosen.size === 0) return undefined;
      const name = nameOf(workflow);
      if (workflow === fallback) return { field: rules.field, types: types.filter(([, spec]) => spec?.workflow === undefined).map(([key]) => key), untyped: true };
      return { field: rules.field, types: types.filter(([, spec]) => spec?.workflow === name).map(([key]) => key), untyped: false };
    },
  };
}
