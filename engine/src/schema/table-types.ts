import type { LocalizedText, OnDeletePolicy } from '@tessera/metadata';
import type { ColumnSpec, IndexMethod } from '../field-types/field-type-types';

export interface ForeignKeySpec {
  /** Constraint name, at most 63 bytes. */
  name: string;
  column: string;
  references: { schema: string; table: string; column: 'id' };
  onDelete: OnDeletePolicy;
}

export interface IndexSpec {
  /** At most 63 bytes (PostgreSQL's NAMEDATALEN - 1); longer names are hash-shortened. */
  name: string;
  columns: string[];
  unique: boolean;
  /** btree when absent. */
  method?: IndexMethod;
  /** Columns kept in descending order (NULLs last, as `sort=-column` reads them); ascending otherwise. */
  descending?: string[];
  /**
   * A partial index over the rows where these columns are NULL: a composite unique index of a
   * soft-delete entity covers live records only (`where deleted_at is null`).
   */
  whereNull?: string[];
  /** A partial index over the rows whose column has (`in`) or has not (`notIn`, NULL included) one of the values. */
  whereValues?: { column: string; in?: string[]; notIn?: string[] };
  /** What a writer reads when this unique index refuses a record (metadata's own words; not part of the DDL). */
  message?: LocalizedText;
  /**
   * A trigram (pg_trgm GIN) index for substring search of one column: `text` over the column
   * itself, `digits` over its digits only (phones). `ILIKE '%…%'` is then an index scan.
   */
  search?: 'text' | 'digits';
}

/** What one entity needs in PostgreSQL: data, not SQL, so two versions can be diffed. */
export interface TableSpec {
  schema: string;
  name: string;
  columns: ColumnSpec[];
  foreignKeys: ForeignKeySpec[];
  indexes: IndexSpec[];
}
