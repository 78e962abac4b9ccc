import { recordTypeRules, type EntityDefinition, type LayoutDefinition } from '@tessera/metadata';

/**
 * The form of one record type (`x-record-types`): its layout, and the entity as the form sees it
 * for that type — only the fields that apply, with the type's required fields required. Pure, so
 * the form can recompute it whenever the type field changes. An entity without types is unchanged.
 */
export interface TypedForm {
  entity: EntityDefinition;
  layout: LayoutDefinition | undefined;
  /** The record's type (its value, else the type field's default); undefined without types. */
  type: string | undefined;
}

/** The record's type: the type field's value, else its default (what the server will store on create). */
export function recordTypeOf(entity: EntityDefinition, data: Record<string, unknown>): string | undefined {
  const rules = recordTypeRules(entity);
  if (!rules) return undefined;
  return rules.typeOf(data) ?? (data[rules.field] === undefined ? rules.typeOf({ [rules.field]: entity.properties[rules.field]?.default }) : undefined);
}

/**
 * `stored`: the saved record's type, when editing one. Its type may change only to types that
 * run the same workflow (the server refuses the others), so only those are offered.
 */
export function typedForm(entity: EntityDefinition, layouts: readonly LayoutDefinition[], fallback: LayoutDefinition | undefined, data: Record<string, unknown>, stored?: string): TypedForm {
  const rules = recordTypeRules(entity);
  if (!rules) return { entity, layout: fallback, type: undefined };
  const type = recordTypeOf(entity, data);
  const properties = Object.fromEntries(Object.entries(entity.properties).filter(([name]) => rules.applies(name, type)));
  const typeField = properties[rules.field];
  if (stored !== undefined && typeField?.['x-options']) {
    const process = rules.spec(stored)?.workflow;
    properties[rules.field] = { ...typeField, 'x-options': typeField['x-options'].filter((o) => rules.spec(o.value)?.workflow === process) };
  }
  const required = [...new Set([...(entity.required ?? []), ...rules.required(type)])].filter((name) => name in properties);
  const forms = layouts.filter((l) => l.kind === 'form' && !l.public && l.entity === entity['x-name']);
  const named = rules.spec(type)?.layout;
  // A type without its own layout (or no type) gets the entity's form no type claims, else the default type's:
  // the shell's pick may be another type's.
  const claimed = new Set(Object.values(rules.definition.types).map((t) => t.layout));
  const byDefault = rules.typeOf({ [rules.field]: entity.properties[rules.field]?.default });
  const main = rules.spec(byDefault)?.layout;
  const layout = (named && forms.find((l) => l.name === named)) || forms.find((l) => !claimed.has(l.name)) || forms.find((l) => l.name === main) || fallback;
  return { entity: { ...entity, properties, ...(required.length ? { required } : {}) }, layout, type };
}

/** The form data without values in fields that do not apply to its type (those that stopped applying when the type changed). */
export function withoutOtherTypesFields(entity: EntityDefinition, data: Record<string, unknown>): Record<string, unknown> {
  const rules = recordTypeRules(entity);
  if (!rules) return data;
  const type = recordTypeOf(entity, data);
  const gone = [...rules.typeOnly].filter((name) => !rules.applies(name, type) && name in data);
  if (gone.length === 0) return data;
  const out = { ...data };
  for (const name of gone) delete out[name];
  return out;
}
