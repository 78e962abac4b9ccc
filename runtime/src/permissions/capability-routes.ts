import { PERMISSION_ACTIONS, type PermissionAction } from '@tessera/metadata';
import type { Knex } from 'knex';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AppState } from '../meta/compile-app-state';
import { viewsForUser } from './views-for-user';
import { userPermissions } from './user-permissions';
import type { AuthUser } from '../auth/auth-types';
import { recordLock } from '../locks/record-lock';

/** Per entity, what the caller's roles allow: the actions, the data scope, and fields hidden or read-only. */
export function entityCapabilities(state: AppState, user: AuthUser) {
  const perms = userPermissions(state, user);
  return Object.fromEntries(
    state.app.entities.map((entity) => {
      const access = perms.resolved.entity(entity['x-name']);
      return [entity['x-name'], { actions: PERMISSION_ACTIONS.filter((a) => access.actions.has(a)), scope: access.scope, hidden: [...access.hidden], readOnly: [...access.readOnly] }];
    }),
  );
}

/**
 * Where a user lands after signing in: the first dashboard they may see, else the first entity
 * they may read, else their approval inbox.
 */
export function landingOf(state: AppState, user: AuthUser, entities: ReturnType<typeof entityCapabilities>): string {
  const dashboards = viewsForUser(state.app, user.roles).dashboards ?? [];
  if (dashboards.length > 0) return '#/_dashboard';
  const readable = state.app.entities.find((e) => entities[e['x-name']]?.actions.includes('read'));
  return readable ? `#/${readable['x-plural']}` : '#/_approvals';
}

/**
 * What the signed-in user may do, so the app shows only that (menu, landing page, buttons,
 * columns, form fields): `GET /api/_meta/capabilities`; and on one record (`…/{id}/capabilities`),
 * which writes its scope allows now.
 */
export function capabilityRoutes(knex: Knex): RouteDeclaration[] {
  return defineRoutes([
    {
      method: 'GET', path: '/api/_meta/capabilities', action: 'signed-in', summary: 'What you may do in this app, per entity, and where you land',
      handler(ctx, { state }) {
        const user = ctx.state.user!;
        const entities = entityCapabilities(state, user);
        ctx.body = { data: { admin: user.roles.includes('admin'), entities, landing: landingOf(state, user, entities) } };
      },
    },
    {
      method: 'GET', path: '/api/:plural/:id/capabilities', action: 'read', entity: true, record: 'read', summary: 'Which changes you may make to this record now',
      async handler(ctx, { state, entity, id, access }) {
        // Write actions need the record in the write scope (a read-only share lets one read, not change).
        const inWriteScope = Boolean(await knex.withSchema(entity.schema).table(entity.table).where({ id }).modify((qb) => access.restrict(qb, entity.table, 'write')).first('id'));
        const granted = (action: PermissionAction) => access.access.actions.has(action);
        const writes = ['update', 'delete', 'transition', 'transfer', 'share'] as const;
        const may = Object.fromEntries(writes.map((a) => [a, granted(a) && inWriteScope])) as Record<(typeof writes)[number], boolean>;
        // A workflow state's lock (locks/record-lock): the whole record is not editable, or `locked.fields` are not.
        const locked = await recordLock(knex, state, entity, ctx.state.user!, id);
        ctx.body = { data: { ...may, update: may.update && locked?.fields !== '*', ...(locked ? { locked } : {}) } };
      },
    },
  ]);
}
