import { validateApp } from './validate-app';

const app = (description: unknown) => ({
  name: 'crm', label: { en: 'CRM' }, layouts: [],
  entities: [{ type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, properties: { f: { 'x-id': 'f1', 'x-type': 'text', 'x-label': { en: 'F' }, description } } }],
});

describe('field help (description)', () => {
  it('is one text or one per language', () => {
    expect(validateApp(app('Who signs.')).ok).toBe(true);
    expect(validateApp(app({ en: 'Who signs.', zh: '签约人。' })).ok).toBe(true);
  });

  it('needs English when given per language, and nothing but languages', () => {
    expect(validateApp(app({ zh: '签约人。' })).ok).toBe(false);
    expect(validateApp(app({ en: 'Who signs.', fr: 'Signataire.' })).ok).toBe(true); // any BCP 47 language
    expect(validateApp(app({ en: 'Who signs.', french: 'Signataire.' })).ok).toBe(false);
    expect(validateApp(app(42)).ok).toBe(false);
  });
});
