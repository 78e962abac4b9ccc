import jexl from 'jexl';
import { defineGuard } from './define-guard';
import type { GuardDefinition } from './workflow-types';

// A private instance with no transforms: guards are comparisons and logic over data.
const language = new jexl.Jexl();

/** The user has one of `roles`. Timers (no user) never pass a role guard. */
export const roleGuard = defineGuard<{ roles: string[] }>({
  name: 'role',
  description: 'The acting user has one of the roles',
  paramsSchema: { type: 'object', required: ['roles'], properties: { roles: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } }, additionalProperties: false },
  evaluate: ({ roles }, { user }) => !!user && user.roles.some((r) => roles.includes(r)),
});

/**
 * A jexl expression over the record's fields, with the form data as `$form` and the user as
 * `$user`, e.g. `amount > 10000 && $form.reason != null`. Never eval: jexl is data-only.
 */
export const fieldGuard = defineGuard<{ expression: string }>({
  name: 'field',
  description: 'An expression over the record is true',
  paramsSchema: { type: 'object', required: ['expression'], properties: { expression: { type: 'string', minLength: 1, maxLength: 2000 } }, additionalProperties: false },
  check: ({ expression }) => {
    try {
      language.compile(expression);
      return [];
    } catch (err) {
      return [`The expression "${expression}" does not parse: ${(err as Error).message}`];
    }
  },
  evaluate: ({ expression }, { record, data, user }) => {
    try {
      return Boolean(language.evalSync(expression, { ...record, $form: data, $user: user }));
    } catch {
      return false; // a failing expression must not open a transition
    }
  },
});

export const builtinGuards: readonly GuardDefinition<any>[] = [roleGuard, fieldGuard]; // eslint-disable-line @typescript-eslint/no-explicit-any
