import type { AppMiddleware } from '../http/http-types';
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

/** Times every request; after the answer, one access entry and one metric observation. */
export function accessLog(write: ((entry: AccessEntry) => void) | undefined, metrics: Metrics | undefined): AppMiddleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const route = ctx.state.route?.path ?? (ctx.path.startsWith('/api') ? 'unmatched' : `/${ctx.path.split('/')[1] ?? ''}`);
      metrics?.observeRequest(ctx.method, route, ctx.status, ms / 1000);
      write?.({ requestId: ctx.state.requestId, method: ctx.method, route, status: ctx.status, ms: Math.round(ms * 10) / 10, userId: ctx.state.user?.id ?? null });
    }
  };
}
