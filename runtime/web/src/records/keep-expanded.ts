/**
 * A record the server sent back after a write (which carries ids, not expanded relations), with the
 * expanded related records of `before` kept where the id did not change: a moved card keeps
 * showing its customer's name instead of the customer's id.
 */
export function keepExpanded<T extends Record<string, unknown>>(before: Record<string, unknown>, after: T): T {
  const out: Record<string, unknown> = { ...after };
  for (const [name, value] of Object.entries(before)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const id = (value as Record<string, unknown>).id;
    if (id !== undefined && out[name] === id) out[name] = value;
  }
  return out as T;
}
