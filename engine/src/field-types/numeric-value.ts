/** PostgreSQL returns numeric as a string so no precision is lost; the API speaks numbers. */
export function numericFromDb(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return Number.isNaN(n) ? value : n;
}

/** JSON Schema `multipleOf` that rejects more decimals than the column keeps. */
export function scaleToMultipleOf(scale: number): number {
  return Number((10 ** -scale).toFixed(scale));
}
