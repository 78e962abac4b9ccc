import type { Knex } from 'knex';

const INDUSTRIES = ['manufacturing', 'it', 'finance', 'retail', 'education', 'healthcare', 'energy', 'other'];

/**
 * Deterministic data, generated inside PostgreSQL (generate_series), so seeding 400k rows
 * takes seconds: `rows` customers and 3 contacts each. Ids are md5-derived, so two runs
 * address the same records. Industry and level vary independently (32 combinations).
 */
export async function seedCrm(knex: Knex, rows: number, ownerId: string): Promise<string[]> {
  await knex.raw(
    `insert into app_crm.customer (id, created_at, updated_at, version, created_by, owner, name, industry, level, annual_revenue, email)
     select md5('c' || i)::uuid, timestamptz '2024-01-01' + i * interval '1 second', timestamptz '2024-01-01' + i * interval '1 second', 1, ?, ?,
            'Customer ' || i, (?::text[])[i % 8 + 1], (array['A','B','C','D'])[(i / 8) % 4 + 1], ((i * 7919) % 1000000)::numeric, 'c' || i || '@example.com'
     from generate_series(1, ?) as i`,
    [ownerId, ownerId, INDUSTRIES, rows],
  );
  await knex.raw(
    `insert into app_crm.contact (id, created_at, updated_at, version, created_by, owner, name, customer, email)
     select md5('p' || j)::uuid, timestamptz '2024-01-01' + j * interval '1 second', timestamptz '2024-01-01' + j * interval '1 second', 1, ?, ?,
            'Contact ' || j, md5('c' || ((j - 1) / 3 + 1))::uuid, 'p' || j || '@example.com'
     from generate_series(1, ?) as j`,
    [ownerId, ownerId, rows * 3],
  );
  // vacuum too: an all-visible table lets count-by-industry be an index-only scan.
  await knex.raw('vacuum analyze app_crm.customer');
  await knex.raw('vacuum analyze app_crm.contact');
  const ids = await knex.raw(`select md5('c' || i)::uuid::text as id from generate_series(1, ?, ?) as i`, [rows, Math.max(1, Math.floor(rows / 1000))]);
  return ids.rows.map((r: { id: string }) => r.id);
}
