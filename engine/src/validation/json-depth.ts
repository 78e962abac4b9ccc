/**
 * How deep a record value may nest (a json field, a multiselect's list). Deeper input is
 * refused before anything recursive (ajv, structuredClone, JSON.stringify) walks it: a
 * 10,000-deep array overflows their stacks.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * True when `value` nests objects/arrays more than `limit` levels (a scalar is 0, `[]` 1,
 * `[[1]]` 2). Iterative, with an explicit stack, so any depth is safe to ask about; it stops
 * at the first branch past the limit. Pure; the runtime's body parser may call it too.
 */
export function jsonDepthExceeds(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}
