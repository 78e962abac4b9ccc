import type { FieldDefinition } from '@tessera/metadata';
import { localize } from '../meta/localize';
import { currencyCodeOf, formatAmount } from '../form/widgets/currency-code';
import { isoToLocalInput } from '../form/widgets/datetime-value';

/**
 * A value as list-cell text: option labels for selects, locale formats for money and time.
 * `record`: the row the value is from, for amounts whose currency is another of its fields.
 */
export function formatCell(field: FieldDefinition, value: unknown, locale: string, yesNo: [string, string], record?: Record<string, unknown>): string {
  if (value === null || value === undefined || value === '') return '';
  const intl = locale === 'zh' ? 'zh-CN' : 'en-US';
  const options = field['x-options'];
  if (options) {
    const label = (v: unknown) => localize(options.find((o) => o.value === v)?.label, locale) || String(v);
    return Array.isArray(value) ? value.map(label).join(', ') : label(value);
  }
  switch (field['x-type']) {
    case 'boolean':
      return value ? yesNo[0] : yesNo[1];
    case 'currency':
      return formatAmount(Number(value), currencyCodeOf(field, record), intl);
    case 'datetime':
      return isoToLocalInput(value).replace('T', ' ');
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
