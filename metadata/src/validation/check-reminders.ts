import { RESERVED_FIELD_NAMES } from '../entity/entity-types';
import { entityViews, isRecord, stringOr, type FieldView } from './app-views';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

const DATE_TYPES = ['date', 'datetime'];
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * What the meta-schema cannot say about `x-reminder`: it sits on a date or datetime field,
 * goes to `owner` or a user field of the same entity, and its message names real fields —
 * a reminder that silently never fires (or reaches nobody) is worse than a refused publish.
 */
export function checkReminders(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  for (const entity of entityViews(app)) {
    for (const field of entity.fields) {
      const reminder = field.value['x-reminder'];
      if (isRecord(reminder)) errors.push(...checkReminder(field, reminder));
    }
  }
  return errors;
}

function checkReminder(field: FieldView, reminder: Record<string, unknown>): MetadataError[] {
  const errors: MetadataError[] = [];
  const at = field.pointer + pointerOf('x-reminder');
  const type = String(field.value['x-type']);
  if (!DATE_TYPES.includes(type)) {
    errors.push(metadataError('reminder-field-type', at, `${capitalize(field.title)} has a reminder, but it is a ${type} field.`, 'Put "x-reminder" on a date or datetime field.'));
  }
  const notify = stringOr(reminder.notify);
  if (notify !== undefined && notify !== 'owner') {
    const target = field.entity.fields.find((f) => f.name === notify);
    if (!target || target.value['x-type'] !== 'user') {
      const users = field.entity.fields.filter((f) => f.value['x-type'] === 'user').map((f) => f.name);
      errors.push(metadataError('reminder-recipient-invalid', at + pointerOf('notify'), `${capitalize(field.title)} reminds "${notify}", which is neither "owner" nor a user field of ${field.entity.title}.`, `Use "owner"${users.length ? ` or one of: ${users.join(', ')}` : ''}.`));
    }
  }
  // `due` is the due date itself, formatted in the jobs' time zone.
  const known = new Set([...field.entity.fields.map((f) => f.name), ...RESERVED_FIELD_NAMES, 'due']);
  for (const [lang, text] of Object.entries(isRecord(reminder.message) ? reminder.message : {})) {
    for (const [, name] of String(text).matchAll(PLACEHOLDER)) {
      if (!known.has(name)) {
        errors.push(metadataError('reminder-message-field', at + pointerOf('message', lang), `The reminder of ${field.title} uses {{${name}}}, which is not a field of ${field.entity.title}.`, `Use {{field}} with a field of ${field.entity.title} (e.g. {{${field.entity.fields[0]?.name ?? 'name'}}}) or {{due}} for the due date.`));
      }
    }
  }
  return errors;
}
