import type { FieldDefinition } from '@tessera/metadata';
import { builtinFieldTypes } from '../field-types/builtin-field-types';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { fieldToJsonSchema } from './field-to-json-schema';

const text = createFieldTypeRegistry(builtinFieldTypes).get('text');
const field = (description: FieldDefinition['description']) =>
  ({ 'x-id': 'f', 'x-type': 'text', 'x-label': { en: 'Signer', zh: '签约人' }, description }) as FieldDefinition;

describe('field help', () => {
  it('is shown in the reader\'s language, falling back to English', () => {
    const help = field({ en: 'Who signs the contract.', zh: '签署合同的人。' });
    expect(fieldToJsonSchema(text, help, { nullable: false, locale: 'zh' }).description).toBe('签署合同的人。');
    expect(fieldToJsonSchema(text, help, { nullable: false, locale: 'en' }).description).toBe('Who signs the contract.');
    // ajv and OpenAPI get a string: English when no locale is asked for.
    expect(fieldToJsonSchema(text, help, { nullable: true }).description).toBe('Who signs the contract.');
    expect(fieldToJsonSchema(text, field({ en: 'Only English' }), { nullable: false, locale: 'zh' }).description).toBe('Only English');
  });

  it('as one text is the same in every language', () => {
    expect(fieldToJsonSchema(text, field('Who signs.'), { nullable: false, locale: 'zh' }).description).toBe('Who signs.');
    expect(fieldToJsonSchema(text, field(undefined), { nullable: false }).description).toBeUndefined();
  });
});
