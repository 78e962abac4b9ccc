import jexl from 'jexl';

/**
 * Layout visibility conditions (`visibleWhen`): jexl expressions over the form data, evaluated
 * synchronously on every render of the form. Parsed expressions are cached because a form
 * re-renders on each keystroke.
 */
const cache = new Map<string, ReturnType<typeof jexl.compile>>();

function compiled(expression: string) {
  let expr = cache.get(expression);
  if (!expr) {
    expr = jexl.compile(expression);
    cache.set(expression, expr);
  }
  return expr;
}

/** Why `expression` is not a usable condition, or undefined when it parses. */
export function checkVisibleWhen(expression: string): string | undefined {
  if (!expression.trim()) return 'The condition is empty.';
  try {
    compiled(expression);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Whether a field with condition `expression` shows for `data`. A broken condition or one that
 * throws shows the field: hiding a field by mistake would hide data the user must fill in.
 */
export function isFieldVisible(expression: string | undefined, data: unknown): boolean {
  if (!expression) return true;
  try {
    return Boolean(compiled(expression).evalSync((data ?? {}) as Record<string, unknown>));
  } catch {
    return true;
  }
}
