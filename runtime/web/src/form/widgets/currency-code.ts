/** The currency keywords of an amount, as on its field definition or its JSON Schema. */
export interface CurrencySource {
  'x-currency'?: unknown;
  'x-currency-field'?: unknown;
}

const DEFAULT_CURRENCY = 'CNY';

/**
 * The ISO 4217 code an amount is in: the record's own code (`x-currency-field`, ADR 0013),
 * else the field's fixed `x-currency`, else CNY. Undefined when the record has no code yet,
 * so nothing is shown in a currency it may not be in.
 */
export function currencyCodeOf(source: CurrencySource, record?: Record<string, unknown>): string | undefined {
  const codeField = source['x-currency-field'];
  if (typeof codeField === 'string') {
    const code = record?.[codeField];
    return typeof code === 'string' && code !== '' ? code : undefined;
  }
  return typeof source['x-currency'] === 'string' ? source['x-currency'] : DEFAULT_CURRENCY;
}

/** An amount in its currency (`¥1,234.50`, `US$10.00`); without a code, a plain number. */
export function formatAmount(value: number, code: string | undefined, intl: string): string {
  try {
    return code ? new Intl.NumberFormat(intl, { style: 'currency', currency: code }).format(value) : new Intl.NumberFormat(intl, { minimumFractionDigits: 2 }).format(value);
  } catch {
    return `${value}${code ? ` ${code}` : ''}`; // a code Intl does not know: show it as written
  }
}
