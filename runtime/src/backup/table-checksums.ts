import type { Knex } from 'knex';

/**
 * A checksum and row count of every table outside the system schemas: md5 over the rows'
 * `to_jsonb` text in sorted order, in UTC, so the same data gives the same sum on PGlite and on
 * PostgreSQL. How the backup tests prove a round trip lost nothing; reads whole tables (an
 * operator's check after a restore, never a request's work).
 */
export async function tableChecksums(knex: Knex): Promise<Record<string, { rows: number; md5: string }>> {
  return knex.transaction(async (trx) => {
    await trx.raw("set local timezone = 'UTC'");
    const tables: Array<{ name: string }> = (await trx.raw(`select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema' order by 1`)).rows;
    const sums: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const [r] = (await trx.raw(`select count(*)::int as rows, md5(coalesce(string_agg(j, E'\\n' order by j), '')) as md5 from (select to_jsonb(t)::text as j from only ${name} t) s`)).rows;
      sums[name] = { rows: r.rows, md5: r.md5 };
    }
    return sums;
  });
}
