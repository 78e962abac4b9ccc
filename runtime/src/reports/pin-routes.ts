import type { Knex } from 'knex';
import { validationFailed } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import type { PlainRoute, RouteArgs } from '../http/route-types';
import { reportJson } from './report-json';
import { visibleReport } from './report-queries';

/** A dashboard is read at a glance: more cards than this is a report list, not a dashboard. */
export const MAX_PINS_PER_USER = 24;

/**
 * `PUT` / `DELETE /api/_reports/{id}/pin`: the signed-in user puts a report they may open on
 * their own dashboard, or takes it off (stored per user, ADR 0054). The dashboard lists them
 * from `GET /api/_reports` (`pinned`), and each card runs as its viewer like any report.
 */
export function pinRoutes(knex: Knex): PlainRoute[] {
  return [
    {
      method: 'PUT', path: '/api/_reports/:id/pin', action: 'signed-in', summary: 'Pin a report to your dashboard',
      async handler(ctx: AppContext, { params }: RouteArgs) {
        const user = ctx.state.user!;
        const row = await visibleReport(knex, user, params.id);
        if (row.pinned_at === null || row.pinned_at === undefined) {
          const [{ count }] = await knex('tessera.report_pins').where({ user_id: user.id }).count<{ count: string | number }[]>('* as count');
          if (Number(count) >= MAX_PINS_PER_USER) throw validationFailed([{ field: 'pin', rule: 'limit', message: `you have ${MAX_PINS_PER_USER} reports on your dashboard already; unpin one first` }]);
          await knex('tessera.report_pins').insert({ user_id: user.id, report_id: row.id }).onConflict(['user_id', 'report_id']).ignore();
        }
        ctx.body = { data: reportJson(await visibleReport(knex, user, row.id), user.id) };
      },
    },
    {
      method: 'DELETE', path: '/api/_reports/:id/pin', action: 'signed-in', summary: 'Take a report off your dashboard',
      async handler(ctx: AppContext, { params }: RouteArgs) {
        const user = ctx.state.user!;
        const row = await visibleReport(knex, user, params.id);
        await knex('tessera.report_pins').where({ user_id: user.id, report_id: row.id }).delete();
        ctx.status = 204;
      },
    },
  ];
}
