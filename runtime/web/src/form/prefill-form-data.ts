import type { EntityDefinition } from '@tessera/metadata';

/**
 * A new record's first form data from its route (`#/contacts/new?customer=<id>`): only references
 * the form shows (many-to-one relations and user fields), whose values are ids as the URL has them;
 * anything else in the URL is ignored rather than typed into the form.
 */
export function prefillFormData(entity: EntityDefinition, prefill: Readonly<Record<string, string>> | undefined, formFields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(prefill ?? {})) {
    const field = Object.hasOwn(entity.properties, name) ? entity.properties[name] : undefined;
    const reference = field?.['x-relation']?.kind === 'many-to-one' || field?.['x-type'] === 'user';
    if (reference && value && formFields.includes(name)) out[name] = value;
  }
  return out;
}
