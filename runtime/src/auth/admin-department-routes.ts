import type { Knex } from 'knex';
import { pgErrorToHttpError } from '../db/pg-error-to-http-error';
import { HttpError, notFound, validationFailed, type ErrorDetail } from '../errors/http-error';
import type { AppMiddleware } from '../http/http-types';
import type { AuthDeps } from './auth-deps';
import { readJsonObject, unknownKeys } from './read-json-object';
import { isUuid } from './validate-user-input';

const ROUTE = /^\/api\/admin\/departments\/([^/]+)$/;

/**
 * `PATCH /api/admin/departments/{id}` `{ name?, parentId? }` renames or moves a department;
 * `DELETE` removes an empty one. Rules: a department cannot move under itself or one of its
 * own sub-departments (the tree stays a tree); only a department with no sub-departments and
 * no users may be deleted (409), because deleting one with users would silently take them
 * out of every department scope. The subtree scope follows at once (department_members' triggers).
 */
export function adminDepartmentRoutes(deps: AuthDeps): AppMiddleware {
  const db = (table: string) => deps.knex.withSchema('tessera').table(table);
  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (!match || (ctx.method !== 'PATCH' && ctx.method !== 'DELETE')) return next();
    const id = isUuid(match[1]) ? match[1].toLowerCase() : undefined;
    const current = id ? await db('departments').where({ id }).first('id', 'name', 'parent_id') : undefined;
    if (!current) throw notFound(`No department with id "${match[1]}"`);

    if (ctx.method === 'DELETE') {
      const [{ children }] = await db('departments').where({ parent_id: id }).count({ children: '*' });
      const [{ users }] = await db('users').where({ department_id: id }).count({ users: '*' });
      if (Number(children) > 0 || Number(users) > 0) {
        throw new HttpError(409, 'department_not_empty', `"${current.name}" still has ${Number(children)} sub-department(s) and ${Number(users)} user(s); move them first`);
      }
      await db('departments').where({ id }).delete();
      ctx.status = 204;
      return;
    }

    const body = readJsonObject(ctx);
    const problems: ErrorDetail[] = unknownKeys(body, ['name', 'parentId']);
    const { name, parentId } = body;
    if (name !== undefined && (typeof name !== 'string' || !name.trim() || name.length > 200)) problems.push({ field: 'name', rule: 'required', message: 'a name of 1–200 characters' });
    if (parentId !== undefined && parentId !== null && (typeof parentId !== 'string' || !isUuid(parentId))) problems.push({ field: 'parentId', rule: 'format', message: 'an id (uuid) or null' });
    if (problems.length) throw validationFailed(problems);
    const patch = { ...(typeof name === 'string' ? { name: name.trim() } : {}), ...(parentId !== undefined ? { parent_id: parentId } : {}) };
    const row: { id: string; name: string; parent_id: string | null } = Object.keys(patch).length === 0
      ? current
      : await deps.knex.transaction(async (trx) => {
          // The cycle check and the move under one lock, so two concurrent moves cannot make a loop.
          await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['tessera:department_members']);
          if (typeof parentId === 'string' && (await isInSubtree(trx, id!, parentId.toLowerCase()))) {
            throw validationFailed([{ field: 'parentId', rule: 'cycle', message: 'cannot be the department itself or one of its sub-departments' }]);
          }
          const updated = await trx.withSchema('tessera').table('departments').where({ id }).update(patch).returning(['id', 'name', 'parent_id'])
            .catch((err: unknown) => Promise.reject(pgErrorToHttpError(err, 'write', (column) => (column === 'parent_id' ? 'parentId' : column)) ?? err));
          return updated[0];
        });
    ctx.body = { data: { id: row.id, name: row.name, parentId: row.parent_id } };
  };
}

/** Whether `candidate` is `id` or below it. */
async function isInSubtree(knex: Knex, id: string, candidate: string): Promise<boolean> {
  const { rows } = await knex.raw(
    `with recursive sub(id) as (select ?::uuid union select d.id from tessera.departments d join sub on d.parent_id = sub.id) select 1 from sub where id = ?::uuid limit 1`,
    [id, candidate],
  );
  return rows.length > 0;
}
