import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError, notFound } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import type { PlainRoute, RouteArgs } from '../http/route-types';
import { nextSlot } from '../jobs/cron-slots';
import { entityNamed } from '../views/validate-saved-view';
import { scheduleJson } from './report-json';
import { UUID, visibleTo } from './report-queries';
import type { ReportRow } from './report-types';
import { checkSchedule } from './validate-schedule';

export interface ScheduleRoutesDeps {
  knex: Knex;
  /** The clock a schedule's first slot is counted from (tests inject one). */
  now(): Date;
  /** The workspace's zone: a schedule that names none is read in it. */
  timeZone: string;
  /** After a schedule was set or removed (the sending job may have to start or stop). */
  changed(): Promise<void>;
}

const NOT_SCHEDULED = { schedule_cron: null, schedule_tz: null, schedule_roles: [], schedule_users: [], schedule_next_at: null, schedule_last_at: null };

/**
 * The report `user` may schedule: their own, or any as an administrator. Someone who can open
 * the report but does not own it hears 403 (they know it exists); anyone else 404.
 */
async function schedulable(knex: Knex, user: AuthUser, rawId: string): Promise<ReportRow> {
  const row: ReportRow | undefined = UUID.test(rawId) ? await knex('tessera.saved_reports').where({ id: rawId.toLowerCase() }).first() : undefined;
  if (!row) throw notFound('No such report');
  if (row.user_id === user.id || user.roles.includes('admin')) return row;
  const visible = await visibleTo(knex, user).andWhere('r.id', row.id).first();
  if (!visible) throw notFound('No such report');
  const message = 'only the report\'s owner or an administrator may schedule it';
  throw new HttpError(403, 'forbidden', `schedule: ${message}`, [{ field: 'schedule', rule: 'forbidden', message }]);
}

/**
 * `GET`, `PUT` and `DELETE /api/_reports/{id}/schedule` (ADR 0054): when a report is sent and to
 * whom. Its owner or an administrator sets it; recipients are limited as sharing is (roles only
 * for administrators and those who may export the records). The first slot is the next cron
 * time after now; the sending job takes it from there.
 */
export function scheduleRoutes(deps: ScheduleRoutesDeps): PlainRoute[] {
  const { knex } = deps;
  return [
    {
      method: 'GET', path: '/api/_reports/:id/schedule', action: 'signed-in', summary: 'When and to whom a report is sent',
      async handler(ctx: AppContext, { params }: RouteArgs) {
        ctx.body = { data: scheduleJson(await schedulable(knex, ctx.state.user!, params.id)) };
      },
    },
    {
      method: 'PUT', path: '/api/_reports/:id/schedule', action: 'signed-in', summary: 'Send a report on a schedule',
      async handler(ctx: AppContext, { state, params }: RouteArgs) {
        const user = ctx.state.user!;
        const row = await schedulable(knex, user, params.id);
        const entity = entityNamed(state, row.entity);
        if (!entity) throw new HttpError(400, 'report_not_runnable', 'This report is about records the app no longer has', [{ field: 'entity', rule: 'enum', message: 'is no longer in the app' }]);
        const now = deps.now();
        const schedule = await checkSchedule(knex, state, entity, user, ctx.request.body, deps.timeZone, now);
        const [saved] = await knex('tessera.saved_reports').where({ id: row.id }).update({
          schedule_cron: schedule.cron,
          schedule_tz: schedule.timeZone,
          schedule_roles: schedule.recipients.roles,
          schedule_users: schedule.recipients.users,
          schedule_next_at: nextSlot(schedule.cron, schedule.timeZone, now),
          schedule_last_at: row.schedule_cron ? row.schedule_last_at : null,
          updated_at: knex.fn.now(),
        }).returning('*');
        await deps.changed();
        ctx.body = { data: scheduleJson(saved) };
      },
    },
    {
      method: 'DELETE', path: '/api/_reports/:id/schedule', action: 'signed-in', summary: 'Stop sending a report',
      async handler(ctx: AppContext, { params }: RouteArgs) {
        const row = await schedulable(knex, ctx.state.user!, params.id);
        await knex('tessera.saved_reports').where({ id: row.id }).update({ ...NOT_SCHEDULED, updated_at: knex.fn.now() });
        await deps.changed();
        ctx.status = 204;
      },
    },
  ];
}
