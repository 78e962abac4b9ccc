import { validateApp } from './validate-app';

const app = (entity: Record<string, unknown>) => ({ name: 'crm', label: { en: 'CRM' }, entities: [entity], layouts: [] });
const deal = (extra: Record<string, unknown>, field: Record<string, unknown>) => ({
  type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, ...extra,
  properties: { f: { 'x-id': 'f1', 'x-label': { en: 'F' }, ...field } },
});

describe('issue 3 metadata keywords', () => {
  it('accepts an entity id and the new built-in types with their keywords', () => {
    expect(validateApp(app(deal({ 'x-id': 'e_deal' }, { 'x-type': 'formula', 'x-formula': 'a + 1', 'x-formula-type': 'number', 'x-stored': true }))).ok).toBe(true);
    expect(validateApp(app(deal({}, { 'x-type': 'autonumber', 'x-format': 'BID-{YYYY}-{0000}' }))).ok).toBe(true);
    expect(validateApp(app(deal({}, { 'x-type': 'multiselect', 'x-options': [{ value: 'a', label: { en: 'A' } }] }))).ok).toBe(true);
  });

  it('rejects a multiselect without options and an unknown formula result type', () => {
    expect(validateApp(app(deal({}, { 'x-type': 'multiselect' })))).toMatchObject({ ok: false, errors: [{ code: 'select-without-options' }] });
    expect(validateApp(app(deal({}, { 'x-type': 'formula', 'x-formula-type': 'money' }))).ok).toBe(false);
    expect(validateApp(app(deal({ 'x-id': 'bad id' }, { 'x-type': 'text' }))).ok).toBe(false);
  });
});
