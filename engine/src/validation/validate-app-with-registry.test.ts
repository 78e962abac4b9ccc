import type { AppDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { defineFieldType } from '../field-types/define-field-type';
import { validateAppWithRegistry } from './validate-app-with-registry';

const appWith = (properties: Record<string, unknown>): AppDefinition =>
  ({
    name: 'crm',
    label: { en: 'CRM' },
    layouts: [],
    entities: [{ type: 'object', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead' }, properties }],
  }) as AppDefinition;

describe('validateAppWithRegistry', () => {
  const registry = createFieldTypeRegistry();

  it('accepts a valid app', () => {
    const app = appWith({ name: { 'x-id': 'l1', 'x-type': 'text', 'x-label': { en: 'Name' }, maxLength: 80, default: 'x' } });
    expect(validateAppWithRegistry(app, registry)).toEqual({ ok: true, value: app });
  });

  it('knows the plugin types of the registry', () => {
    const app = appWith({ score: { 'x-id': 'l1', 'x-type': 'acme:score', 'x-label': { en: 'Score' } } });
    expect(validateAppWithRegistry(app, registry)).toMatchObject({ ok: false, errors: [{ code: 'unknown-field-type' }] });
    const withPlugin = createFieldTypeRegistry();
    withPlugin.register(defineFieldType({ name: 'acme:score', label: { en: 'Score' }, widget: 'updown', jsonSchema: () => ({ type: 'integer' }), column: () => ({ kind: 'integer' }) }));
    expect(validateAppWithRegistry(app, withPlugin).ok).toBe(true);
  });

  it('reports keywords a field type ignores', () => {
    const app = appWith({ active: { 'x-id': 'l1', 'x-type': 'boolean', 'x-label': { en: 'Active' }, maxLength: 3 } });
    expect(validateAppWithRegistry(app, registry)).toEqual({
      ok: false,
      errors: [
        {
          pointer: '/entities/0/properties/active/maxLength',
          code: 'unknown-property',
          message: 'The field "active" of lead has "maxLength", which a boolean field does not use.',
          hint: 'Remove "maxLength"; a boolean field accepts: x-indexed.',
        },
      ],
    });
  });

  it('accepts x-currency-field on a currency field only', () => {
    const code = { 'x-id': 'l0', 'x-type': 'select', 'x-label': { en: 'Currency' }, 'x-options': [{ value: 'USD', label: { en: 'USD' } }] };
    const amount = { 'x-id': 'l1', 'x-type': 'currency', 'x-label': { en: 'Amount' }, 'x-currency-field': 'currency_code' };
    expect(validateAppWithRegistry(appWith({ currency_code: code, amount }), registry).ok).toBe(true);
    const onNumber = appWith({ currency_code: code, amount: { ...amount, 'x-type': 'number' } });
    expect(validateAppWithRegistry(onNumber, registry)).toMatchObject({ ok: false, errors: [{ pointer: '/entities/0/properties/amount/x-currency-field', code: 'unknown-property' }] });
  });

  it('reports a default the field would reject', () => {
    const app = appWith({
      stage: { 'x-id': 'l1', 'x-type': 'select', 'x-label': { en: 'Stage' }, default: 'gone', 'x-options': [{ value: 'new', label: { en: 'New' } }] },
    });
    expect(validateAppWithRegistry(app, registry)).toMatchObject({
      ok: false,
      errors: [{ pointer: '/entities/0/properties/stage/default', code: 'invalid-value', message: expect.stringContaining('default must be equal to one of the allowed values') }],
    });
  });
});
