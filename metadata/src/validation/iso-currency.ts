// The runtime's own ISO 4217 list (ICU, via Intl): no table to keep up to date, and the same
// list Intl.NumberFormat formats with, so every accepted code can be shown.
let codes: ReadonlySet<string> | undefined;

/** True for a current ISO 4217 code that Intl knows (`CNY`, `USD`…); case-sensitive. */
export function isIsoCurrency(code: unknown): boolean {
  codes ??= new Set(Intl.supportedValuesOf('currency'));
  return typeof code === 'string' && codes.has(code);
}
