import { identifierName } from './identifier-name';

/**
 * The join table of a many-to-many field: `<entity>__<field>`, hash-shortened past 63 bytes.
 * Both names are snake_case, so `__` cannot occur inside either and the name is unambiguous.
 */
export function joinTableName(entity: string, field: string): string {
  const name = `${entity}__${field}`;
  // identifierName always adds a suffix; only a name too long for PostgreSQL needs one.
  return new TextEncoder().encode(name).length <= 63 ? name : identifierName([entity, '', field], 'm2m');
}
