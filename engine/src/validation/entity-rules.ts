import { closestName, type EntityDefinition, type EntityRule, type FieldDefinition } from '@tessera/metadata';
import jexl from 'jexl';
import { walkJexlAst as walk } from '../field-types/jexl-ast';
import type { FieldError } from './validation-types';


/** One problem with one rule, for the publish check: `rule` is its index in `x-rules`. */
export interface RuleProblem {
  rule: number;
  message: string;
  hint: string;
}

/** The entity's rules, parsed once: `check` returns one error per rule the record breaks. */
export interface CompiledEntityRules {
  /** Whether the entity has any rule (writes of entities without one skip the stored-row read). */
  any: boolean;
  /** Every field some rule reads: a change of none of them cannot change any rule's verdict. */
  fields: ReadonlySet<string>;
  check(record: Record<string, unknown>): FieldError[];
}

// A private instance with no transforms or functions: a rule is comparisons, arithmetic and
// logic over the record's fields, like a formula.
const language = new jexl.Jexl();


/**
 * Fields a rule may read: those with a value on the stored row. A virtual formula, a
 * one-to-many and a many-to-many have none there, so an update's merged record could not
 * show them.
 */
function readable(field: FieldDefinition): boolean {
  if (field['x-type'] === 'formula') return field['x-stored'] === true;
  const kind = field['x-relation']?.kind;
  return kind !== 'one-to-many' && kind !== 'many-to-many';
}

interface ParsedRule {
  rule: EntityRule;
  fields: string[];
  expression: ReturnType<typeof language.compile>;
}

function parseRule(rule: EntityRule, index: number, entity: EntityDefinition): { parsed?: ParsedRule; problems: RuleProblem[] } {
  let expression: ReturnType<typeof language.compile>;
  let ast: unknown;
  try {
    expression = language.compile(rule.expr);
    ast = expression._getAst();
  } catch (error) {
    return { problems: [{ rule: index, message: `The rule "${rule.id}" does not parse: ${(error as Error).message}.`, hint: 'Write it as a jexl expression, e.g. end_date == null || end_date >= start_date.' }] };
  }
  const names = Object.keys(entity.properties);
  const usable = names.filter((name) => readable(entity.properties[name]));
  const fields: string[] = [];
  const problems: RuleProblem[] = [];
  walk(ast, (node) => {
    if (node.type === 'FunctionCall') problems.push({ rule: index, message: `The rule "${rule.id}" uses "${node.name}", which is not an available function.`, hint: 'Rules use comparisons, arithmetic and && || ! over fields and literals.' });
    if (node.type !== 'Identifier' || node.from || node.relative) return;
    const name = String(node.value);
    // jexl has no null literal: `x == null` reads an identifier that is never in the context.
    if (name === 'null' || fields.includes(name)) return;
    fields.push(name);
    const field = entity.properties[name];
    if (!field) {
      const guess = closestName(name, names);
      problems.push({ rule: index, message: `The rule "${rule.id}" reads "${name}", which is not a field of ${entity['x-name']}.`, hint: `${guess ? `Did you mean "${guess}"? ` : ''}Its fields: ${usable.join(', ') || '(none)'}.` });
    } else if (!readable(field)) {
      problems.push({ rule: index, message: `The rule "${rule.id}" reads "${name}", which has no stored value (a virtual formula, one-to-many or many-to-many).`, hint: `Rules read stored fields: ${usable.join(', ') || '(none)'}.` });
    }
  });
  return problems.length > 0 ? { problems } : { parsed: { rule, fields, expression }, problems };
}

/** The publish check: every rule parses and reads only stored fields of its entity. */
export function checkEntityRules(entity: EntityDefinition): RuleProblem[] {
  return (entity['x-rules'] ?? []).flatMap((rule, i) => parseRule(rule, i, entity).problems);
}

/** Datetimes compare as instants: `…+08:00` from a client and `…Z` from the database read alike. */
function normalize(field: FieldDefinition | undefined, value: unknown): unknown {
  if (value === undefined) return null;
  if (field?.['x-type'] !== 'datetime' || typeof value !== 'string') return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

const cache = new WeakMap<EntityDefinition, CompiledEntityRules>();

/**
 * The rules of a published entity, compiled once per entity object (published metadata is
 * immutable, so a WeakMap lets old versions be collected). A rule that does not compile was
 * refused at publish; meeting one here is a programming error.
 */
export function entityRules(entity: EntityDefinition): CompiledEntityRules {
  const cached = cache.get(entity);
  if (cached) return cached;
  const parsed = (entity['x-rules'] ?? []).map((rule, i) => {
    const result = parseRule(rule, i, entity);
    if (!result.parsed) throw new Error(`${entity['x-name']}: ${result.problems.map((p) => p.message).join(' ')}`);
    return result.parsed;
  });
  const compiled: CompiledEntityRules = {
    any: parsed.length > 0,
    fields: new Set(parsed.flatMap((p) => [...p.fields])),
    check(record) {
      const errors: FieldError[] = [];
      for (const { rule, fields, expression } of parsed) {
        const context: Record<string, unknown> = {};
        for (const name of fields) context[name] = normalize(entity.properties[name], record[name]);
        let holds: boolean;
        try {
          holds = Boolean(expression.evalSync(context));
        } catch {
          // A record the rule cannot evaluate is not known to satisfy it.
          holds = false;
        }
        if (!holds) errors.push({ field: rule.fields?.[0] ?? '', rule: rule.id, message: rule.message.en });
      }
      return errors;
    },
  };
  cache.set(entity, compiled);
  return compiled;
}
