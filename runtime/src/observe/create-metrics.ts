import type { Knex } from 'knex';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  /** One answered request, labelled by its declared route (bounded: never the raw path). */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  published(version: number): void;
}

interface TarnPool { numUsed(): number; numFree(): number; numPendingAcquires(): number }
const poolOf = (knex: Knex) => (knex as unknown as { client: { pool?: TarnPool } }).client.pool;

/**
 * Prometheus metrics of one runtime, in a registry of its own (several runtimes in one test
 * process must not share counters): request durations per declared route, the database pool,
 * the job queue (pg-boss's table, when it exists) and metadata publishes.
 */
export function createMetrics(knex: Knex, version: () => number): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tessera_process_' });
  const duration = new Histogram({
    name: 'tessera_http_request_duration_seconds',
    help: 'Time to answer a request, by declared route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const children = new Map<string, { observe(seconds: number): void }>();
  const publishes = new Counter({ name: 'tessera_metadata_publishes_total', help: 'Metadata versions published or rolled back by this process', registers: [registry] });
  new Gauge({ name: 'tessera_metadata_version', help: 'The published metadata version this process serves', registers: [registry], collect() { this.set(version()); } });
  const pool = new Gauge({ name: 'tessera_db_pool_connections', help: 'Database pool connections by state (PostgreSQL only)', labelNames: ['state'], registers: [registry],
    collect() {
      const p = poolOf(knex);
      if (!p) return;
      this.set({ state: 'used' }, p.numUsed());
      this.set({ state: 'free' }, p.numFree());
      this.set({ state: 'pending' }, p.numPendingAcquires());
    } });
  void pool;
  new Gauge({ name: 'tessera_jobs', help: 'Background jobs by state (created, retry, active, failed, …)', labelNames: ['state'], registers: [registry],
    async collect() {
      try {
        const { rows } = await knex.raw('select state::text as state, count(*)::int as n from pgboss.job group by state');
        for (const row of rows as { state: string; n: number }[]) this.set({ state: row.state }, row.n);
      } catch {
        // No queue yet (an app without workflows or jobs never starts pg-boss).
      }
    } });
  return {
    registry,
    observeRequest: (method, route, status, seconds) => {
      // One labelled child per route and status, looked up by a plain key: prom-client's own
      // label lookup hashes the label object on every call (a measurable part of a fast get).
      const key = `${method} ${route} ${status}`;
      let child = children.get(key);
      if (!child) {
        child = duration.labels({ method, route, status: String(status) });
        if (children.size < 5_000) children.set(key, child);
      }
      child.observe(seconds);
    },
    published: () => publishes.inc(),
  };
}
