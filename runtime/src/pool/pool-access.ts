import type { PoolDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError, notFound } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess, type RecordAccess } from '../permissions/record-access';

type Query = Record<string, string | string[] | undefined>;

/** The entity's public pool, or 404 when it has none (claim/release/pool routes do not exist for it). */
export function poolOf(entity: CompiledEntity): PoolDefinition {
  const pool = entity.entity['x-pool'];
  if (!pool) throw notFound(`${entity.entity['x-plural']} have no public pool`);
  return pool;
}

/**
 * `?pool=true` on a list, removed from the query so the list parser (which refuses unknown
 * parameters) never sees it. `false` or absent: the ordinary list.
 */
export function takePoolParam(query: Query): { pool: boolean; query: Query } {
  const { pool, ...rest } = query;
  if (pool === undefined || pool === 'false') return { pool: false, query: rest };
  if (pool !== 'true') throw new HttpError(400, 'invalid_query', 'Invalid query: "pool" must be true or false', [{ parameter: 'pool', message: 'must be true or false' }]);
  return { pool: true, query: rest };
}

/**
 * The access of a pool list: the `claim` action (403 without it), and only records with no
 * owner — the role's read scope does not apply, the pool is shared by everyone who may claim.
 */
export function poolAccess(user: AuthUser, state: AppState, entity: CompiledEntity): RecordAccess {
  poolOf(entity);
  const ra = recordAccess(user, state, entity, 'claim');
  return { ...ra, restrict: (qb: Knex.QueryBuilder, qualifier: string) => void qb.whereNull(`${qualifier}.owner`) };
}
