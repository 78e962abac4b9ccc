/** PostgreSQL returns numeric as a string so no precision is lost; the API speaks numbers. */
export function numericFromDb(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return Number.isNaN(n) ? value : n;
}

/**
 * The JSON Schema annotations of a numeric(precision, scale) column. The validator checks
 * them on the number's decimal text (`decimalDigits`), not with `multipleOf`: float division
 * rejects about one in eight valid 2-decimal amounts above 100,000 (1234567.89 / 0.01 is not
 * a whole number in binary), in ajv and in every client validator alike.
 */
export function numericSchema(precision: number, scale: number): { 'x-precision': number; 'x-scale': number } {
  return { 'x-precision': precision, 'x-scale': scale };
}

/**
 * How many digits a number has before and after its decimal point, read from its shortest
 * round-trip text (`String(n)`: what a client's JSON said, for every value JSON can carry),
 * including exponent forms such as `1e+21` and `1.5e-7`.
 */
export function decimalDigits(value: number): { integer: number; fraction: number } {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  // Where the decimal point falls within `digits` once the exponent is applied.
  const point = whole.length + Number(exponent);
  const integer = point <= 0 ? 0 : digits.slice(0, point).replace(/^0+/, '').length + Math.max(0, point - digits.length);
  return { integer, fraction: Math.max(0, digits.length - point) };
}

/** What is wrong with `value` for a numeric(precision, scale) column, if anything. */
export function numericProblem(value: number, precision: number, scale: number): 'scale' | 'precision' | undefined {
  const { integer, fraction } = decimalDigits(value);
  if (fraction > scale) return 'scale';
  // PostgreSQL refuses (numeric field overflow) what has more integer digits than this.
  if (integer > precision - scale) return 'precision';
  return undefined;
}
