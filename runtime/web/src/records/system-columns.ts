import type { SystemField } from '@tessera/metadata';

/**
 * System columns by what they hold, typed against metadata's `SystemField` (a renamed column
 * fails to compile) and checked against `SYSTEM_FIELDS` and the engine's record schema by
 * system-columns.test.ts. Plain data here: the first screen cannot import metadata's values
 * (they bring ajv).
 */
/** Columns holding a user id: names show instead. */
export const USER_COLUMNS: readonly SystemField[] = ['owner', 'created_by'];
/** Columns holding a timestamp: grouped by day, month or year. */
export const TIME_COLUMNS: readonly SystemField[] = ['created_at', 'updated_at'];
