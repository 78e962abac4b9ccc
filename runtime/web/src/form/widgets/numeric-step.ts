/**
 * The `step` of a number box, from the `x-scale` the engine puts in a numeric field's JSON
 * Schema (the column's decimals): scale 2 → 0.01, scale 0 → 1. Without one, whole numbers
 * step by 1 and other numbers take any value.
 */
export function numericStep(schema: Record<string, unknown>): string {
  const scale = schema['x-scale'];
  if (typeof scale === 'number' && Number.isInteger(scale) && scale >= 0 && scale <= 20) return scale === 0 ? '1' : (10 ** -scale).toFixed(scale);
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  return type.includes('integer') ? '1' : 'any';
}
