/**
 * Whether a chosen record still belongs under the form's other choices: every narrowing
 * filter of its picker (`filter[customer]=<id>`, see dependent-filter.ts) holds for it. A
 * contact of Acme does not fit once the customer is changed to Beta, so its picker is cleared.
 */
export function fitsNarrowing(record: Readonly<Record<string, unknown>>, filters: Readonly<Record<string, string>>): boolean {
  return Object.entries(filters).every(([key, value]) => {
    const field = /^filter\[(.+)\]$/.exec(key)?.[1];
    if (!field) return true;
    const own = record[field];
    const id = own && typeof own === 'object' && 'id' in own ? (own as { id: unknown }).id : own;
    return id === value;
  });
}
