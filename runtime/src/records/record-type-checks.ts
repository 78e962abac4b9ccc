import { recordTypeHasValue, recordTypeRules, type EntityDefinition, type LocalizedText } from '@tessera/metadata';

/** A refusal of one field, in both languages (`messages`, as the web shows it at the field). */
export interface RecordTypeError {
  field: string;
  rule: 'record-type' | 'required';
  message: string;
  messages: { en: string; zh: string };
}

const en = (t: LocalizedText | undefined, fallback: string) => t?.en ?? fallback;
const zh = (t: LocalizedText | undefined, fallback: string) => t?.zh ?? t?.en ?? fallback;

/**
 * The record as it will be stored, judged by its type (`x-record-types`): a value in a field
 * that applies only to other types is refused, naming the field and the type in the user's
 * words; a field the type requires must be filled. No errors for an entity without types.
 */
export function recordTypeErrors(entity: EntityDefinition, record: Record<string, unknown>): RecordTypeError[] {
  const rules = recordTypeRules(entity);
  if (!rules) return [];
  const type = rules.typeOf(record);
  const typeField = entity.properties[rules.field];
  const typeLabel = typeField?.['x-options']?.find((o) => o.value === type)?.label;
  const kindLabel = typeField?.['x-label'];
  const errors: RecordTypeError[] = [];
  const label = (name: string) => entity.properties[name]?.['x-label'];
  for (const name of rules.typeOnly) {
    if (rules.applies(name, type) || !recordTypeHasValue(record[name])) continue;
    const l = label(name);
    const messages = type !== undefined
      ? { en: `${en(l, name)} does not apply when ${en(kindLabel, rules.field)} is ${en(typeLabel, type)}.`, zh: `${zh(kindLabel, rules.field)}为${zh(typeLabel, type)}时不适用${zh(l, name)}。` }
      : { en: `${en(l, name)} applies only when ${en(kindLabel, rules.field)} is ${typesListing(entity, name, 'en')}.`, zh: `${zh(l, name)}仅在${zh(kindLabel, rules.field)}为${typesListing(entity, name, 'zh')}时适用。` };
    errors.push({ field: name, rule: 'record-type', message: messages.en, messages });
  }
  for (const name of rules.required(type)) {
    if (recordTypeHasValue(record[name])) continue;
    const l = label(name);
    const messages = { en: `${en(l, name)} is required`, zh: `${zh(l, name)}为必填项` };
    errors.push({ field: name, rule: 'required', message: messages.en, messages });
  }
  return errors;
}

/** "Distributor or Agent" / "经销商或代理商": the types a field applies to. */
function typesListing(entity: EntityDefinition, name: string, locale: 'en' | 'zh'): string {
  const spec = entity['x-record-types']!;
  const options = entity.properties[spec.field]?.['x-options'] ?? [];
  const labels = Object.entries(spec.types).filter(([, t]) => t.fields?.includes(name)).map(([key]) => {
    const l = options.find((o) => o.value === key)?.label;
    return locale === 'zh' ? zh(l, key) : en(l, key);
  });
  return labels.join(locale === 'zh' ? '或' : ' or ');
}

/**
 * A change of type that would move the record to another workflow (ADR 0060) is refused: its
 * state, timers and approvals belong to the workflow it runs. Types that run the same workflow
 * (or both the entity's default) may be swapped freely.
 */
export function recordTypeChangeErrors(entity: EntityDefinition, stored: Record<string, unknown>, next: Record<string, unknown>): RecordTypeError[] {
  const rules = recordTypeRules(entity);
  if (!rules) return [];
  const from = rules.typeOf(stored);
  const to = rules.typeOf(next);
  if (from === to || rules.spec(from)?.workflow === rules.spec(to)?.workflow) return [];
  const typeField = entity.properties[rules.field];
  const option = (type: string | undefined) => typeField?.['x-options']?.find((o) => o.value === type)?.label;
  const kind = typeField?.['x-label'];
  const messages = {
    en: `${en(kind, rules.field)} cannot change from ${en(option(from), from ?? '-')} to ${en(option(to), to ?? '-')}: they follow different processes.`,
    zh: `${zh(kind, rules.field)}不能从${zh(option(from), from ?? '-')}改为${zh(option(to), to ?? '-')}：两者的流程不同。`,
  };
  return [{ field: rules.field, rule: 'record-type', message: messages.en, messages }];
}
