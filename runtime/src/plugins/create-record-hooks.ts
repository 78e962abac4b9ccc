import { validatePluginSettings, type EntityHooks, type HookName, type PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError, isHttpError } from '../errors/http-error';
import type { Logger } from '../http/error-handler';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { validateWritable } from '../permissions/validate-writable';
import { recordScope } from '../records/record-scope';
import { rowToRecord } from '../records/row-to-record';
import { createPluginRecords } from './create-plugin-records';
import { hasStore, pluginSchema, pluginStore } from './plugin-store';
import { PluginRejection, rejectedByPlugin } from './plugin-errors';
import { readPluginStates, type PluginState } from './plugin-state-store';
import type { HookWrite, RecordHooks } from './record-hooks-types';
import { runWithTimeout } from './run-with-timeout';

type Row = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHook = (ctx: any) => unknown;

export interface RecordHooksDeps {
  knex: Knex;
  plugins: readonly PluginDefinition[];
  state: AppState;
  user: AuthUser;
  requestId: string;
  logger: Logger & Pick<Console, 'info'>;
  timeoutMs: number;
  /** The process's last-read plugin states, so `declares` needs no query (create-plugin-host). */
  snapshot?: () => ReadonlyMap<string, PluginState> | undefined;
  /** The same states when at most the snapshot's ttl old, else undefined: hooks run on them without reading. */
  fresh?: () => ReadonlyMap<string, PluginState> | undefined;
}

/** The outermost transaction of `trx` (a savepoint's is its parent's): one plugin-state read serves it all. */
function rootOf(trx: Knex | Knex.Transaction): object {
  let t = trx as { parentTransaction?: unknown };
  while (t.parentTransaction) t = t.parentTransaction as typeof t;
  return t;
}

/** Whether `plugin` checks batches of creates of `entity` itself (then its `beforeCreate` is skipped for their items). */
export function batchesCreates(plugin: PluginDefinition, entity: string): boolean {
  return typeof plugin.hooks?.[entity]?.beforeCreateMany === 'function' || typeof plugin.hooks?.['*']?.beforeCreateMany === 'function';
}

/** Whether `plugin`'s `'*'` hooks act on `entity` under `state` (its `hookEntities`; every entity without one). */
export function wildcardCovers(plugin: PluginDefinition, entity: string, state: PluginState | undefined): boolean {
  const entities = plugin.hookEntities?.(settingsOf(plugin, state));
  return entities === undefined || entities.includes(entity);
}

/** The settings a hook sees: the app's stored ones, else the schema's defaults. */
export function settingsOf(plugin: PluginDefinition, stored: PluginState | undefined): Record<string, unknown> {
  if (stored) return stored.settings;
  const defaults = validatePluginSettings(plugin, {});
  return defaults.ok ? defaults.value : {};
}

/** The plugins' hooks for one request, bound to its user (see RecordHooks). */
export function createRecordHooks(deps: RecordHooksDeps): RecordHooks {
  const { knex, plugins, state, user, requestId, logger, timeoutMs } = deps;
  const previousOf = new Map<string, Row>();
  const statesOf = new WeakMap<object, Promise<Map<string, PluginState>>>();

  /**
   * The plugin states a write acts on: the process's snapshot when fresh (no query), else read
   * once per transaction (a whole import batch, a request's write and its after-hooks) and
   * shared by every hook call in it; `at` is the write's transaction, `db` where to read.
   */
  function states(at: Knex | Knex.Transaction, db: Knex | Knex.Transaction): Promise<ReadonlyMap<string, PluginState>> | ReadonlyMap<string, PluginState> {
    const fresh = deps.fresh?.();
    if (fresh) return fresh;
    const root = rootOf(at);
    let read = statesOf.get(root);
    if (!read) statesOf.set(root, (read = readPluginStates(db, state.app.name)));
    return read;
  }

  /**
   * The enabled plugins' `hook` functions for `entity`; no query when no plugin has one.
   * `batched`: for the items of a batch, so plugins that batch creates are left out of `beforeCreate`.
   */
  async function active(at: Knex | Knex.Transaction, db: Knex | Knex.Transaction, entity: CompiledEntity, hook: HookName, batched = false) {
    const name = entity.entity['x-name'];
    const found = plugins.filter((plugin) => !(batched && hook === 'beforeCreate' && batchesCreates(plugin, name))).flatMap((plugin) =>
      [{ hooks: plugin.hooks?.[name] as EntityHooks | undefined, wildcard: false }, { hooks: plugin.hooks?.['*'] as EntityHooks | undefined, wildcard: true }]
        .map(({ hooks, wildcard }) => ({ fn: hooks?.[hook] as AnyHook | undefined, wildcard }))
        .filter((f): f is { fn: AnyHook; wildcard: boolean } => typeof f.fn === 'function')
        .map((f) => ({ plugin, ...f })),
    );
    if (found.length === 0) return [];
    const known = await states(at, db);
    return found
      .filter(({ plugin, wildcard }) => known.get(plugin.name)?.enabled !== false && (!wildcard || wildcardCovers(plugin, name, known.get(plugin.name))))
      .map((f) => ({ plugin: f.plugin, fn: f.fn, settings: settingsOf(f.plugin, known.get(f.plugin.name)) }));
  }

  const base = (plugin: PluginDefinition, settings: Row, entity: CompiledEntity, trx?: Knex.Transaction) => ({
    plugin: plugin.name,
    settings,
    entity: entity.entity['x-name'],
    user: { id: user.id, username: user.username, roles: [...user.roles] },
    requestId,
    records: createPluginRecords({ knex, trx, state, user, requestId }),
    ...(hasStore(plugin) ? { store: pluginStore(trx ?? knex, pluginSchema(plugin.name, state.app.name)) } : {}),
    log: { info: (m: string, ...r: unknown[]) => logger.info(`[${plugin.name}] ${m}`, ...r), error: (m: string, ...r: unknown[]) => logger.error(`[${plugin.name}] ${m}`, ...r) },
    reject: (message: string, field?: string): never => {
      throw new PluginRejection(message, field);
    },
  });

  const call = (plugin: PluginDefinition, hook: HookName, entity: CompiledEntity, run: () => unknown) =>
    runWithTimeout({ plugin: plugin.name, where: `${hook} on ${entity.entity['x-name']}`, requestId, timeoutMs, logger }, run);

  /** Runs each before-hook in turn; a hook that changed `data` has it re-checked as the user's own input. */
  async function before(w: HookWrite, hook: HookName, extra: Row, mode?: 'create' | 'update', batched = false): Promise<Row | undefined> {
    let data = extra.data as Row | undefined;
    for (const { plugin, fn, settings } of await active(w.trx, w.trx, w.entity, hook, batched)) {
      const ctx = { ...base(plugin, settings, w.entity, w.trx), ...extra, data: data && { ...data } };
      await call(plugin, hook, w.entity, () => fn(ctx));
      if (mode && ctx.data !== undefined) data = recheck(plugin, w.entity, data ?? {}, ctx.data as Row, mode);
    }
    return data;
  }

  /**
   * Re-checks only what the hook changed, as a partial write by the user: the rest was
   * validated already, and may hold what the runtime itself set (defaults, a workflow's
   * initial state) that the user could not have sent.
   */
  function recheck(plugin: PluginDefinition, entity: CompiledEntity, input: Row, data: Row, mode: 'create' | 'update'): Row {
    const same = (k: string) => Object.hasOwn(input, k) && JSON.stringify(input[k]) === JSON.stringify(data[k]);
    const kept = Object.fromEntries(Object.keys(data).filter(same).map((k) => [k, input[k]]));
    const changed = Object.fromEntries(Object.entries(data).filter(([k]) => !same(k)));
    if (Object.keys(changed).length === 0) return kept;
    try {
      return { ...kept, ...validateWritable(recordAccess(user, state, entity, mode), changed, 'update') };
    } catch (err) {
      if (!isHttpError(err)) throw err;
      throw new HttpError(err.status, err.code, `Plugin "${plugin.name}" changed the ${entity.entity['x-name']} into something you may not store: ${err.message}`, err.details);
    }
  }

  /** Reads (and locks) the record a before-hook is about; undefined lets the write itself answer 404. */
  async function previous(w: HookWrite, id: string): Promise<Row | undefined> {
    const row = await w.trx.withSchema(w.entity.schema).table(w.entity.table).where({ id }).modify(recordScope(w.entity)).forUpdate().first();
    return row ? rowToRecord(row, w.entity) : undefined;
  }

  /** After the commit, each after-hook once; a failure is logged and never reaches the client. */
  function after(w: HookWrite, hook: HookName, extra: Row): void {
    const run = async () => {
      for (const { plugin, fn, settings } of await active(w.trx, knex, w.entity, hook)) {
        await call(plugin, hook, w.entity, () => fn({ ...base(plugin, settings, w.entity), ...extra })).catch(() => undefined);
      }
    };
    w.trx.executionPromise.then(run, () => undefined).catch((err) => logger.error(`[${requestId}] after-hooks failed:`, err));
  }

  const key = (w: HookWrite, id: string) => `${w.entity.entity['x-name']}:${id}`;
  /**
   * Whether a write of `entity` may have one of `hooks` to run, from the last-read plugin
   * states (no query): a disabled plugin has none, a `'*'` hook only on its `hookEntities`.
   * Before the first read, every declared hook counts.
   */
  const hasAny = (entity: CompiledEntity, hooks: HookName[], changing?: readonly string[]) => {
    const name = entity.entity['x-name'];
    const states = deps.snapshot?.();
    return plugins.some((p) => {
      const known = states?.get(p.name);
      if (states && known?.enabled === false) return false;
      const wildcard = hooks.some((h) => p.hooks?.['*']?.[h]) && (!states || wildcardCovers(p, name, known));
      if (!wildcard && !hooks.some((h) => p.hooks?.[name]?.[h])) return false;
      return !(states && changing && p.updateFields && untouched(p.updateFields(settingsOf(p, known), name), changing));
    });
  };
  const untouched = (watched: readonly string[] | undefined, changing: readonly string[]) => watched !== undefined && !changing.some((f) => watched.includes(f));

  /**
   * Each batching plugin's `beforeCreateMany` once for the items still standing; an item one
   * refuses is not shown to the next. Returns each item's refusal (the same 422 a `beforeCreate`
   * rejection gives), or undefined for items to write.
   */
  async function beforeCreateMany(w: HookWrite, items: readonly { id: string; data: Row }[]): Promise<(HttpError | undefined)[]> {
    const refused: (HttpError | undefined)[] = items.map(() => undefined);
    for (const { plugin, fn, settings } of await active(w.trx, w.trx, w.entity, 'beforeCreateMany')) {
      const live = items.map((_, i) => i).filter((i) => !refused[i]);
      if (live.length === 0) break;
      const ctx = {
        ...base(plugin, settings, w.entity, w.trx),
        items: live.map((i) => Object.freeze({ id: items[i].id, data: Object.freeze({ ...items[i].data }) })),
        rejectItem: (index: number, message: string, field?: string) => {
          const at = live[index];
          if (at !== undefined) refused[at] ??= rejectedByPlugin(plugin.name, message, field);
        },
      };
      // The time the items would have had one by one: a batch is never cut shorter than its rows.
      await runWithTimeout({ plugin: plugin.name, where: `beforeCreateMany on ${w.entity.entity['x-name']}`, requestId, timeoutMs: timeoutMs * live.length, logger }, () => fn(ctx));
    }
    return refused;
  }

  const hooks: RecordHooks = {
    declares: hasAny,
    beforeCreateMany,
    forBatchItems: () => ({ ...hooks, beforeCreate: async (w, data, id) => (await before(w, 'beforeCreate', { data, id }, 'create', true)) ?? data }),
    async beforeCreate(w, data, id) {
      return (await before(w, 'beforeCreate', { data, id }, 'create')) ?? data;
    },
    afterCreate(w, row) {
      const record = rowToRecord(row, w.entity);
      after(w, 'afterCreate', { id: record.id, record });
    },
    async beforeUpdate(w, id, data) {
      if (!hasAny(w.entity, ['beforeUpdate', 'afterUpdate'])) return data;
      const prev = await previous(w, id);
      if (!prev) return data;
      previousOf.set(key(w, id), prev);
      return (await before(w, 'beforeUpdate', { id, data, previous: prev }, 'update')) ?? data;
    },
    afterUpdate(w, row) {
      const record = rowToRecord(row, w.entity);
      after(w, 'afterUpdate', { id: record.id, record, previous: previousOf.get(key(w, String(record.id))) });
    },
    async beforeDelete(w, id) {
      if (!hasAny(w.entity, ['beforeDelete', 'afterDelete'])) return;
      const prev = await previous(w, id);
      if (!prev) return;
      previousOf.set(key(w, id), prev);
      await before(w, 'beforeDelete', { id, previous: prev });
    },
    afterDelete(w, id) {
      after(w, 'afterDelete', { id, record: undefined, previous: previousOf.get(key(w, id)) });
    },
    async beforeTransition(w, id, event, from, prev) {
      await before(w, 'beforeTransition', { id, event, from, previous: prev });
    },
    afterTransition(w, record, event, from, to) {
      after(w, 'afterTransition', { id: record.id, record, event, from, to });
    },
  };
  return hooks;
}
