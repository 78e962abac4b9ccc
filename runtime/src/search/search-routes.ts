import type { QueryError } from '@tessera/engine';
import type { Knex } from 'knex';
import { defineRoutes } from '../http/route-types';
import { invalidQuery } from '../records/invalid-query';
import { globalSearch, HITS_PER_ENTITY, MAX_HITS_PER_ENTITY } from './global-search';

/**
 * `GET /api/_search?q=&limit=`: the global search (ADR 0040). Signed-in is all the route
 * needs: which entities, rows and fields take part is each entity's read grant, data scope and
 * hidden fields, applied inside the statement by `globalSearch`.
 */
export function searchRoutes(knex: Knex) {
  return defineRoutes([
    {
      method: 'GET', path: '/api/_search', action: 'signed-in', summary: 'Search every entity the caller can read',
      handler: async (ctx, { state }) => {
        const { q, limit, ...rest } = ctx.query;
        const errors: QueryError[] = Object.keys(rest).map((parameter) => ({ parameter, message: 'is not a search parameter' }));
        if (typeof q !== 'string') errors.push({ parameter: 'q', message: 'must be given once' });
        const size = limit === undefined ? HITS_PER_ENTITY : Number(limit);
        if (!Number.isInteger(size) || size < 1 || size > MAX_HITS_PER_ENTITY) errors.push({ parameter: 'limit', message: `must be a whole number from 1 to ${MAX_HITS_PER_ENTITY}` });
        if (errors.length > 0) throw invalidQuery(errors);
        const result = await globalSearch(knex, state, ctx.state.user!, q as string, size);
        if (result.errors.length > 0) throw invalidQuery(result.errors);
        ctx.body = { data: result.groups };
      },
    },
  ]);
}
