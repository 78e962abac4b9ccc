import type { EntityDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { entityToValidator } from './entity-to-validator';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';
import { findTextProblem } from './text-problem';

const lead: EntityDefinition = {
  type: 'object',
  'x-name': 'lead',
  'x-plural': 'leads',
  'x-label': { en: 'Lead' },
  required: ['name', 'source'],
  properties: {
    name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
    source: {
      'x-id': 'f_source',
      'x-type': 'select',
      'x-label': { en: 'Source' },
      default: 'web',
      'x-options': [
        { value: 'web', label: { en: 'Web' } },
        { value: 'fair', label: { en: 'Trade fair' } },
      ],
    },
    notes: { 'x-id': 'f_notes', 'x-type': 'textarea', 'x-label': { en: 'Notes' } },
    extra: { 'x-id': 'f_extra', 'x-type': 'json', 'x-label': { en: 'Extra' } },
    tags: {
      'x-id': 'f_tags',
      'x-type': 'multiselect',
      'x-label': { en: 'Tags' },
      'x-options': [{ value: 'vip', label: { en: 'VIP' } }],
    },
    site: { 'x-id': 'f_site', 'x-type': 'url', 'x-label': { en: 'Website' } },
  },
};
const validate = entityToValidator(lead, createFieldTypeRegistry());
const errorsOf = (data: unknown, mode: 'create' | 'update' = 'create') => {
  const result = validate(data, mode);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
};
const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

describe('required means present and not empty', () => {
  it.each([[''], ['   '], ['\u3000\t'], [null]])('refuses %p for a required text field on create', (name) => {
    expect(errorsOf({ name })).toEqual([{ field: 'name', rule: 'required', message: 'Name is required' }]);
  });

  it.each([[''], [null], [' ']])('refuses %p for a required field on update', (value) => {
    expect(errorsOf({ name: value }, 'update')).toEqual([{ field: 'name', rule: 'required', message: 'Name is required' }]);
    expect(errorsOf({ source: value }, 'update')).toEqual([{ field: 'source', rule: 'required', message: 'Source is required' }]);
  });

  it('lets an update leave a required field out, and clear an optional one', () => {
    expect(validate({ notes: null }, 'update').ok).toBe(true);
    expect(validate({ notes: '' }, 'update').ok).toBe(true);
  });

  it('keeps a value with text around its spaces', () => {
    expect(validate({ name: ' Acme ' }, 'create')).toEqual({ ok: true, value: { name: ' Acme ', source: 'web' } });
  });
});

describe('text a database cannot store is refused at the field', () => {
  it.each([
    [{ name: 'Ac\u0000me' }, 'name', 'control-character', 'Name must not contain control characters'],
    [{ name: 'A', notes: 'x\uD800' }, 'notes', 'unicode', 'Notes must be valid Unicode text'],
    [{ name: 'A', notes: '\uDC00y' }, 'notes', 'unicode', 'Notes must be valid Unicode text'],
    [{ name: 'A', extra: { deep: [{ text: 'a\u0000' }] } }, 'extra', 'control-character', 'Extra must not contain control characters'],
    [{ name: 'A', extra: { ['k\u0000']: 1 } }, 'extra', 'control-character', 'Extra must not contain control characters'],
    [{ name: 'A', extra: ['\uD83D'] }, 'extra', 'unicode', 'Extra must be valid Unicode text'],
  ])('%j', (data, field, rule, message) => {
    expect(errorsOf(data)).toContainEqual({ field, rule, message });
  });

  it('reports a bad multiselect item once for the field, with what else is wrong', () => {
    const errors = errorsOf({ name: 'A', tags: ['vip\u0000'] });
    expect(errors).toContainEqual({ field: 'tags', rule: 'control-character', message: 'Tags must not contain control characters' });
    expect(errors.every((e) => e.field === 'tags')).toBe(true);
  });

  it('accepts emoji and CJK (paired surrogates are fine)', () => {
    expect(validate({ name: '深圳华为 😀', extra: { note: '👍🏽' } }, 'create').ok).toBe(true);
  });
});

describe('deeply nested values', () => {
  it('measures depth without recursion', () => {
    expect(jsonDepthExceeds(1, 0)).toBe(false);
    expect(jsonDepthExceeds([], 0)).toBe(true);
    expect(jsonDepthExceeds([[1]], 2)).toBe(false);
    expect(jsonDepthExceeds([[1]], 1)).toBe(true);
    expect(jsonDepthExceeds({ a: [1, { b: {} }] }, 4)).toBe(false);
    expect(jsonDepthExceeds({ a: [1, { b: {} }] }, 3)).toBe(true);
    expect(jsonDepthExceeds(nested(1_000_000), MAX_JSON_DEPTH)).toBe(true);
  });

  it(`accepts ${MAX_JSON_DEPTH} levels in a json field and refuses more, naming the field`, () => {
    expect(validate({ name: 'A', extra: nested(MAX_JSON_DEPTH) }, 'create').ok).toBe(true);
    expect(errorsOf({ name: 'A', extra: nested(MAX_JSON_DEPTH + 1) })).toEqual([
      { field: 'extra', rule: 'depth', message: 'Extra is nested too deeply (more than 64 levels)', params: { limit: 64 } },
    ]);
  });

  it('refuses a 10,000-deep value without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(10_000)}1${']'.repeat(10_000)}`);
    expect(errorsOf({ name: 'A', extra: deep }, 'update')).toMatchObject([{ field: 'extra', rule: 'depth' }]);
    expect(errorsOf({ name: 'A', unknown: deep })).toMatchObject([{ field: 'unknown', rule: 'depth' }]);
  });

  it('finds text problems in wide values without spreading them', () => {
    const wide = Array.from({ length: 300_000 }, () => 'ok');
    expect(findTextProblem(wide)).toBeUndefined();
    expect(findTextProblem([...wide, 'x\u0000'])).toBe('nul');
  });
});

describe('URL fields take links only', () => {
  it.each([['https://acme.cn/a?b=1'], ['http://acme.cn'], ['HTTPS://ACME.CN'], ['mailto:sales@acme.cn'], ['tel:+86-10-6552-9988']])('accepts %s', (site) => {
    expect(validate({ name: 'A', site }, 'create').ok).toBe(true);
  });

  it.each([['javascript:alert(1)'], ['JavaScript:alert(1)'], ['data:text/html,<script>alert(1)</script>'], ['vbscript:msgbox'], ['file:///etc/passwd']])('refuses %s', (site) => {
    expect(errorsOf({ name: 'A', site })).toContainEqual({
      field: 'site',
      rule: 'scheme',
      message: 'Website must be a link starting with http:, https:, mailto: or tel:',
      params: { schemes: ['http', 'https', 'mailto', 'tel'] },
    });
  });
});
