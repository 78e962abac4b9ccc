import type { FieldDefinition } from '@tessera/metadata';
import { builtinFieldTypes } from './builtin-field-types';
import type { ImportCell } from './cell-parser-types';
import { createFieldTypeRegistry } from './field-type-registry';

const registry = createFieldTypeRegistry(builtinFieldTypes);
const options = [{ value: 'gold', label: { en: 'Gold', zh: '金牌' } }, { value: 'silver', label: { en: 'Silver', zh: '银牌' } }];
const field = (type: string, extra: Partial<FieldDefinition> = {}) => ({ 'x-id': 'f', 'x-type': type, 'x-label': { en: 'F' }, ...extra }) as FieldDefinition;
/** The value, or `ERR <en> | <zh>`. */
const parse = (type: string, cell: ImportCell, extra: Partial<FieldDefinition> = {}, zone = 'Asia/Shanghai') => {
  const parsed = registry.get(type).parseCell!(cell, field(type, extra), { zone });
  return parsed.ok ? parsed.value : `ERR ${parsed.message.en} | ${parsed.message.zh}`;
};

describe('field types read imported cells', () => {
  it('numbers and money as written in China and the US; integers when the scale is 0', () => {
    expect(['1234.56', '1,234.56', '¥1,234.56', '￥ 1,234.56', '1,234.56元', 'USD 12', '(1,000.50)'].map((c) => parse('currency', c))).toEqual([1234.56, 1234.56, 1234.56, 1234.56, 1234.56, 12, -1000.5]);
    expect(parse('number', '2.5', { 'x-scale': 0 })).toMatch(/^ERR "2.5" is not a whole number \| “2.5”不是整数$/);
    expect(parse('number', 42)).toBe(42);
    expect(parse('number', '1234,56')).toMatch(/^ERR "1234,56" is not a number .*\| “1234,56”不是数字/);
    expect(['12.5%', '12.5 ％', '12.5'].map((c) => parse('percent', c))).toEqual([12.5, 12.5, 12.5]);
    // Chinese units and full-width digits, exact (no float error from 1.15 × 10000).
    expect(['1.5万', '1.15万', '¥3万元', '2亿', '１，２３４．５６', '-0.5万'].map((c) => parse('currency', c))).toEqual([15000, 11500, 30000, 200000000, 1234.56, -5000]);
    expect(parse('number', '1.23456万', { 'x-scale': 0 })).toMatch(/not a whole number/);
    expect(parse('number', '万')).toMatch(/is not a number/);
  });

  it('dates in ISO, slashes, Chinese and US order; date-times in the app zone unless they carry one', () => {
    expect(['2024-01-05', '2024/1/5', '2024年1月5日', '01/05/2024'].map((c) => parse('date', c))).toEqual(Array(4).fill('2024-01-05'));
    expect(parse('date', '2024-02-30')).toMatch(/is not a date .*不是日期/);
    expect(parse('datetime', '2024年1月5日 8:00')).toBe('2024-01-05T00:00:00.000Z');
    expect(parse('datetime', '2024-07-01 12:00', {}, 'America/New_York')).toBe('2024-07-01T16:00:00.000Z');
    expect(parse('datetime', '2024-07-01T12:00:00Z')).toBe('2024-07-01T12:00:00.000Z');
    // Times as written in Chinese, read in the app zone (Shanghai, UTC+8).
    expect(['2024-01-05 下午3:30', '2024年1月5日下午3点30分', '2024-01-05 15点30分', '2024/1/5 上午9时', '2024-01-05 晚上8点', '2024-01-05 中午12点'].map((c) => parse('datetime', c)))
      .toEqual(['2024-01-05T07:30:00.000Z', '2024-01-05T07:30:00.000Z', '2024-01-05T07:30:00.000Z', '2024-01-05T01:00:00.000Z', '2024-01-05T12:00:00.000Z', '2024-01-05T04:00:00.000Z']);
    expect(parse('datetime', '2024-01-05 下午13点')).toMatch(/not a date and time/);
  });

  it('booleans 是/否 and yes/no', () => {
    expect(['是', '否', 'Yes', 'no', '✓', true].map((c) => parse('boolean', c))).toEqual([true, false, true, false, true, true]);
    expect(parse('boolean', 'maybe')).toMatch(/not yes or no .*不是“是”或“否”/);
  });

  it('options by value or label in English or Chinese; several at any separator', () => {
    expect(['gold', 'GOLD', '金牌', ' 银牌 '].map((c) => parse('select', c, { 'x-options': options }))).toEqual(['gold', 'gold', 'gold', 'silver']);
    expect(parse('select', 'Platinum', { 'x-options': options })).toBe('ERR "Platinum" is not one of the options: Gold, Silver | “Platinum”不在选项中：金牌、银牌');
    for (const cell of ['Gold, Silver', '金牌、银牌', '金牌；silver', 'gold|Silver', 'Gold\nSilver', 'gold, 金牌, silver']) expect(parse('multiselect', cell, { 'x-options': options })).toEqual(['gold', 'silver']);
    expect(parse('multiselect', 'Gold, Bronze', { 'x-options': options })).toMatch(/"Bronze" is not one of the options/);
  });

  it('text as written (a number from Excel is its digits); ids for relations and users; JSON', () => {
    expect(parse('phone', 13800138000)).toBe('13800138000');
    expect(parse('richtext', ' <p>Hi</p> ')).toBe('<p>Hi</p>');
    const id = '3F2504E0-4F89-11D3-9A0C-0305E82C3301';
    expect(parse('user', id)).toBe(id.toLowerCase());
    expect(parse('relation', id, { 'x-relation': { entity: 'customer', kind: 'many-to-one' } })).toBe(id.toLowerCase());
    expect(parse('relation', `${id}, ${id}`, { 'x-relation': { entity: 'tag', kind: 'many-to-many' } })).toEqual([id.toLowerCase()]);
    expect(parse('user', 'Zhang San')).toMatch(/is not a record id \| .*不是记录 ID/);
    expect(parse('json', '{"a": [1, 2]}')).toEqual({ a: [1, 2] });
    expect(parse('json', '{a: 1}')).toMatch(/is not JSON/);
  });

  it('types whose values no cell carries say so with null', () => {
    expect(['file', 'formula', 'rollup', 'autonumber'].map((name) => registry.get(name).parseCell)).toEqual([null, null, null, null]);
  });
});
