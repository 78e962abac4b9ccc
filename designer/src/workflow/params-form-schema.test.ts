import { paramsUiSchema, titledChoices } from './params-form-schema';

const titles = { text: 'One text', perLanguage: 'Per language', list: 'List', number: 'Number' };
const text = { type: 'string', minLength: 1 };
const notifyLike = {
  type: 'object',
  properties: {
    template: { anyOf: [text, { type: 'object', required: ['en'], properties: { en: text, zh: text } }] },
    to: { type: 'array', items: { type: 'string' } },
    rules: { type: 'array', items: { type: 'object', properties: { users: { type: 'array', items: { type: 'string' } } } } },
  },
};

describe('params form schema', () => {
  it('titles untitled anyOf choices so the form never says "Option 1"', () => {
    const out = titledChoices(notifyLike, titles) as { properties: { template: { anyOf: Array<{ title: string }> } } };
    expect(out.properties.template.anyOf.map((o) => o.title)).toEqual(['One text', 'Per language']);
    expect((notifyLike.properties.template.anyOf[0] as { title?: string }).title).toBeUndefined();
  });

  it('keeps a choice\'s own title', () => {
    const out = titledChoices({ oneOf: [{ type: 'string', title: 'Mine' }] }, titles) as { oneOf: Array<{ title: string }> };
    expect(out.oneOf[0].title).toBe('Mine');
  });

  it('hides list items\' generated labels ("to-1"), nested lists too', () => {
    expect(paramsUiSchema(notifyLike)).toEqual({
      to: { items: { 'ui:label': false } },
      rules: { items: { 'ui:label': false, users: { items: { 'ui:label': false } } } },
    });
  });
});
