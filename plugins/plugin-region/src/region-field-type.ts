import { defineFieldType } from '@tessera/engine';
import { regionCodePattern } from './china-regions';

/**
 * `region:cn`: the code of a Chinese province, city or district (GB/T 2260, 2–6 digits) in a
 * varchar(12). Only codes in the shipped data validate.
 */
export const regionFieldType = defineFieldType({
  name: 'region:cn',
  label: { en: 'China region', zh: '省市区' },
  widget: 'region:cn',
  keywords: ['x-indexed'],
  jsonSchema: () => ({ type: 'string', maxLength: 12, pattern: regionCodePattern() }),
  column: () => ({ kind: 'varchar', length: 12 }),
  filterOperators: ['eq', 'ne', 'in', 'startsWith', 'isNull'],
});
