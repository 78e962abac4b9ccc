import type { KnownFieldType } from './validation-types';

/** The engine's built-in field types, as the validator needs to know them when no list is given. */
export const BUILTIN_FIELD_TYPES: readonly KnownFieldType[] = [
  { name: 'text' },
  { name: 'textarea' },
  { name: 'number' },
  { name: 'currency' },
  { name: 'date' },
  { name: 'datetime' },
  { name: 'boolean' },
  { name: 'select', requiresOptions: true },
  { name: 'email' },
  { name: 'phone' },
  { name: 'url' },
  { name: 'relation', requiresRelation: true },
  { name: 'richtext' },
  { name: 'percent' },
  { name: 'multiselect', requiresOptions: true },
  { name: 'json' },
  { name: 'user' },
  { name: 'autonumber' },
  { name: 'formula' },
  { name: 'rollup' },
  { name: 'file' },
];
