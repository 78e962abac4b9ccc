/**
 * What no stored text may hold: NUL (PostgreSQL refuses it in text and jsonb, so the write
 * would fail as a server error) and lone UTF-16 surrogates (not Unicode; they cannot be
 * encoded as UTF-8 and would be replaced or refused by the driver).
 */
export type TextProblem = 'nul' | 'surrogate';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(text: string): TextProblem | undefined {
  if (text.includes('\u0000')) return 'nul';
  return LONE_SURROGATE.test(text) ? 'surrogate' : undefined;
}

/**
 * The first text problem in `value` or anywhere inside it (array items, object keys and
 * values). Iterative, so a deep value cannot overflow the stack; call `jsonDepthExceeds` first
 * to bound the work on hostile input.
 */
export function findTextProblem(value: unknown): TextProblem | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      const problem = stringProblem(current);
      if (problem) return problem;
    } else if (Array.isArray(current)) {
      // One push per item: spreading a 200,000-item array would overflow the argument limit.
      for (const item of current) stack.push(item);
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        stack.push(key, child);
      }
    }
  }
  return undefined;
}
