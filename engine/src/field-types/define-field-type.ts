import type { FieldTypeDefinition } from './field-type-types';

/**
 * Declares a field type. Built-ins use it exactly as plugins do, so the plugin API is the
 * one the core is tested through.
 */
export function defineFieldType<T extends FieldTypeDefinition>(def: T): T {
  return def;
}
