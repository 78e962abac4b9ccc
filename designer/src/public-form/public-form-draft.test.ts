import { createFieldTypeRegistry, validateAppWithRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { draftOf, draftToLayout, entityEvents, freeSlug, newPublicFormDraft, publicFieldChoices, publicFormProblems, publicForms, putLayout, type PublicFormDraft } from './public-form-draft';

const options = (...values: string[]) => values.map((value) => ({ value, label: { en: value } }));
const app = (): AppDefinition => ({
  name: 'crm', label: { en: 'CRM' },
  entities: [
    { type: 'object', 'x-id': 'e1', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, properties: { name: { 'x-id': 'c1', 'x-type': 'text', 'x-label': { en: 'Name' } } } },
    { type: 'object', 'x-id': 'e2', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead' }, required: ['name'], properties: {
      name: { 'x-id': 'l1', 'x-type': 'text', 'x-label': { en: 'Name' } },
      email: { 'x-id': 'l2', 'x-type': 'email', 'x-label': { en: 'Email' } },
      customer: { 'x-id': 'l3', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
      source: { 'x-id': 'l4', 'x-type': 'select', 'x-label': { en: 'Source' }, 'x-options': options('web', 'phone') },
      score: { 'x-id': 'l5', 'x-type': 'number', 'x-label': { en: 'Score' } },
      status: { 'x-id': 'l6', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': options('new', 'assigned') },
    } },
  ],
  layouts: [{ name: 'lead_form', kind: 'form', entity: 'lead', sections: [{ id: 'main', label: { en: 'Lead' }, fields: ['email', 'name', 'customer', 'source', 'score', 'status'] }] }],
  workflows: [{ name: 'lead_status', entity: 'lead', stateField: 'status', version: 1, machine: { id: 'lead_status', initial: 'new', states: { new: { on: { ASSIGN: { target: 'assigned' } } }, assigned: { type: 'final' } } } }],
} as unknown as AppDefinition);
const lead = (a: AppDefinition) => a.entities[1];
const section = { en: 'Your details', zh: '您的信息' };
const publish = (a: AppDefinition) => { const r = validateAppWithRegistry(a, createFieldTypeRegistry()); return r.ok ? [] : r.errors.map((e) => `${e.code} ${e.pointer}`); };
const filled = (a: AppDefinition): PublicFormDraft => ({
  ...newPublicFormDraft(a, lead(a), { en: 'Talk to us', zh: '联系我们' }),
  submitAs: 'webform', event: 'ASSIGN', perMinute: '10', thanks: { en: 'Thanks!', zh: '谢谢！' }, defaults: [{ field: 'source', value: 'web' }, { field: 'score', value: '5' }],
});

describe('public forms (layout.public)', () => {
  it('starts a new form asking for the plain fields, in the form\'s order, under a free address', () => {
    const a = app();
    expect(publicFieldChoices(a, lead(a))).toEqual(['email', 'name', 'source', 'score']);
    expect(newPublicFormDraft(a, lead(a), { en: 'Talk to us' })).toMatchObject({ slug: 'leads', title: { en: 'Talk to us', zh: '' }, captcha: true, enabled: true, fields: ['email', 'name', 'source', 'score'] });
    expect(entityEvents(a, 'lead')).toEqual(['ASSIGN']);
    expect(freeSlug(putLayout(a, undefined, { name: 'x', kind: 'form', entity: 'lead', sections: [], public: { slug: 'leads', title: { en: 'X' }, submitAs: 'w' } }), 'Leads')).toBe('leads-2');
  });

  it('applies a filled-in form as a publishable layout with typed defaults, leaving the entity\'s own form alone', () => {
    const a = app();
    const draft = { ...filled(a), fields: ['name', 'email'], captcha: false };
    expect(publicFormProblems(a, lead(a), draft)).toEqual([]);
    const layout = draftToLayout(a, lead(a), draft, section);
    expect(layout).toEqual({
      name: 'lead_web_form', kind: 'form', entity: 'lead', sections: [{ id: 'main', label: section, columns: 1, fields: ['name', 'email'] }],
      public: { slug: 'leads', title: { en: 'Talk to us', zh: '联系我们' }, thanks: { en: 'Thanks!', zh: '谢谢！' }, submitAs: 'webform', defaults: { source: 'web', score: 5 }, event: 'ASSIGN', perMinute: 10, captcha: false },
    });
    const next = putLayout(a, undefined, layout);
    expect(publish(next)).toEqual([]);
    expect(publicForms(next, 'lead').map((l) => l.name)).toEqual(['lead_web_form']);
    expect(next.layouts[0]).toBe(a.layouts[0]);
  });

  it('reads a form back unchanged, and an edit keeps its sections, name and declared flags', () => {
    const a = app();
    const layout = draftToLayout(a, lead(a), { ...filled(a), enabled: true }, section);
    const withForm = putLayout(a, undefined, { ...layout, public: { ...layout.public!, enabled: true } });
    const stored = withForm.layouts[1];
    expect(draftToLayout(withForm, lead(withForm), draftOf(stored), section, stored)).toEqual(stored);
    const edited = draftToLayout(withForm, lead(withForm), { ...draftOf(stored), fields: ['name', 'score', 'email'], enabled: false }, section, stored);
    expect(edited.sections).toEqual([{ ...stored.sections[0], fields: ['email', 'name', 'score'] }]);
    expect(edited.public?.enabled).toBe(false);
    expect(publish(putLayout(withForm, stored.name, edited))).toEqual([]);
    expect(putLayout(withForm, stored.name, undefined).layouts).toEqual(a.layouts);
  });

  it('names what would not publish: address, title, user, fields, rate and default values', () => {
    const a = app();
    const withForm = putLayout(a, undefined, draftToLayout(a, lead(a), filled(a), section));
    const draft: PublicFormDraft = { ...filled(a), slug: 'leads', title: { en: ' ', zh: '' }, submitAs: '', fields: [], perMinute: '0', defaults: [{ field: 'score', value: 'many' }, { field: 'score', value: '1' }] };
    expect(publicFormProblems(withForm, lead(a), draft).map(([key]) => key)).toEqual(['slugTaken', 'title', 'submitAs', 'fields', 'perMinute', 'defaultField', 'defaultValue']);
    expect(publicFormProblems(withForm, lead(a), draft, 'lead_web_form').map(([key]) => key)).not.toContain('slugTaken');
    expect(publicFormProblems(a, lead(a), { ...filled(a), slug: 'Contact Us' })).toEqual([['slug']]);
    expect(publicFormProblems(a, lead(a), { ...filled(a), defaults: [{ field: 'source', value: 'fax' }] })).toEqual([['defaultValue', { name: 'source' }]]);
    // The meta-schema agrees on the address and the rate.
    const bad = putLayout(a, undefined, { ...draftToLayout(a, lead(a), filled(a), section), public: { ...draftToLayout(a, lead(a), filled(a), section).public!, slug: 'Contact Us', perMinute: 0 } });
    expect(publish(bad)).toHaveLength(2);
  });
});
