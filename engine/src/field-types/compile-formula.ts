import type { EntityDefinition, FormulaResultType } from '@tessera/metadata';
import jexl from 'jexl';
import { walkJexlAst as walk } from './jexl-ast';

export interface CompiledFormula {
  /** The fields the expression reads, in order of first use. */
  fields: string[];
  /** The value for one record (API values by field name); null when it cannot be computed. */
  evaluate(record: Record<string, unknown>): unknown;
}

export type CompileFormulaResult = { ok: true; formula: CompiledFormula } | { ok: false; errors: string[] };


// A private instance: transforms registered elsewhere must not leak into formulas. It has
// none, so a formula is arithmetic, comparison, logic and literals over the record's fields.
const language = new jexl.Jexl();


function coerce(value: unknown, type: FormulaResultType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'text': return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'boolean': return Boolean(value);
    case 'date': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  }
}

/**
 * Parses a formula once and checks it against `entity`: every field it names must exist and
 * must not be a formula itself (no cycles, no evaluation order to resolve). Uses jexl, which
 * walks an AST: no eval, no access to anything but the record it is given.
 */
export function compileFormula(expr: string, entity: EntityDefinition, resultType: FormulaResultType = 'text'): CompileFormulaResult {
  let ast: unknown;
  let expression: ReturnType<typeof language.compile>;
  try {
    expression = language.compile(expr);
    ast = expression._getAst();
  } catch (error) {
    return { ok: false, errors: [`The formula "${expr}" does not parse: ${(error as Error).message}.`] };
  }
  const fields: string[] = [];
  const errors: string[] = [];
  walk(ast, (node) => {
    if (node.type === 'FunctionCall') errors.push(`The formula uses "${node.name}", which is not an available function.`);
    if (node.type !== 'Identifier' || node.from || node.relative) return;
    const name = String(node.value);
    if (fields.includes(name)) return;
    fields.push(name);
    const field = entity.properties[name];
    if (!field) errors.push(`The formula reads "${name}", which is not a field of ${entity['x-name']}.`);
    else if (field['x-type'] === 'formula') errors.push(`The formula reads "${name}", which is itself a formula; formulas may read only stored fields.`);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    formula: {
      fields,
      evaluate(record) {
        const context: Record<string, unknown> = {};
        for (const name of fields) context[name] = record[name] ?? null;
        try {
          return coerce(expression.evalSync(context), resultType);
        } catch {
          // A record the formula cannot handle (text where a number was expected) shows empty, not an error page.
          return null;
        }
      },
    },
  };
}
