import type { Knex } from 'knex';
import type { AppContext } from '../http/http-types';
import type { PlainRoute } from '../http/route-types';

/**
 * `GET /api/_reports/teammates`: the people who share a team with the caller (the caller
 * too), for the "my team" filter of dashboards and reports. The same membership the `team`
 * data scope reads (scope-to-sql.ts), so "my team" means one thing everywhere; inactive members
 * stay in, as their records still count for the team. Only id, username and display name — what
 * the user directory (`/api/_users`) shows anyone signed in.
 */
export function teammatesRoute(knex: Knex): PlainRoute {
  return {
    method: 'GET', path: '/api/_reports/teammates', action: 'signed-in', summary: 'The people of your teams, for a "my team" filter',
    handler: async (ctx: AppContext) => {
      const me = ctx.state.user!.id;
      const rows: { id: string; username: string; display_name: string }[] = await knex('tessera.users as u')
        .whereIn('u.id', knex('tessera.team_members as m').select('m.user_id')
          .whereIn('m.team_id', knex('tessera.team_members as mine').select('mine.team_id').where('mine.user_id', me)))
        .orderBy('u.display_name').orderBy('u.id')
        .select('u.id', 'u.username', 'u.display_name');
      ctx.body = { data: rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name })) };
    },
  };
}
