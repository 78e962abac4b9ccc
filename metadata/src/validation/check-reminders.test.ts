import type { AppDefinition, FieldDefinition } from '../index';
import { validateApp } from './validate-app';

const field = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ 'x-id': id, 'x-type': type, 'x-label': { en: id }, ...extra }) as unknown as FieldDefinition;

function app(reminderField: FieldDefinition): AppDefinition {
  return {
    name: 'crm',
    label: { en: 'CRM' },
    layouts: [],
    entities: [{
      type: 'object', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': { en: 'Contact' },
      properties: { name: field('n', 'text'), assistant: field('as', 'user'), note: field('no', 'text'), when: reminderField },
    }],
  };
}
const errors = (f: FieldDefinition) => {
  const result = validateApp(app(f));
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer} ${e.message}`);
};

describe('x-reminder', () => {
  it('accepts reminders on date and datetime fields, to the owner or a user field', () => {
    expect(errors(field('w', 'date', { 'x-reminder': { before: 'P1D', notify: 'owner', yearly: true, message: { en: 'Birthday of {{name}} on {{due}}', zh: '{{name}} 的生日' } } }))).toEqual([]);
    expect(errors(field('w', 'datetime', { 'x-reminder': { before: 30, notify: 'assistant' } }))).toEqual([]);
    expect(errors(field('w', 'datetime', { 'x-reminder': { before: 'PT2H30M', notify: 'owner' } }))).toEqual([]);
    expect(errors(field('w', 'date', { 'x-reminder': { before: 'P1W2D', notify: 'owner' } }))).toEqual([]);
  });

  it('refuses a reminder on a field that holds no date', () => {
    expect(errors(field('w', 'text', { 'x-reminder': { before: 'P1D', notify: 'owner' } }))).toEqual([
      'reminder-field-type /entities/0/properties/when/x-reminder The field "when" of entity "contact" has a reminder, but it is a text field.',
    ]);
  });

  it('refuses a recipient that is neither owner nor a user field, naming the user fields', () => {
    const result = validateApp(app(field('w', 'date', { 'x-reminder': { before: 'P1D', notify: 'note' } })));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.pointer, e.hint])).toEqual([['reminder-recipient-invalid', '/entities/0/properties/when/x-reminder/notify', 'Use "owner" or one of: assistant.']]);
  });

  it('refuses a placeholder that is no field', () => {
    expect(errors(field('w', 'date', { 'x-reminder': { before: 'P1D', notify: 'owner', message: { en: 'Call {{nmae}}' } } }))).toEqual([
      'reminder-message-field /entities/0/properties/when/x-reminder/message/en The reminder of the field "when" of entity "contact" uses {{nmae}}, which is not a field of entity "contact".',
    ]);
  });

  it('refuses a malformed lead time through the meta-schema', () => {
    for (const before of ['1 day', 'P', 'PT', 'P1Y', -5, 1.5]) {
      const found = errors(field('w', 'date', { 'x-reminder': { before, notify: 'owner' } }));
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]).toContain('/entities/0/properties/when/x-reminder/before');
    }
    expect(errors(field('w', 'date', { 'x-reminder': { notify: 'owner' } }))[0]).toMatch(/^missing-property/);
  });
});
