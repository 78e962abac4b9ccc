import { entityViews, isRecord, stringOr, type FieldView } from './app-views';
import { capitalize } from './describe-location';
import { isIsoCurrency } from './iso-currency';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/** Only well-formed codes are looked up: the meta-schema already reports `rmb` (invalid-format). */
const CODE_SHAPE = /^[A-Z]{3}$/;

/**
 * Where an amount's currency comes from: one fixed ISO 4217 code (`x-currency`) or, per
 * record, a sibling select whose option values are codes (`x-currency-field`). Never both,
 * and never a code Intl cannot format.
 */
export function checkCurrencies(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  for (const entity of entityViews(app)) {
    for (const field of entity.fields) {
      const fixed = field.value['x-currency'];
      const sibling = stringOr(field.value['x-currency-field']);
      if (typeof fixed === 'string' && CODE_SHAPE.test(fixed) && !isIsoCurrency(fixed)) {
        errors.push(metadataError('currency-code-invalid', field.pointer + pointerOf('x-currency'), `${capitalize(field.title)} has the currency "${fixed}", which is not an ISO 4217 code.`, 'Use a current ISO 4217 code, e.g. "CNY", "USD", "EUR" or "HKD".'));
      }
      if (fixed !== undefined && sibling !== undefined) {
        errors.push(metadataError('currency-conflict', field.pointer, `${capitalize(field.title)} has both "x-currency" and "x-currency-field".`, 'Keep "x-currency" for one fixed currency, or "x-currency-field" for a currency per record, not both.'));
      }
      if (sibling !== undefined) errors.push(...checkCurrencyField(field, sibling));
    }
  }
  return errors;
}

function checkCurrencyField(field: FieldView, sibling: string): MetadataError[] {
  const pointer = field.pointer + pointerOf('x-currency-field');
  const target = field.entity.fields.find((f) => f.name === sibling);
  if (!target || target === field) {
    const selects = field.entity.fields.filter((f) => f.value['x-type'] === 'select').map((f) => f.name);
    const hint = selects.length > 0 ? `Select fields of ${field.entity.title}: ${selects.join(', ')}.` : `Add a select field such as "currency_code" with options CNY, USD… to ${field.entity.title}.`;
    return [metadataError('currency-field-invalid', pointer, `${capitalize(field.title)} takes its currency from "${sibling}", which is not another field of ${field.entity.title}.`, hint)];
  }
  if (target.value['x-type'] !== 'select') {
    return [metadataError('currency-field-invalid', pointer, `${capitalize(field.title)} takes its currency from "${sibling}", a ${String(target.value['x-type'])} field; it must be a select.`, `Make "${sibling}" a select whose option values are ISO 4217 codes.`)];
  }
  const options = Array.isArray(target.value['x-options']) ? target.value['x-options'] : [];
  const bad = options.map((o) => (isRecord(o) ? o.value : undefined)).filter((v) => typeof v === 'string' && !isIsoCurrency(v));
  if (bad.length === 0) return [];
  return [metadataError('currency-field-invalid', pointer, `${capitalize(field.title)} takes its currency from "${sibling}", whose options ${bad.map((v) => `"${v}"`).join(', ')} are not ISO 4217 codes.`, `Give every option of "${sibling}" an ISO 4217 code as its value, e.g. "CNY" or "USD".`)];
}
