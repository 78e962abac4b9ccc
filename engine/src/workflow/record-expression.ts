import jexl from 'jexl';
import type { WorkflowContext } from './workflow-types';

// A private instance with no transforms, like the field guard: expressions are data-only.
const language = new jexl.Jexl();

/**
 * What an action's expression sees — the same names as the field guard: the record's fields
 * as they were before the transition, the form data as `$form`, the user as `$user`, the
 * injected time as `$now`.
 */
export const expressionScope = (ctx: WorkflowContext) => ({ ...ctx.record, $form: ctx.data, $user: ctx.user, $now: ctx.now });

/** Why an expression does not parse (publish-time check), or undefined. */
export function expressionProblem(expression: string): string | undefined {
  try {
    language.compile(expression);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The value of an expression; undefined when it fails, so the caller's validation names the field. */
export function evaluateExpression(expression: string, ctx: WorkflowContext): unknown {
  try {
    return language.evalSync(expression, expressionScope(ctx));
  } catch {
    return undefined;
  }
}
