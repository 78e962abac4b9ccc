import type Ajv from 'ajv';
import type { AnySchemaObject, ErrorObject } from 'ajv';
import type { DataValidateFunction } from 'ajv/dist/types';
import { numericProblem } from '../field-types/numeric-value';

/** ajv keyword errors carry these params; `ajvErrorToFieldError` words them for users. */
export type ValueKeywordParams = { problem: 'scale' | 'precision'; precision: number; scale: number } | { schemes: readonly string[] };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

type KeywordCheck = DataValidateFunction & { errors?: Partial<ErrorObject>[] };

/**
 * Adds the value keywords field types declare: `x-scale` (with `x-precision`) checks a
 * number's decimal text against its numeric column; `x-schemes` restricts a link's scheme.
 * Both check one value, so ajv reports them at the field like any other keyword.
 */
export function addValueKeywords(ajv: Ajv): void {
  ajv.addKeyword({ keyword: 'x-precision', schemaType: 'number' });
  ajv.addKeyword({
    keyword: 'x-scale',
    type: 'number',
    schemaType: 'number',
    errors: true,
    compile(scale: number, parent: AnySchemaObject) {
      // No precision: only decimals are limited (the digits JavaScript can hold bound the rest).
      const precision = typeof parent['x-precision'] === 'number' ? parent['x-precision'] : Number.POSITIVE_INFINITY;
      // `type: integer` already refuses decimals, in its own words; one error per mistake.
      const integerTyped = [parent.type].flat().includes('integer');
      const check: KeywordCheck = (value: number) => {
        const found = numericProblem(value, precision, scale);
        const problem = found === 'scale' && integerTyped ? undefined : found;
        check.errors = problem ? [{ keyword: 'x-scale', params: { problem, precision, scale } satisfies ValueKeywordParams }] : [];
        return problem === undefined;
      };
      return check;
    },
  });
  ajv.addKeyword({
    keyword: 'x-schemes',
    type: 'string',
    schemaType: 'array',
    errors: true,
    compile(schemes: readonly string[]) {
      const check: KeywordCheck = (value: string) => {
        const scheme = SCHEME.exec(value)?.[1].toLowerCase();
        const ok = scheme !== undefined && schemes.includes(scheme);
        check.errors = ok ? [] : [{ keyword: 'x-schemes', params: { schemes } satisfies ValueKeywordParams }];
        return ok;
      };
      return check;
    },
  });
}
