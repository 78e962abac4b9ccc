import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { poolMax } from '../../runtime/src/db/create-database';

/**
 * The floor: plain node:http + pg running the SQL the runtime generates for each scenario,
 * with no auth, validation or routing. Same pool size as the runtime's knex
 * (`TESSERA_DB_POOL_MAX`, default 20), so the ratio measures the runtime, not the pool.
 */
export async function startRawServer(databaseUrl: string, ownerId: string, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolMax() });
  pool.on('error', () => undefined); // an idle client killed by the bench's final drop database
  const body = (req: IncomingMessage) => new Promise<any>((resolve) => { let s = ''; req.on('data', (c) => (s += c)); req.on('end', () => resolve(s ? JSON.parse(s) : {})); }); // eslint-disable-line @typescript-eslint/no-explicit-any
  const C = 'app_crm.customer';
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    const send = (status: number, data: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(data)); };
    try {
      const p = url.pathname;
      const id = /^\/customers\/([0-9a-f-]{36})$/.exec(p)?.[1];
      if (req.method === 'GET' && id) return send(200, { data: (await pool.query(`select * from ${C} where id = $1 limit 1`, [id])).rows[0] });
      if (req.method === 'PATCH' && id) {
        const b = await body(req);
        return send(200, { data: (await pool.query(`update ${C} set annual_revenue = $1, version = version + 1, updated_at = now() where id = $2 returning *`, [b.annual_revenue, id])).rows[0] });
      }
      if (req.method === 'POST' && p === '/customers') {
        const b = await body(req);
        const { rows } = await pool.query(`insert into ${C} (id, version, created_at, updated_at, created_by, owner, name, industry, level) values ($1, 1, now(), now(), $2, $2, $3, $4, $5) returning *`, [randomUUID(), ownerId, b.name, b.industry, b.level]);
        return send(201, { data: rows[0] });
      }
      if (p === '/customers/aggregate') return send(200, { data: (await pool.query(`select industry as g0, count(*) as m0 from ${C} group by 1 order by 1 limit 1000`)).rows });
      if (p === '/customers') {
        const cursorCols = (a: string, b: string) => `, ${a}::text as _cursor_0, id::text as _cursor_1`.replace('id::', b);
        if (url.searchParams.get('scenario') === 'filtered') {
          const { rows } = await pool.query(`select *${cursorCols('annual_revenue', 'id::')} from ${C} where industry = $1 and level = $2 order by annual_revenue desc nulls last, id desc limit 51`, ['it', 'A']);
          return send(200, { data: rows.slice(0, 50) });
        }
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const { rows } = await pool.query(`select *${cursorCols('created_at', 'id::')} from ${C} order by created_at desc, id desc limit $1`, [limit + 1]);
        const page = rows.slice(0, limit);
        if (url.searchParams.get('expand') === 'contacts') {
          // The runtime's statement word for word: one placeholder per parent id, at most 100
          // contacts per customer (one more asked, to know whether a list was cut).
          const ids = page.map((r) => r.id);
          const children = (await pool.query(`select * from (select *, row_number() over (partition by customer order by created_at asc, id asc) as __rank from app_crm.contact where customer in (${ids.map((_, i) => `$${i + 1}`).join(', ')})) as __expand where __rank <= $${ids.length + 1} order by created_at asc, id asc`, [...ids, 101])).rows.filter((c) => Number(c.__rank) <= 100);
          for (const row of page) row.contacts = children.filter((c) => c.customer === row.id);
        }
        return send(200, { data: page });
      }
      send(404, {});
    } catch (err) {
      send(500, { error: String(err) });
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const bound = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${bound}`, close: async () => { server.close(); server.closeAllConnections(); await pool.end(); } };
}
