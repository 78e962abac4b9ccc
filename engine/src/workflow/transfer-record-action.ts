import { closestName, SYSTEM_FIELDS, type EntityDefinition } from '@tessera/metadata';
import jexl from 'jexl';
import { walkJexlAst } from '../field-types/jexl-ast';
import { defineAction } from './define-action';
import { evaluateExpression } from './record-expression';
import type { CheckProblem } from './workflow-types';

export interface TransferRecordParams {
  /** The entity of the record handed over (e.g. `customer`). */
  entity: string;
  /** `{ "$expr": "<jexl>" }` over the transition's record giving the id of that record (e.g. `customer`). */
  record: { $expr: string };
  /** `{ "$expr": "<jexl>" }` giving the id of the user who receives it (e.g. `new_owner`). */
  to: { $expr: string };
}

const language = new jexl.Jexl();
const expr = { type: 'object', required: ['$expr'], properties: { $expr: { type: 'string', minLength: 1, maxLength: 2000 } }, additionalProperties: false };
/** What an action expression sees besides the record's fields (record-expression). */
const SCOPE_NAMES = new Set(['$form', '$user', '$now', 'null', 'true', 'false']);

/** The fields an expression reads of the record (root identifiers), or why it does not parse. */
function readFields(expression: string): { fields: string[] } | { error: string } {
  let ast: unknown;
  try {
    ast = language.compile(expression)._getAst();
  } catch (err) {
    return { error: (err as Error).message };
  }
  const fields = new Set<string>();
  walkJexlAst(ast, (node) => {
    if (node.type === 'Identifier' && !node.from && !node.relative && !SCOPE_NAMES.has(String(node.value))) fields.add(String(node.value));
  });
  return { fields: [...fields] };
}

const isTo = (def: EntityDefinition['properties'][string] | undefined, entity: string) => {
  const rel = def?.['x-relation'] as { entity?: string; kind?: string } | undefined;
  return def?.['x-type'] === 'relation' && rel?.entity === entity && rel.kind === 'many-to-one';
};

/**
 * Problems of one expression param: it parses, and every field it reads is a field of the
 * workflow's entity; when it is just one field, that field must be of the right kind (`fits`).
 */
function expressionProblems(name: 'record' | 'to', expression: string, source: EntityDefinition, fits: (field: string) => string | undefined): CheckProblem[] {
  const read = readFields(expression);
  const at = [name, '$expr'];
  if ('error' in read) return [{ at, message: `the expression "${expression}" does not parse: ${read.error}` }];
  const names = [...Object.keys(source.properties), ...SYSTEM_FIELDS];
  const problems: CheckProblem[] = read.fields
    .filter((f) => !names.includes(f))
    .map((f) => {
      const guess = closestName(f, names);
      return { at, message: `"${f}" is not a field of ${source['x-name']}${guess ? ` (did you mean "${guess}"?)` : ''}` };
    });
  if (problems.length === 0 && read.fields.length === 1 && read.fields[0] === expression.trim()) {
    const why = fits(read.fields[0]);
    if (why) problems.push({ at, message: why });
  }
  return problems;
}

/**
 * Hands a record (and the children its relations' `onTransfer` say follow) to another user, as
 * the transfer button does, inside the transition's transaction: the runtime runs the same
 * transfer, so a failure (the record gone, the user inactive) rolls the whole transition back.
 * Both expressions are evaluated here on the record before the transition, so the effect
 * carries plain ids; `source` keeps the expressions so a runtime error can name the field.
 */
export const transferRecordAction = defineAction<TransferRecordParams>({
  name: 'transferRecord',
  description: 'Transfer a record (with the related records that follow it) to another user',
  paramsSchema: {
    type: 'object',
    required: ['entity', 'record', 'to'],
    properties: { entity: { type: 'string', minLength: 1 }, record: expr, to: expr },
    additionalProperties: false,
  },
  check: ({ entity, record, to }, { entity: source, entities }) => {
    const target = entities.find((e) => e['x-name'] === entity);
    // Every entity has the owner system column: a record of any entity can change hands.
    if (!target) {
      const guess = closestName(entity, entities.map((e) => e['x-name']));
      return [{ at: ['entity'], message: `there is no entity "${entity}" to transfer${guess ? ` (did you mean "${guess}"?)` : ''}` }];
    }
    const sourceName = source['x-name'];
    return [
      ...expressionProblems('record', record.$expr, source, (field) => {
        if (field === 'id') return entity === sourceName ? undefined : `"id" is the ${sourceName} itself, not a ${entity}; name a relation field of ${sourceName} that points at ${entity}`;
        return isTo(source.properties[field], entity) ? undefined : `${sourceName}.${field} is not a relation to ${entity}`;
      }),
      ...expressionProblems('to', to.$expr, source, (field) => {
        if (field === 'owner' || field === 'created_by') return undefined;
        return source.properties[field]?.['x-type'] === 'user' ? undefined : `${sourceName}.${field} is not a user field`;
      }),
    ];
  },
  resolve: ({ entity, record, to }, ctx) => {
    const idOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
    return [{ kind: 'transfer-record', entity, id: idOf(evaluateExpression(record.$expr, ctx)), to: idOf(evaluateExpression(to.$expr, ctx)), source: { record: record.$expr, to: to.$expr } }];
  },
});
