import knex from 'knex';
import type { Knex } from 'knex';
import type { ColumnSpec } from '../field-types/field-type-types';
import type { ForeignKeySpec, IndexSpec, TableSpec } from './table-types';

// A query builder only: with no connection, knex never opens a socket; it compiles to text.
const pg = knex({ client: 'pg' });

const ON_DELETE: Record<ForeignKeySpec['onDelete'], string> = {
  restrict: 'RESTRICT',
  'set-null': 'SET NULL',
  cascade: 'CASCADE',
};

function toStatements(builder: Knex.SchemaBuilder): string[] {
  return builder.toSQL().map((query) => {
    // DDL cannot take bindings; one here would mean a value was not inlined and quoted.
    if (query.bindings.length > 0) throw new Error(`Unexpected bindings in DDL: ${query.sql}`);
    return query.sql;
  });
}

function addColumn(t: Knex.CreateTableBuilder, column: ColumnSpec): void {
  const { name, type } = column;
  let col: Knex.ColumnBuilder;
  switch (type.kind) {
    case 'text': col = t.text(name); break;
    case 'varchar': col = t.string(name, type.length); break;
    case 'integer': col = t.integer(name); break;
    case 'smallint': col = t.smallint(name); break;
    case 'bigint': col = t.bigInteger(name); break;
    case 'numeric': col = t.decimal(name, type.precision, type.scale); break;
    case 'boolean': col = t.boolean(name); break;
    case 'date': col = t.date(name); break;
    case 'timestamptz': col = t.timestamp(name, { useTz: true }); break;
    case 'uuid': col = t.uuid(name); break;
    case 'jsonb': col = t.jsonb(name); break;
    case 'text-array': col = t.specificType(name, 'text[]'); break;
  }
  if (column.primaryKey) col.primary();
  if (!column.nullable) col.notNullable();
  if (column.default?.kind === 'random-uuid') col.defaultTo(pg.raw('gen_random_uuid()'));
  else if (column.default?.kind === 'now') col.defaultTo(pg.raw('now()'));
  else if (column.default?.kind === 'value') col.defaultTo(column.default.value);
}

export function createSchemaSql(schema: string): string[] {
  return toStatements(pg.schema.createSchemaIfNotExists(schema));
}

/** The table with its columns; foreign keys and indexes come as their own steps. */
export function createTableSql(table: TableSpec): string[] {
  return toStatements(pg.schema.withSchema(table.schema).createTable(table.name, (t) => table.columns.forEach((c) => addColumn(t, c))));
}

export function addColumnSql(table: TableSpec, column: ColumnSpec): string[] {
  return toStatements(pg.schema.withSchema(table.schema).alterTable(table.name, (t) => addColumn(t, column)));
}

export function addForeignKeySql(table: TableSpec, fk: ForeignKeySpec): string[] {
  return toStatements(
    pg.schema.withSchema(table.schema).alterTable(table.name, (t) => {
      t.foreign(fk.column, fk.name)
        .references(fk.references.column)
        .inTable(`${fk.references.schema}.${fk.references.table}`)
        .onDelete(ON_DELETE[fk.onDelete]);
    }),
  );
}

export function addIndexSql(table: TableSpec, index: IndexSpec): string[] {
  return toStatements(
    pg.schema.withSchema(table.schema).alterTable(table.name, (t) => {
      if (index.unique) t.unique(index.columns, { indexName: index.name, useConstraint: false });
      // knex's types list only MySQL's methods; its PostgreSQL compiler emits `using <method>` for any.
      else if (index.method) t.index(index.columns, index.name, { storageEngineIndexType: index.method as 'btree' });
      else t.index(index.columns, index.name);
    }),
  );
}
