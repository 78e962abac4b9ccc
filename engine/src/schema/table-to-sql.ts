import knex from 'knex';
import type { Knex } from 'knex';
import type { ColumnSpec } from '../field-types/field-type-types';
import { identifierName } from './identifier-name';
import type { ForeignKeySpec, IndexSpec, TableSpec } from './table-types';
import { digitsSql } from '../query/search-fields';

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

function addColumn(t: Knex.CreateTableBuilder, column: ColumnSpec, compositeKey = false): void {
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
    case 'uuid-array': col = t.specificType(name, 'uuid[]'); break;
    case 'char': col = t.specificType(name, `char(${type.length})`); break;
  }
  if (column.primaryKey && !compositeKey) col.primary();
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
  // Several key columns (a join table's left_id, right_id) make one composite primary key.
  const keys = table.columns.filter((c) => c.primaryKey).map((c) => c.name);
  return toStatements(
    pg.schema.withSchema(table.schema).createTable(table.name, (t) => {
      table.columns.forEach((c) => addColumn(t, c, keys.length > 1));
      if (keys.length > 1) t.primary(keys, { constraintName: identifierName([table.name], 'pkey') });
    }),
  );
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
  if (index.search) return searchIndexSql(table, index);
  if (index.descending?.length || indexPredicateSql(index)) return [customIndexSql(table, index)];
  return toStatements(
    pg.schema.withSchema(table.schema).alterTable(table.name, (t) => {
      if (index.unique) t.unique(index.columns, { indexName: index.name, useConstraint: false });
      // knex's types list only MySQL's methods; its PostgreSQL compiler emits `using <method>` for any.
      else if (index.method) t.index(index.columns, index.name, { storageEngineIndexType: index.method as 'btree' });
      else t.index(index.columns, index.name);
    }),
  );
}

/**
 * A partial index's condition as SQL, or undefined for a full index. Values come from metadata
 * (a select's options) and are quoted as literals: DDL takes no bindings. A `notIn` keeps rows
 * whose column is NULL (a record with no stage yet is open).
 */
export function indexPredicateSql(index: Pick<IndexSpec, 'whereNull' | 'whereValues'>): string | undefined {
  const parts = (index.whereNull ?? []).map((name) => `${pg.raw('??', [name]).toQuery()} is null`);
  const values = index.whereValues;
  if (values?.in?.length) parts.push(pg.raw(`?? in (${values.in.map(() => '?').join(', ')})`, [values.column, ...values.in]).toQuery());
  if (values?.notIn?.length) parts.push(pg.raw(`(?? is null or ?? not in (${values.notIn.map(() => '?').join(', ')}))`, [values.column, values.column, ...values.notIn]).toQuery());
  return parts.length ? parts.join(' and ') : undefined;
}

/**
 * An index knex's builder cannot say: descending columns, or partial (`where … is null`). A
 * descending nullable column is `desc nulls last`, the order a list's `sort=-column` asks for,
 * so the planner can walk the index instead of sorting; a NOT NULL column stays plain `desc`,
 * as the list emits it.
 */
function customIndexSql(table: TableSpec, index: IndexSpec): string {
  const parts = index.columns.map((name) => {
    if (!index.descending?.includes(name)) return pg.raw('??', [name]).toQuery();
    const nullable = table.columns.find((c) => c.name === name)?.nullable !== false;
    return `${pg.raw('??', [name]).toQuery()} desc${nullable ? ' nulls last' : ''}`;
  });
  const predicate = indexPredicateSql(index);
  const where = predicate ? ` where ${predicate}` : '';
  return `${pg.raw(`create ${index.unique ? 'unique ' : ''}index ?? on ??.??`, [index.name, table.schema, table.name]).toQuery()} (${parts.join(', ')})${where}`;
}

/**
 * A trigram GIN index (pg_trgm, created in `public` on first use; PostgreSQL ships it in
 * contrib and PGlite loads it as an extension). A phone's index is over its digits, the same
 * expression the search compares (`digitsSql`).
 */
function searchIndexSql(table: TableSpec, index: IndexSpec): string[] {
  const column = pg.raw('??', [index.columns[0]]).toQuery();
  const expression = index.search === 'digits' ? `(${digitsSql(column)})` : column;
  return [
    'create extension if not exists pg_trgm with schema public',
    `${pg.raw('create index ?? on ??.?? using gin', [index.name, table.schema, table.name]).toQuery()} (${expression} public.gin_trgm_ops)`,
  ];
}
