import type { ErrorObject } from 'ajv';
import { closestName } from './closest-name';
import { capitalize, describeLocation, valueAt } from './describe-location';
import { pointerOf, splitPointer } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

const TYPE_WORDS: Record<string, string> = {
  string: 'a text in double quotes',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object ({ ... })',
  array: 'a list ([ ... ])',
  null: 'null',
};

const MISSING_HINTS: Record<string, string> = {
  en: 'Give the English text, e.g. {"en": "Customer", "zh": "客户"}.',
  'x-label': 'Add a label in English and Chinese, e.g. "x-label": {"en": "Name", "zh": "名称"}.',
  label: 'Add a label in English and Chinese, e.g. "label": {"en": "Basic", "zh": "基本信息"}.',
  'x-id': 'Give the field a stable id, e.g. "x-id": "fld_customer_name"; keep it when the field is renamed.',
  'x-type': 'Name the field type, e.g. "x-type": "text" (or number, date, select, relation…).',
  'x-name': 'Give the entity a snake_case name, e.g. "x-name": "customer"; it names the table.',
  'x-plural': 'Give the plural name used in the API path, e.g. "x-plural": "customers".',
  type: 'Add "type": "object".',
  properties: 'Add "properties": { ... } with the entity\'s fields.',
  entity: 'Name the target entity by its x-name, e.g. "entity": "customer".',
  kind: 'Add "kind": "many-to-one".',
  sections: 'Add "sections": [{"id": "basic", "label": {"en": "Basic"}, "fields": ["name"]}].',
  fields: 'Add "fields": [ ... ] with the field names shown in this section, in order.',
  name: 'Add "name": a snake_case name.',
};

const UNKNOWN_KEY_HINTS: Record<string, string> = {
  type: 'Remove it: the field type (x-type) decides the JSON type.',
  format: 'Remove it: the field type (x-type) decides the format; use x-type "email", "url", "date"…',
  enum: 'Remove it: list the choices under x-options of a select field.',
};

const PATTERN_HINTS: Record<string, string> = {
  'x-currency': 'Use a three-letter ISO 4217 code in capitals, e.g. "CNY" or "USD".',
  'x-id': 'Use letters, digits, "_" or "-", e.g. "fld_customer_name".',
};

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v));

/** Turns one raw ajv error into a message that names the entity, field and rule. */
export function ajvErrorToMetadataError(error: ErrorObject, app: unknown): MetadataError {
  const pointer = error.instancePath;
  const where = capitalize(describeLocation(app, pointer));
  const lastKey = splitPointer(pointer).pop() ?? '';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      return metadataError('missing-property', pointer, `${where} is missing "${missing}".`, MISSING_HINTS[missing] ?? `Add "${missing}".`);
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closestName(key, known);
      const hint = UNKNOWN_KEY_HINTS[key] ?? (guess ? `Did you mean "${guess}"?` : `Remove it, or keep plugin settings under "x-plugins". Known keys: ${known.join(', ')}.`);
      return metadataError('unknown-property', pointer + pointerOf(key), `${where} has an unknown key "${key}".`, hint);
    }
    case 'type': {
      const expected = String(p.type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      return metadataError('wrong-type', pointer, `${where} must be ${expected}.`, `Change the value ${show(error.data)} to ${expected}.`);
    }
    case 'const':
      return metadataError('invalid-value', pointer, `${where} must be ${show(p.allowedValue)}, not ${show(error.data)}.`, `Write ${show(p.allowedValue)}.`);
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(show).join(', ');
      return metadataError('invalid-value', pointer, `${where} is ${show(error.data)}, which is not allowed.`, `Use one of: ${allowed}.`);
    }
    case 'minLength':
      return metadataError('empty-value', pointer, `${where} is empty.`, 'Write a value; an empty text is not allowed here.');
    case 'maxLength':
      return metadataError('value-too-long', pointer, `${where} is longer than ${show(p.limit)} characters.`, 'Shorten it.');
    case 'minimum':
    case 'maximum': {
      const bound = error.keyword === 'minimum' ? 'at least' : 'at most';
      return metadataError('value-out-of-range', pointer, `${where} is ${show(error.data)}; it must be ${bound} ${show(p.limit)}.`, `Use a value ${bound} ${show(p.limit)}.`);
    }
    case 'pattern':
      // The only key pattern in the meta-schema: a localized text's language tags.
      if (error.propertyName !== undefined) return metadataError('invalid-format', pointer, `${where} has a text for ${show(error.propertyName)}, which is not a language tag.`, 'Key each text by a BCP 47 language tag, e.g. "en", "zh", "zh-Hant", "ja" or "pt-BR".');
      return metadataError('invalid-format', pointer, `${where} (${show(error.data)}) is not in the expected form.`, PATTERN_HINTS[lastKey] ?? `It must match the pattern ${show(p.pattern)}.`);
    case 'format':
      return metadataError('invalid-format', pointer, `${where} (${show(error.data)}) is not a valid ${show(p.format)}.`, p.format === 'regex' ? 'Write a valid regular expression, e.g. "^[0-9]{6}$".' : `Write a valid ${p.format}.`);
    case 'uniqueItems': {
      const list = valueAt(app, pointer);
      const dup = Array.isArray(list) ? list[Number(p.i)] : undefined;
      return metadataError('duplicate-item', pointer + pointerOf(Math.max(Number(p.i), Number(p.j))), `${where} lists ${show(dup)} twice.`, 'Remove the second one.');
    }
    case 'minItems':
      return metadataError('too-few-items', pointer, `${where} needs at least ${show(p.limit)} item(s).`, 'Add the missing items.');
    default:
      return metadataError('invalid-metadata', pointer, `${where} is not valid: ${error.message ?? error.keyword}.`, 'Check this value against the Tessera metadata schema.');
  }
}
