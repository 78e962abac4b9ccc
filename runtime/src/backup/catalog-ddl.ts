import type { Knex } from 'knex';

/** One table whose rows go into the backup (leaf tables only: a partitioned parent holds none). */
export interface BackupTable {
  /** `schema.table`, quoted for SQL. */
  qualified: string;
  schema: string;
  name: string;
  /** Columns a restore inserts (generated columns are computed again). */
  columns: string[];
  /** Has a `generated always as identity` column: inserts need `overriding system value`. */
  identityAlways: boolean;
}

/** The schema of the backed-up database as SQL, split around the data. */
export interface CatalogDdl {
  schemas: string[];
  /** Schemas, types, sequences, functions, tables: run before the rows are loaded. */
  preData: string[];
  /** Constraints, indexes, triggers, views, sequence positions: run after, so no trigger fires on restored rows. */
  postData: string[];
  tables: BackupTable[];
}

const SYSTEM = `n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'`;
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const rows = async <T>(trx: Knex.Transaction, sql: string, bindings: readonly unknown[] = []): Promise<T[]> => (await trx.raw(sql, bindings as Knex.RawBinding[])).rows as T[];

/** Whether the database has anything of its own: a table, view or sequence outside the system schemas. */
export async function hasUserTables(knex: Knex): Promise<boolean> {
  const r = await knex.raw(`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where ${SYSTEM} and c.relkind in ('r','p','v','m','S') limit 1`);
  return r.rows.length > 0;
}

/** Every schema outside the system ones (what a forced restore drops first). */
export async function userSchemas(knex: Knex): Promise<string[]> {
  const r = await knex.raw(`select nspname from pg_namespace n where ${SYSTEM} order by nspname`);
  return r.rows.map((x: { nspname: string }) => x.nspname);
}

/**
 * Reads the database's own objects from the catalogs, the way pg_dump does but through the
 * driver, so it works the same on PGlite (no pg_dump binary) and on any PostgreSQL server, and
 * its SQL runs on either. Must run in the backup's repeatable-read transaction with
 * `search_path = pg_catalog`, so every name in the generated SQL comes out schema-qualified.
 */
export async function readCatalogDdl(trx: Knex.Transaction): Promise<CatalogDdl> {
  const schemas = (await rows<{ nspname: string }>(trx, `select nspname from pg_namespace n where ${SYSTEM} order by nspname`)).map((r) => r.nspname);
  const preData: string[] = ['set check_function_bodies = off'];
  const postData: string[] = [];
  for (const s of schemas) preData.push(`create schema if not exists ${q(s)}`);
  const notExtension = (classTable: string, col: string) => `not exists (select 1 from pg_depend d where d.classid = '${classTable}'::regclass and d.objid = ${col} and d.deptype = 'e')`;

  for (const e of await rows<{ extname: string; schema: string }>(trx, `select e.extname, n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname <> 'plpgsql'`)) {
    preData.push(`create extension if not exists ${q(e.extname)} with schema ${q(e.schema)}`);
  }
  for (const t of await rows<{ name: string; labels: string[] }>(trx, `select format('%I.%I', n.nspname, t.typname) as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
      from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid where ${SYSTEM} and ${notExtension('pg_type', 't.oid')} group by n.nspname, t.typname, t.oid order by t.oid`)) {
    preData.push(`create type ${t.name} as enum (${t.labels.map((l) => `'${l.replace(/'/g, "''")}'`).join(', ')})`);
  }
  // Sequences of serial/identity columns are made by their column; the others stand alone.
  const sequences = await rows<{ oid: number; name: string; def: string; identity: boolean }>(trx, `select c.oid, format('%I.%I', n.nspname, c.relname) as name,
      format('as %s increment by %s minvalue %s maxvalue %s start with %s cache %s %s', format_type(s.seqtypid, null), s.seqincrement, s.seqmin, s.seqmax, s.seqstart, s.seqcache, case when s.seqcycle then 'cycle' else 'no cycle' end) as def,
      exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'i') as identity
      from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace where ${SYSTEM} and ${notExtension('pg_class', 'c.oid')} order by c.oid`);
  for (const s of sequences) if (!s.identity) preData.push(`create sequence ${s.name} ${s.def}`);
  for (const f of await rows<{ def: string }>(trx, `select pg_get_functiondef(p.oid) as def from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where ${SYSTEM} and p.prokind in ('f','p') and ${notExtension('pg_proc', 'p.oid')} order by p.oid`)) {
    preData.push(f.def);
  }

  const relations = await rows<{ oid: number; schema: string; name: string; relkind: string; persistence: string; partkey: string | null; parent: string | null; bound: string | null; viewdef: string | null }>(trx, `
      select c.oid, n.nspname as schema, c.relname as name, c.relkind, c.relpersistence as persistence,
        case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partkey,
        (select format('%I.%I', pn.nspname, pc.relname) from pg_inherits i join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace where i.inhrelid = c.oid and c.relispartition) as parent,
        case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as bound,
        case when c.relkind in ('v','m') then pg_get_viewdef(c.oid) end as viewdef
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${SYSTEM} and c.relkind in ('r','p','v','m') and ${notExtension('pg_class', 'c.oid')}
      order by c.relispartition, c.oid`);
  const tableOids = relations.filter((r) => r.relkind === 'r' || r.relkind === 'p').map((r) => r.oid);
  const columns = await rows<{ attrelid: number; name: string; type: string; notnull: boolean; def: string | null; identity: string; generated: string; collation: string | null }>(trx, `
      select a.attrelid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull, pg_get_expr(d.adbin, d.adrelid) as def,
        a.attidentity as identity, a.attgenerated as generated,
        case when a.attcollation <> t.typcollation then (select format('%I.%I', cn.nspname, co.collname) from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = a.attcollation) end as collation
      from pg_attribute a join pg_type t on t.oid = a.atttypid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where a.attrelid = any(?) and a.attnum > 0 and not a.attisdropped order by a.attrelid, a.attnum`, [tableOids]);
  const byTable = new Map<number, typeof columns>();
  for (const c of columns) byTable.set(c.attrelid, [...(byTable.get(c.attrelid) ?? []), c]);

  const tables: BackupTable[] = [];
  for (const r of relations) {
    const qualified = `${q(r.schema)}.${q(r.name)}`;
    if (r.relkind === 'v') postData.push(`create view ${qualified} as ${r.viewdef}`);
    if (r.relkind === 'm') postData.push(`create materialized view ${qualified} as ${r.viewdef?.replace(/;\s*$/, '')} with data`);
    if (r.relkind !== 'r' && r.relkind !== 'p') continue;
    const cols = byTable.get(r.oid) ?? [];
    const unlogged = r.persistence === 'u' ? 'unlogged ' : '';
    if (r.parent) {
      // A partition takes its columns, defaults and not-nulls from its parent.
      preData.push(`create ${unlogged}table ${qualified} partition of ${r.parent} ${r.bound}${r.partkey ? ` partition by ${r.partkey}` : ''}`);
    } else {
      const defs = cols.map((c) => {
        let def = `${q(c.name)} ${c.type}${c.collation ? ` collate ${c.collation}` : ''}`;
        if (c.generated) def += ` generated always as (${c.def})${c.generated === 's' ? ' stored' : ''}`;
        else if (c.identity) def += ` generated ${c.identity === 'a' ? 'always' : 'by default'} as identity`;
        else if (c.def !== null) def += ` default ${c.def}`;
        return c.notnull ? `${def} not null` : def;
      });
      preData.push(`create ${unlogged}table ${qualified} (${defs.join(', ')})${r.partkey ? ` partition by ${r.partkey}` : ''}`);
    }
    if (r.relkind === 'r') {
      tables.push({ qualified, schema: r.schema, name: r.name, columns: cols.filter((c) => !c.generated).map((c) => c.name), identityAlways: cols.some((c) => c.identity === 'a') });
    }
  }

  // Constraints inherited by a partition (conparentid) come with the parent's; foreign keys last.
  const constraints = await rows<{ rel: string; name: string; def: string; contype: string }>(trx, `
      select format('%I.%I', n.nspname, c.relname) as rel, co.conname as name, pg_get_constraintdef(co.oid) as def, co.contype
      from pg_constraint co join pg_class c on c.oid = co.conrelid join pg_namespace n on n.oid = c.relnamespace
      where co.conrelid = any(?) and co.contype in ('p','u','x','c','f') and co.conparentid = 0 and not (co.contype = 'c' and co.conislocal = false)
      order by case co.contype when 'f' then 1 else 0 end, co.oid`, [tableOids]);
  for (const c of constraints) postData.push(`alter table only ${c.rel} add constraint ${q(c.name)} ${c.def}`);
  for (const i of await rows<{ def: string }>(trx, `
      select pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class ic on ic.oid = i.indexrelid
      where i.indrelid = any(?) and not ic.relispartition and not exists (select 1 from pg_constraint co where co.conindid = i.indexrelid and co.contype in ('p','u','x'))
      order by i.indexrelid`, [tableOids])) {
    postData.push(i.def);
  }
  for (const t of await rows<{ def: string }>(trx, `select pg_get_triggerdef(t.oid) as def from pg_trigger t where t.tgrelid = any(?) and not t.tgisinternal and t.tgparentid = 0 order by t.oid`, [tableOids])) {
    postData.push(t.def);
  }
  // Where each sequence stood, so new ids continue after the restored ones.
  for (const s of sequences) {
    const [pos] = await rows<{ last_value: string; is_called: boolean }>(trx, `select last_value, is_called from ${s.name}`);
    postData.push(`select pg_catalog.setval('${s.name.replace(/'/g, "''")}', ${pos.last_value}, ${pos.is_called})`);
  }
  return { schemas, preData, postData, tables };
}
