import type { Knex } from 'knex';
import { config } from '../config';
import { notFound } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteArgs, type RouteDeclaration } from '../http/route-types';
import { parseMetricQuery } from './metric-request';
import { ownersOf } from './metric-owners';
import { runMetric } from './run-metric';

export interface MetricRouteOptions {
  /** The clock "this month" is read from; tests inject one. */
  now?: () => Date;
}

/**
 * `GET /api/_metrics/{name}?range=&from=&to=&owner=&group=` (issue 21, ADR 0053): one of the
 * app's declared metrics for the signed-in user — their scope and hidden fields, within the
 * dashboard's time range (on the workspace calendar) and owner, optionally per group.
 */
export function metricRoutes(knex: Knex, opts: MetricRouteOptions = {}): RouteDeclaration[] {
  return defineRoutes([
    {
      method: 'GET', path: '/api/_metrics/:name', action: 'signed-in', summary: 'A metric of the app for you, within a time range and owner',
      handler: async (ctx: AppContext, { state, params }: RouteArgs) => {
        const metric = state.app.metrics?.find((m) => m.name === params.name);
        if (!metric) throw notFound('No such metric');
        const timeZone = config().TESSERA_JOBS_TZ;
        const viewer = ctx.state.user!;
        const query = parseMetricQuery(ctx.query, metric.range, timeZone, opts.now?.());
        const owners = await ownersOf(knex, viewer, query.owner);
        ctx.body = { data: await runMetric(knex, state, viewer, metric, { range: query.range, owners, group: query.group }, timeZone) };
      },
    },
  ]);
}
