import type Koa from 'koa';

/** What middleware puts on `ctx.state` for the rest of the request. */
export interface RequestState {
  requestId: string;
}

export type AppContext = Koa.ParameterizedContext<RequestState>;
export type AppMiddleware = Koa.Middleware<RequestState>;
