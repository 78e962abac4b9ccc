import type { EntityDefinition, WorkflowCallRef } from '@tessera/metadata';
import { defineAction } from './define-action';
import { evaluateExpression, expressionProblem } from './record-expression';
import type { CheckProblem } from './workflow-types';

export interface CreateRecordParams {
  entity: string;
  /** Per field: a literal, `{ "$expr": "<jexl>" }` over the transition's record, or `{ "$created": "<alias>" }`. */
  values?: Record<string, unknown>;
  /** A relation field of the new record that points back to the transition's record. */
  link?: string;
  /** A name later createRecord actions of the same transition use in `{ "$created": name }`. */
  as?: string;
  /** A relation field of the transition's record that is set to the new record (e.g. `converted_customer`). */
  backLink?: string;
}

const ALIAS = '^[a-z][a-z0-9_]{0,62}$';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const exprOf = (v: unknown) => (isObject(v) && Object.keys(v).length === 1 && typeof v.$expr === 'string' ? v.$expr : undefined);
const createdOf = (v: unknown) => (isObject(v) && Object.keys(v).length === 1 && typeof v.$created === 'string' ? v.$created : undefined);

/** Whether `field` of `entity` is a to-one relation to the entity named `to`. */
function pointsTo(entity: EntityDefinition, field: string, to: string): boolean {
  const def = entity.properties[field];
  const rel = def?.['x-relation'] as { entity?: string; kind?: string } | undefined;
  return def?.['x-type'] === 'relation' && rel?.entity === to && rel.kind !== 'many-to-many' && rel.kind !== 'one-to-many';
}

/**
 * Creates a record of another entity in the transition's transaction. Values are literals,
 * jexl (`{ "$expr": "company" }`, evaluated here on the record before the transition, so the
 * effect carries plain data) or the id of a record created earlier in the same transition
 * (`{ "$created": "customer" }`, resolved by the runtime). The runtime validates the result
 * like an API create (422 naming `entity.field`) and owns it to the actor.
 */
export const createRecordAction = defineAction<CreateRecordParams>({
  name: 'createRecord',
  description: 'Create a related record',
  paramsSchema: {
    type: 'object',
    required: ['entity'],
    properties: {
      entity: { type: 'string', minLength: 1 },
      values: { type: 'object' },
      link: { type: 'string', minLength: 1 },
      as: { type: 'string', pattern: ALIAS },
      backLink: { type: 'string', minLength: 1 },
    },
    additionalProperties: false,
  },
  check: ({ entity, values = {}, link, backLink }, { entity: source, entities }) => {
    const target = entities.find((e) => e['x-name'] === entity);
    if (!target) return [{ at: ['entity'], message: `there is no entity "${entity}" to create` }];
    const problems: CheckProblem[] = [];
    for (const [field, value] of Object.entries(values)) {
      if (!(field in target.properties)) problems.push({ at: ['values', field], message: `${entity} has no field "${field}"` });
      const expr = exprOf(value);
      const why = expr !== undefined ? expressionProblem(expr) : undefined;
      if (why) problems.push({ at: ['values', field, '$expr'], message: `the expression "${expr}" does not parse: ${why}` });
      if (isObject(value) && expr === undefined && createdOf(value) === undefined && ('$expr' in value || '$created' in value)) {
        problems.push({ at: ['values', field], message: 'write {"$expr": "<jexl>"} or {"$created": "<alias>"} with nothing else' });
      }
    }
    if (link && !pointsTo(target, link, source['x-name'])) problems.push({ at: ['link'], message: `${entity}.${link} is not a relation to ${source['x-name']}` });
    if (backLink && !pointsTo(source, backLink, entity)) problems.push({ at: ['backLink'], message: `${source['x-name']}.${backLink} is not a relation to ${entity}` });
    return problems;
  },
  resolve: ({ entity, values = {}, link, as, backLink }, ctx) => {
    const resolved: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
      const expr = exprOf(value);
      // An expression that yields nothing (or null: an empty field of the record) leaves the field
      // out, as a form would: a required field then fails validation as required, by name.
      const v = expr !== undefined ? evaluateExpression(expr, ctx) : value;
      if (v !== undefined && !(expr !== undefined && v === null)) resolved[field] = v;
    }
    return [{ kind: 'create-record', entity, values: resolved, ...(link ? { link } : {}), ...(as ? { as } : {}), ...(backLink ? { backLink } : {}) }];
  },
});

/**
 * Problems of `$created` references across one transition's actions: each names the `as` of an
 * EARLIER createRecord, and no alias is given twice. Indexes are the action positions.
 */
export function createdAliasProblems(actions: readonly WorkflowCallRef[]): { index: number; at: (string | number)[]; message: string }[] {
  const problems: { index: number; at: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  actions.forEach((a, index) => {
    if (a.type !== 'createRecord' || !a.params) return;
    const p = a.params as Partial<CreateRecordParams>;
    for (const [field, value] of Object.entries(isObject(p.values) ? p.values : {})) {
      const alias = createdOf(value);
      if (alias !== undefined && !seen.has(alias)) {
        problems.push({ index, at: ['values', field, '$created'], message: `"${alias}" is not the "as" of an earlier createRecord of this transition${seen.size ? ` (earlier: ${[...seen].join(', ')})` : ''}` });
      }
    }
    if (typeof p.as === 'string') {
      if (seen.has(p.as)) problems.push({ index, at: ['as'], message: `"${p.as}" names an earlier createRecord of this transition already` });
      seen.add(p.as);
    }
  });
  return problems;
}
