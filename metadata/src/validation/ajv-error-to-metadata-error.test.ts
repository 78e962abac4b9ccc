import { validateApp } from './validate-app';
import type { MetadataError } from './validation-types';

const entity = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  'x-name': 'customer',
  'x-plural': 'customers',
  'x-label': { en: 'Customer' },
  properties: fields,
  ...extra,
});
const app = (e: unknown, extra: Record<string, unknown> = {}) => ({ name: 'crm', label: { en: 'CRM' }, entities: [e], layouts: [], ...extra });
const errorsOf = (a: unknown): MetadataError[] => {
  const r = validateApp(a);
  return r.ok ? [] : r.errors;
};
const name = { 'x-id': 'fld_name', 'x-type': 'text', 'x-label': { en: 'Name' } };

describe('meta-schema errors in plain words', () => {
  it('catches a misspelled key and suggests the right one', () => {
    const errors = errorsOf(app(entity({ name: { 'x-id': 'fld_name', 'x-type': 'text', 'x-lable': { en: 'Name' } } })));
    expect(errors).toEqual([
      { pointer: '/entities/0/properties/name', code: 'missing-property', message: 'The field "name" of entity "customer" is missing "x-label".', hint: expect.stringContaining('"x-label": {"en": "Name"') },
      { pointer: '/entities/0/properties/name/x-lable', code: 'unknown-property', message: 'The field "name" of entity "customer" has an unknown key "x-lable".', hint: 'Did you mean "x-label"?' },
    ]);
  });

  it('explains why a field may not carry a JSON type', () => {
    const [error] = errorsOf(app(entity({ name: { ...name, type: 'string' } })));
    expect(error).toMatchObject({ pointer: '/entities/0/properties/name/type', code: 'unknown-property', hint: 'Remove it: the field type (x-type) decides the JSON type.' });
  });

  it('rejects unknown keys on entities but allows anything under x-plugins', () => {
    expect(errorsOf(app(entity({ name }, { 'x-displayfield': 'name' })))).toMatchObject([{ pointer: '/entities/0/x-displayfield', code: 'unknown-property', hint: 'Did you mean "x-display-field"?' }]);
    expect(errorsOf(app(entity({ name: { ...name, 'x-plugins': { '@tessera/plugin-rating': { max: 5 } } } }, { 'x-plugins': { audit: true } })))).toEqual([]);
  });

  it('requires an English label and names where it is missing', () => {
    const errors = errorsOf(app(entity({ name: { ...name, 'x-label': { zh: '名称' } } }, { 'x-label': { en: '' } })));
    expect(errors).toEqual([
      { pointer: '/entities/0/x-label/en', code: 'empty-value', message: 'The English text of the label of entity "customer" is empty.', hint: expect.any(String) },
      { pointer: '/entities/0/properties/name/x-label', code: 'missing-property', message: 'The label of the field "name" of entity "customer" is missing "en".', hint: expect.stringContaining('English') },
    ]);
  });

  it('reports wrong types, bad enum values, ranges and formats', () => {
    const errors = errorsOf(
      app(
        entity({
          name: { ...name, maxLength: 'long' },
          owner_ref: { 'x-id': 'fld_o', 'x-type': 'relation', 'x-label': { en: 'Owner' }, 'x-relation': { entity: 'customer', kind: 'one-to-one' } },
          amount: { 'x-id': 'fld_a', 'x-type': 'currency', 'x-label': { en: 'Amount' }, 'x-currency': 'rmb', 'x-precision': 0 },
          code: { 'x-id': 'fld_c', 'x-type': 'text', 'x-label': { en: 'Code' }, pattern: '([a-z' },
        }),
      ),
    );
    expect(errors.map(({ pointer, code }) => ({ pointer, code }))).toEqual([
      { pointer: '/entities/0/properties/name/maxLength', code: 'wrong-type' },
      { pointer: '/entities/0/properties/owner_ref/x-relation/kind', code: 'invalid-value' },
      { pointer: '/entities/0/properties/amount/x-precision', code: 'value-out-of-range' },
      { pointer: '/entities/0/properties/amount/x-currency', code: 'invalid-format' },
      { pointer: '/entities/0/properties/code/pattern', code: 'invalid-format' },
    ]);
    expect(errors[0].message).toBe('"maxLength" of the field "name" of entity "customer" must be a whole number.');
    expect(errors[1].message).toBe('"kind" of the relation of the field "owner_ref" of entity "customer" is "one-to-one", which is not allowed.');
    expect(errors[1].hint).toBe('Use one of: "many-to-one", "one-to-many", "many-to-many".');
  });

  it('reports a duplicate entry in the required list', () => {
    expect(errorsOf(app(entity({ name }, { required: ['name', 'name'] })))).toMatchObject([{ pointer: '/entities/0/required/1', code: 'duplicate-item', message: 'The required list of entity "customer" lists "name" twice.' }]);
  });

  it('reports a layout with no sections', () => {
    expect(errorsOf(app(entity({ name }), { layouts: [{ name: 'f', kind: 'form', entity: 'customer', sections: [] }] }))).toMatchObject([{ pointer: '/layouts/0/sections', code: 'too-few-items' }]);
  });
});
