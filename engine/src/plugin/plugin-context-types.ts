/** The acting user as a plugin sees it: enough to decide, nothing to impersonate with. */
export interface PluginUser {
  id: string;
  username: string;
  roles: readonly string[];
}

export interface PluginLogger {
  info(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

/**
 * Records of one entity, read and written AS THE CURRENT USER: the same permission checks,
 * data scope and field rules as the HTTP API. There is deliberately no raw database handle.
 * Inside a before-hook these calls join the write's transaction; they do not run hooks again.
 */
export interface PluginRecordsApi<T> {
  /** `query` takes the list API's parameters (`filter[name]=…`, `sort`, `limit`, …). */
  list(query?: Record<string, string>): Promise<T[]>;
  /** Undefined when missing or outside the user's scope (the API's 404). */
  get(id: string): Promise<T | undefined>;
  create(data: Partial<T>): Promise<T>;
  update(id: string, data: Partial<T>): Promise<T>;
  /** Deletes (or soft-deletes) one record the user may delete; 404 outside the scope, 409 while referenced. */
  delete(id: string): Promise<void>;
}

/**
 * SQL on the plugin's own schema, for plugins that declare `migrations` (an index or key table
 * the plugin keeps itself). Inside a before-hook it runs on the write's transaction. Bindings
 * are `?` placeholders; identifiers only from the plugin's own code (`schema` is a plain name).
 */
export interface PluginStore {
  schema: string;
  raw(sql: string, bindings?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** One change to a plugin's own tables: applied once per app, in order, recorded by name. */
export interface PluginMigration {
  /** `<version>-<nn>-<what>`, never renamed once released. */
  name: string;
  /** The statements, given the schema the plugin's tables live in. */
  up(store: Pick<PluginStore, 'schema'>): string[];
}

/** What every hook and route handler receives. */
export interface PluginContext<Records> {
  /** The plugin's name, as errors and logs show it. */
  plugin: string;
  /** This app's settings for the plugin (validated against its `settings` schema). */
  settings: Record<string, unknown>;
  user: PluginUser;
  requestId: string;
  records<E extends keyof Records & string>(entity: E): PluginRecordsApi<Records[E]>;
  log: PluginLogger;
  /** The plugin's own tables (only for plugins with `migrations`). */
  store?: PluginStore;
}

/** `start` / `stop`: no user, so no records API — a plugin cannot act as nobody. */
export interface PluginLifecycleContext {
  plugin: string;
  settings: Record<string, unknown>;
  log: PluginLogger;
  store?: PluginStore;
}

/**
 * What a plugin job's `run` receives. There is no request, so the records API acts as the
 * job's `runAs` user (default: the oldest active admin), with that user's permissions.
 */
export interface PluginJobContext<Records> {
  plugin: string;
  /** The job's full name, `<plugin>:<job>`. */
  job: string;
  settings: Record<string, unknown>;
  records<E extends keyof Records & string>(entity: E): PluginRecordsApi<Records[E]>;
  log: PluginLogger;
  /** The schedule slot this run covers; work "since last time" spans (previousDue, due]. */
  due: Date;
  /** The slot of the last successful run; undefined the first time. */
  previousDue?: Date;
  store?: PluginStore;
}

/** A recurring job (issue 9), run on the schedule by one process of the app, and once on start if a run was missed. */
export interface PluginJob<Records> {
  /** Lowercase `[a-z][a-z0-9-]*`; shown and stored as `<plugin>:<name>`. */
  name: string;
  /** Five-field cron, e.g. `0 2 * * *` (02:00 every day); checked when the runtime loads the plugin. */
  cron: string;
  /** IANA time zone the cron is read in (default Asia/Shanghai, or TESSERA_JOBS_TZ). */
  tz?: string;
  /** Username the records API acts as (default: the oldest active admin). */
  runAs?: string;
  run(ctx: PluginJobContext<Records>): Promise<void>;
}

export interface PluginRouteContext<Records> extends PluginContext<Records> {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** Request headers, lower-case names, first value of a repeated one (e.g. to check a signature). */
  headers: Record<string, string>;
  /** The body's exact bytes as text, when it had one: signatures are computed over these, not a re-serialization. */
  rawBody?: string;
}

/** What a route handler answers: the JSON body, and a status (200 by default). */
export interface PluginRouteResult {
  status?: number;
  body?: unknown;
}

export type PluginRouteHandler<Records> = (ctx: PluginRouteContext<Records>) => PluginRouteResult | Promise<PluginRouteResult>;

/** What a public route's `verify` sees: the request, before any handler or user is involved. */
export interface PublicRouteRequest {
  plugin: string;
  settings: Record<string, unknown>;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The exact body text (what a signature is computed over); '' when there was none. */
  rawBody: string;
}

/**
 * A route anyone may call (e.g. an incoming webhook). Opting in takes both halves: `verify`
 * proves where the request comes from (an HMAC signature, say) before the handler runs, and
 * `actAs` names the service user (normally from the plugin's settings) whose permissions the
 * handler's records API then has. There is no implicit user: no `actAs` answer, no handler.
 */
export interface PublicRouteOptions {
  public: true;
  verify(req: PublicRouteRequest): boolean | Promise<boolean>;
  actAs(settings: Record<string, unknown>): string | undefined;
  /** Requests per minute per client address (default 60); the runtime also locks an address after 10 failed verifications. */
  rateLimitPerMinute?: number;
}

/** Per-route options; without them a route is for signed-in users only. */
export type PluginRouteOptions = PublicRouteOptions;

/** Routes live under `/api/plugins/<plugin name>/`; `path` is relative to it (`/stats`, `/items/:id`). */
export interface PluginRouter<Records> {
  get(path: string, handler: PluginRouteHandler<Records>, options?: PluginRouteOptions): void;
  post(path: string, handler: PluginRouteHandler<Records>, options?: PluginRouteOptions): void;
  put(path: string, handler: PluginRouteHandler<Records>, options?: PluginRouteOptions): void;
  patch(path: string, handler: PluginRouteHandler<Records>, options?: PluginRouteOptions): void;
  delete(path: string, handler: PluginRouteHandler<Records>, options?: PluginRouteOptions): void;
}
