/**
 * A view's or card's filter with `"$me"` replaced by the signed-in user's id (ADR 0021): "my
 * key accounts" is one definition for everyone, and the API sees an ordinary id.
 */
export function bindMe<T>(filter: T, userId: string | undefined): T {
  if (filter === '$me') return (userId ?? filter) as T;
  if (Array.isArray(filter)) return filter.map((f) => bindMe(f, userId)) as T;
  if (typeof filter === 'object' && filter !== null) return Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, bindMe(v, userId)])) as T;
  return filter;
}
