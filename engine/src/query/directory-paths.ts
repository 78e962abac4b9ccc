import type { FilterOperator } from '../field-types/field-type-types';
import { EQUALITY_OPERATORS, TEXT_OPERATORS } from '../field-types/filter-operators';
import type { RelationHop, ValueKind } from './query-types';

/**
 * What a relation path may read of Tessera's users and departments (`owner.department.name`).
 * An allow-list, not the tables' columns: password hashes, roles, e-mail, lockout counters
 * and tokens are never reachable, and adding a column to the tables exposes nothing.
 * Names are the API's (camelCase, as in `/api/auth/me` and scope expressions).
 */
export type DirectoryTable = 'users' | 'departments';

interface DirectoryField {
  column: string;
  kind: ValueKind;
  operators: readonly FilterOperator[];
}

interface DirectoryShape {
  fields: Record<string, DirectoryField>;
  hops: Record<string, { column: string; table: DirectoryTable }>;
}

const id: DirectoryField = { column: 'id', kind: 'uuid', operators: EQUALITY_OPERATORS };
const text = (column: string): DirectoryField => ({ column, kind: 'string', operators: TEXT_OPERATORS });

const DIRECTORY: Record<DirectoryTable, DirectoryShape> = {
  users: { fields: { id, username: text('username'), displayName: text('display_name') }, hops: { department: { column: 'department_id', table: 'departments' } } },
  departments: { fields: { id, name: text('name') }, hops: {} },
};

const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

export function directoryField(table: DirectoryTable, name: string): DirectoryField | undefined {
  return has(DIRECTORY[table].fields, name) ? DIRECTORY[table].fields[name] : undefined;
}

/** The hop from a directory row to another (`department` of a user), or undefined. */
export function directoryHop(table: DirectoryTable, name: string): (RelationHop & { table: DirectoryTable }) | undefined {
  if (!has(DIRECTORY[table].hops, name)) return undefined;
  const hop = DIRECTORY[table].hops[name];
  return { kind: 'many-to-one', column: hop.column, table: hop.table, directory: true };
}

/** The names a path may use after a directory hop, for error messages. */
export const directoryNames = (table: DirectoryTable) => [...Object.keys(DIRECTORY[table].fields), ...Object.keys(DIRECTORY[table].hops)];
