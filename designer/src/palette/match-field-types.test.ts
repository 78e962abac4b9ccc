import type { FieldTypeDefinition } from '@tessera/engine';
import { matchFieldTypes } from './match-field-types';

const type = (name: string, en: string, zh?: string) => ({ name, label: { en, ...(zh ? { zh } : {}) } }) as unknown as FieldTypeDefinition;
const types = [
  type('text', 'Text', '文本'),
  type('textarea', 'Long text', '多行文本'),
  type('number', 'Number', '数字'),
  type('currency', 'Currency', '金额'),
  type('date', 'Date', '日期'),
  type('datetime', 'Date and time', '日期时间'),
  type('acme:rating', 'Star rating'),
];
const names = (query: string) => matchFieldTypes(types, query).map((t) => t.name);

describe('matchFieldTypes', () => {
  it('keeps every type in order for an empty or blank query', () => {
    expect(names('')).toEqual(types.map((t) => t.name));
    expect(names('   ')).toEqual(types.map((t) => t.name));
  });

  it('finds by English label, Chinese label or name, ignoring case and full-width letters', () => {
    expect(names('NUM')).toEqual(['number']);
    expect(names('金额')).toEqual(['currency']);
    expect(names('ｃｕｒ')).toEqual(['currency']);
    expect(names('rating')).toEqual(['acme:rating']);
    expect(names('acme')).toEqual(['acme:rating']);
  });

  it('puts labels that start with the query first, and needs every word', () => {
    expect(names('text')).toEqual(['text', 'textarea']);
    expect(names('date time')).toEqual(['datetime']);
    expect(names('文本')).toEqual(['text', 'textarea']);
    expect(names('zzz')).toEqual([]);
  });
});
