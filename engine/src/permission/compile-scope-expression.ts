import { SYSTEM_FIELDS, type EntityDefinition } from '@tessera/metadata';
import jexl from 'jexl';
import type { ScopeCondition, ScopeOperand } from './permission-types';

interface AstNode {
  type: string;
  value?: unknown;
  operator?: string;
  left?: AstNode;
  right?: AstNode;
  from?: AstNode;
  [key: string]: unknown;
}

export type CompileScopeResult = { ok: true; condition: ScopeCondition } | { ok: false; message: string };

// A private instance with no transforms: a scope is comparisons and logic over fields and the user.
const language = new jexl.Jexl();
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=', 'in']);
const USER_PROPS = new Set(['id', 'departmentId', 'managerId', 'username']);

class ScopeSyntaxError extends Error {}

function operand(node: AstNode, entity: EntityDefinition): ScopeOperand {
  if (node.type === 'Literal') return { value: node.value as string | number | boolean | null };
  if (node.type === 'ArrayLiteral') {
    const items = (node.value as AstNode[]).map((item) => {
      if (item.type !== 'Literal') throw new ScopeSyntaxError('array items must be literals');
      return item.value as string | number | boolean | null;
    });
    return { values: items };
  }
  if (node.type === 'Identifier') {
    const name = String(node.value);
    if (node.from) {
      if (node.from.type === 'Identifier' && node.from.value === 'user' && !node.from.from && USER_PROPS.has(name)) return { user: name as 'id' };
      throw new ScopeSyntaxError(`only user.id, user.departmentId, user.managerId and user.username may be used, not "${name}"`);
    }
    const known = (SYSTEM_FIELDS as readonly string[]).includes(name) || Object.prototype.hasOwnProperty.call(entity.properties, name);
    if (!known) throw new ScopeSyntaxError(`"${name}" is not a field of ${entity['x-name']}`);
    return { field: name };
  }
  throw new ScopeSyntaxError(`${node.type} is not allowed in a scope`);
}

function toCondition(node: AstNode, entity: EntityDefinition): ScopeCondition {
  if (node.type === 'BinaryExpression') {
    if (node.operator === '&&') return { and: [toCondition(node.left!, entity), toCondition(node.right!, entity)] };
    if (node.operator === '||') return { or: [toCondition(node.left!, entity), toCondition(node.right!, entity)] };
    if (COMPARISONS.has(node.operator!)) {
      const right = operand(node.right!, entity);
      if (node.operator === 'in' && !('values' in right)) throw new ScopeSyntaxError('"in" needs an array literal on its right');
      return { op: node.operator as '==', left: operand(node.left!, entity), right };
    }
  }
  if (node.type === 'UnaryExpression' && node.operator === '!') return { not: toCondition(node.right!, entity) };
  if (node.type === 'Identifier' && !node.from) {
    const ref = operand(node, entity);
    if ('field' in ref) return { field: ref.field };
  }
  throw new ScopeSyntaxError(`${node.type}${node.operator ? ` "${node.operator}"` : ''} is not allowed in a scope`);
}

/**
 * A scope expression (jexl syntax, e.g. `owner == user.id || level in ["A","B"]`) → data the SQL
 * compiler turns into a WHERE with bound values. Only comparisons, and/or/not, the entity's
 * fields, `user.*` and literals: no functions, so every scope is expressible in SQL.
 */
export function compileScopeExpression(expression: string, entity: EntityDefinition): CompileScopeResult {
  let ast: AstNode;
  try {
    ast = language.compile(expression)._getAst() as AstNode;
  } catch (error) {
    return { ok: false, message: `The scope "${expression}" does not parse: ${(error as Error).message}` };
  }
  try {
    return { ok: true, condition: toCondition(ast, entity) };
  } catch (error) {
    if (error instanceof ScopeSyntaxError) return { ok: false, message: `The scope "${expression}": ${error.message}` };
    throw error;
  }
}
