import type { CompiledEntity } from '../meta/compile-app-state';
import { chunkByBindings, insertManySql, MAX_BINDINGS } from './insert-many-sql';

const entity = { schema: 'app_crm', table: 'customer', entity: {} } as unknown as CompiledEntity;

describe('multi-row insert SQL', () => {
  it('binds every value, quotes every identifier and binds the creator once', () => {
    const { sql, bindings } = insertManySql(entity, [{ id: 'i1', row: { name: "O'Brien\"; drop table x; --", 'odd"col': 3 } }, { id: 'i2', row: { name: 'B', 'odd"col': 4 } }], 'u1');
    expect(sql).toBe(
      'insert into "app_crm"."customer" ("name", "odd""col", "id", "version", "created_at", "updated_at", "created_by", "owner") values ' +
        '($2, $3, $4, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, $1, $1), ($5, $6, $7, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, $1, $1) returning *',
    );
    expect(bindings).toEqual(['u1', "O'Brien\"; drop table x; --", 3, 'i1', 'B', 4, 'i2']);
  });

  it('gives a column a row leaves out (or leaves undefined) its default, as the one-row insert does', () => {
    const { sql, bindings } = insertManySql(entity, [{ id: 'i1', row: { name: 'A', phone: undefined } }, { id: 'i2', row: { phone: '1', level: null } }], 'u1');
    expect(sql).toContain('("name", "phone", "level", "id",');
    expect(sql).toContain('values ($2, default, default, $3, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, $1, $1), (default, $4, $5, $6, 1,');
    expect(bindings).toEqual(['u1', 'A', 'i1', '1', null, 'i2']);
  });

  it('cuts a batch into statements under the protocol\'s parameter limit', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ id: `i${i}`, row: { a: 1, b: 2, c: 3 } }));
    const chunks = chunkByBindings(rows);
    expect(chunks.length).toBe(2);
    expect(chunks.flat()).toEqual(rows);
    for (const chunk of chunks) expect(insertManySql(entity, chunk, 'u').bindings.length).toBeLessThanOrEqual(MAX_BINDINGS);
    expect(chunkByBindings([])).toEqual([]);
  });
});
