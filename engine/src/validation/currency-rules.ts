import type { EntityDefinition } from '@tessera/metadata';
import type { ErrorObject } from 'ajv';
import type { JsonSchema } from '../field-types/field-type-types';
import type { FieldError, RecordValidationMode } from './validation-types';

/** A multi-currency amount and the sibling select that holds its ISO 4217 code. */
export interface CurrencyPair {
  amount: string;
  code: string;
}

export const CURRENCY_REQUIRED = 'currency-required';

/**
 * The entity's multi-currency amounts (`x-currency-field`) whose code field it has. A role
 * that cannot see the code field gets an entity without it; it cannot write it either, so
 * the rule is left to the merged-record check rather than made impossible to satisfy.
 */
export function currencyPairs(entity: EntityDefinition): CurrencyPair[] {
  const pairs: CurrencyPair[] = [];
  for (const [amount, field] of Object.entries(entity.properties)) {
    const code = field['x-currency-field'];
    if (typeof code === 'string' && Object.hasOwn(entity.properties, code)) pairs.push({ amount, code });
  }
  return pairs;
}

/**
 * `allOf` branches, one per pair: an amount that is a number needs a code that is a string.
 * Create: the body is the whole record, so the code must be there (after defaults). Update:
 * a PATCH is partial, so only a body that sets the amount and clears the code in one go is
 * decidable here; the merged record is checked after the write (`currencyRecordErrors`).
 */
export function currencyRuleSchemas(pairs: readonly CurrencyPair[], mode: RecordValidationMode, entity: EntityDefinition): JsonSchema[] {
  return pairs.map(({ amount, code }) => {
    // ajv fills defaults after it has run `allOf`, so an omitted code with a default is given.
    const mustBePresent = mode === 'create' && entity.properties[code].default === undefined;
    return {
      if: { required: mode === 'create' ? [amount] : [amount, code], properties: { [amount]: { type: 'number' } } },
      then: { ...(mustBePresent ? { required: [code] } : {}), properties: { [code]: { type: 'string' } } },
    };
  });
}

const RULE_PATH = /^#\/allOf\/(\d+)\/(if|then)(\/|$)/;

/**
 * Reports a failed branch as one error at the amount (the field the user typed), and drops
 * the branch's inner errors, which would name the code field with a bare "required".
 * Undefined: the error is not from a currency branch.
 */
export function currencyRuleError(error: ErrorObject, pairs: readonly CurrencyPair[], entity: EntityDefinition): FieldError | null | undefined {
  const match = RULE_PATH.exec(error.schemaPath);
  const pair = match ? pairs[Number(match[1])] : undefined;
  if (!match || !pair) return undefined;
  return match[2] === 'if' ? currencyRequired(pair, entity) : null;
}

function currencyRequired({ amount, code }: CurrencyPair, entity: EntityDefinition): FieldError {
  const label = entity.properties[amount]?.['x-label'].en ?? amount;
  const codeLabel = entity.properties[code]?.['x-label'].en ?? code;
  return { field: amount, rule: CURRENCY_REQUIRED, message: `${label} needs a currency: set ${codeLabel} ("${code}")`, params: { currencyField: code } };
}

/** A condition on the stored record that a PATCH needs, and the error when it does not hold. */
export interface CurrencyGuard {
  /** The stored field to test. */
  field: string;
  /** True: the stored value must be null; false: it must not be. */
  mustBeNull: boolean;
  error: FieldError;
}

const given = (data: Record<string, unknown>, name: string) => Object.hasOwn(data, name);
const filled = (data: Record<string, unknown>, name: string) => given(data, name) && data[name] !== null;

/**
 * What the stored record must hold so that a valid partial update still leaves every amount
 * with its code: setting only an amount needs a stored code; clearing only a code needs no
 * stored amount. Conditions, not a read: the runtime puts them in the UPDATE's WHERE, so the
 * check and the write are one statement (no race, nothing to roll back).
 */
export function currencyUpdateGuards(entity: EntityDefinition, patch: Record<string, unknown>): CurrencyGuard[] {
  const guards: CurrencyGuard[] = [];
  for (const pair of currencyPairs(entity)) {
    const error = currencyRequired(pair, entity);
    if (filled(patch, pair.amount) && !given(patch, pair.code)) guards.push({ field: pair.code, mustBeNull: false, error });
    else if (given(patch, pair.code) && !filled(patch, pair.code) && !given(patch, pair.amount)) guards.push({ field: pair.amount, mustBeNull: true, error });
  }
  return guards;
}
