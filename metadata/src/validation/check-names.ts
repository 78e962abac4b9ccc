import { RESERVED_FIELD_NAMES, RESERVED_PLURALS } from '../entity/entity-types';
import { entityViews, isRecord, stringOr } from './app-views';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

const SAFE_IDENTIFIER = /^[a-z][a-z0-9_]*$/;
// PostgreSQL truncates identifiers past NAMEDATALEN-1 bytes, which would make two names collide.
const MAX_IDENTIFIER_BYTES = 63;

const toSnakeCase = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '') || 'name';

/** Checks one name that becomes a table, column, schema or URL segment. */
function checkIdentifier(name: string, subject: string, pointer: string): MetadataError[] {
  const errors: MetadataError[] = [];
  if (!SAFE_IDENTIFIER.test(name)) {
    errors.push(
      metadataError(
        'invalid-identifier',
        pointer,
        `${subject} is not a safe name: use lowercase letters, digits and "_", starting with a letter.`,
        `Rename it, e.g. "${toSnakeCase(name)}".`,
      ),
    );
  }
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_IDENTIFIER_BYTES) {
    errors.push(
      metadataError('identifier-too-long', pointer, `${subject} is ${bytes} bytes long; PostgreSQL names are at most ${MAX_IDENTIFIER_BYTES} bytes.`, `Use a name of at most ${MAX_IDENTIFIER_BYTES} characters.`),
    );
  }
  return errors;
}

/** Names that reach SQL (app, entity, plural, field) must be safe identifiers and not reserved. */
export function checkNames(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  const appName = isRecord(app) ? stringOr(app.name) : undefined;
  if (appName) errors.push(...checkIdentifier(appName, `The app name "${appName}"`, pointerOf('name')));
  for (const entity of entityViews(app)) {
    if (entity.name) errors.push(...checkIdentifier(entity.name, `The entity name "${entity.name}"`, entity.pointer + pointerOf('x-name')));
    const plural = stringOr(entity.value['x-plural']);
    if (plural) errors.push(...checkIdentifier(plural, `The plural name "${plural}" of ${entity.title}`, entity.pointer + pointerOf('x-plural')));
    if (plural && RESERVED_PLURALS.includes(plural)) {
      errors.push(
        metadataError(
          'reserved-plural',
          entity.pointer + pointerOf('x-plural'),
          `The plural name "${plural}" of ${entity.title} is taken by Tessera's own API (/api/${plural}).`,
          `Choose another plural, e.g. "${entity.name ?? 'record'}_${plural}"; reserved: ${RESERVED_PLURALS.join(', ')}.`,
        ),
      );
    }
    for (const field of entity.fields) {
      errors.push(...checkIdentifier(field.name, `The field name "${field.name}" of ${entity.title}`, field.pointer));
      if (RESERVED_FIELD_NAMES.includes(field.name)) {
        errors.push(
          metadataError(
            'reserved-field-name',
            field.pointer,
            `${capitalize(entity.title)} has a field named "${field.name}", a name Tessera reserves for a system column.`,
            `Rename the field, e.g. "${entity.name ?? 'record'}_${field.name}"; the system columns (${RESERVED_FIELD_NAMES.join(', ')}) are added to every entity automatically.`,
          ),
        );
      }
    }
  }
  return errors;
}
