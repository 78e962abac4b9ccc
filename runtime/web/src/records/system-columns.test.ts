import { SYSTEM_PROPERTIES } from '@tessera/engine';
import { SYSTEM_FIELDS } from '@tessera/metadata';
import { createFieldTypeFacts } from '../field-types/create-field-type-facts';
import { TIME_COLUMNS, USER_COLUMNS } from './system-columns';

describe('the system columns the web app names', () => {
  const kinds = createFieldTypeFacts().systemColumns;

  it('are system fields, of the kind the engine gives them', () => {
    expect(TIME_COLUMNS).toEqual(SYSTEM_FIELDS.filter((name) => kinds.get(name) === 'datetime'));
    // User ids are the uuid columns other than the record's own id.
    expect([...USER_COLUMNS].sort()).toEqual(SYSTEM_FIELDS.filter((name) => kinds.get(name) === 'uuid' && name !== 'id').sort());
    for (const name of [...USER_COLUMNS, ...TIME_COLUMNS]) expect(SYSTEM_PROPERTIES).toHaveProperty(name);
  });
});
