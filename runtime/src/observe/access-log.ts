import type { AppContext } from '../http/http-types';
import type { Metrics } from './create-metrics';

/** One line per answered request, as the access log and the metrics see it. */
export interface AccessEntry {
  requestId: string;
  method: string;
  /** The declared route (`/api/:plural/:id`), else the path's first segment: never a record id. */
  route: string;
  status: number;
  ms: number;
  userId: string | null;
}

/** The declared route (`/api/:plural/:id`), else `unmatched` under /api, else the path's first segment: never a record id. */
export function routeLabel(ctx: AppContext): string {
  return ctx.state.route?.path ?? (ctx.path.startsWith('/api') ? 'unmatched' : `/${ctx.path.split('/')[1] ?? ''}`);
}

/** After the answer to a request that began at `started` (hrtime): one access entry and one metric observation. */
export function logAccess(ctx: AppContext, started: bigint, write: ((entry: AccessEntry) => void) | undefined, metrics: Metrics | undefined): void {
  if (!write && !metrics) return;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const route = routeLabel(ctx);
  metrics?.observeRequest(ctx.method, route, ctx.status, ms / 1000);
  write?.({ requestId: ctx.state.requestId, method: ctx.method, route, status: ctx.status, ms: Math.round(ms * 10) / 10, userId: ctx.state.user?.id ?? null });
}
