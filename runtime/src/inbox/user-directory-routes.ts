import type { Knex } from 'knex';
import { validationFailed } from '../errors/http-error';
import type { AppMiddleware } from '../http/http-types';
import { isUuid, readLimit } from './keyset-cursor';

/**
 * `GET /api/_users?q=&limit=` (active users whose name or username contains `q`) and
 * `GET /api/_users?ids=a,b` (names for ids, inactive users too: a past submitter keeps a name).
 * For pickers and labels in the app (delegate an approval, set an owner in bulk): only id,
 * username and display name, never email, roles or anything the admin API holds.
 */
export function userDirectoryRoutes(knex: Knex): AppMiddleware {
  return async (ctx, next) => {
    if (ctx.path !== '/api/_users' && ctx.path !== '/api/_users/') return next();
    const { q, ids } = ctx.query;
    const errors = [];
    for (const key of Object.keys(ctx.query)) if (!['q', 'ids', 'limit'].includes(key)) errors.push({ field: key, rule: 'unknown-parameter', message: 'is not a parameter here; use q, ids, limit' });
    if (q !== undefined && (typeof q !== 'string' || q.length > 100)) errors.push({ field: 'q', rule: 'type', message: 'must be given once, at most 100 characters' });
    const wanted = typeof ids === 'string' ? ids.split(',').filter(Boolean) : [];
    if (ids !== undefined && (typeof ids !== 'string' || wanted.length > 200 || !wanted.every(isUuid))) errors.push({ field: 'ids', rule: 'format', message: 'must be up to 200 comma-separated user ids' });
    if (errors.length) throw validationFailed(errors);
    const limit = readLimit(ctx.query.limit, 20, 100);
    const query = knex('tessera.users').select('id', 'username', 'display_name').orderBy('display_name').orderBy('id');
    if (ids !== undefined) query.whereIn('id', wanted.map((id) => id.toLowerCase())).limit(200);
    else {
      query.where({ is_active: true }).limit(limit);
      if (typeof q === 'string' && q.trim()) {
        // Escape LIKE's wildcards: the text is matched literally.
        const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query.where((w) => void w.whereILike('display_name', pattern).orWhereILike('username', pattern));
      }
    }
    const rows: { id: string; username: string; display_name: string }[] = await query;
    ctx.body = { data: rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name })) };
  };
}
