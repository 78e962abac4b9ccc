import { config } from '../config/read-config';
import type { Knex } from 'knex';
import { runStatement } from './run-statement';

type Row = Record<string, unknown>;
interface Flight<T> { running: Promise<T>; queued?: Promise<T> }

/**
 * Joins identical reads that arrive together. A request never gets the answer of a statement
 * that started before it arrived (that could miss a write the client just made): it waits for the
 * statement in flight to end, then shares the one statement that starts next with everyone else
 * who queued meanwhile. So at most two run per key, and each answer is as fresh as if the
 * request had run its own.
 */
export function createCoalescer<T>() {
  const flights = new Map<string, Flight<T>>();
  const start = (key: string, run: () => Promise<T>): Promise<T> => {
    const flight: Flight<T> = { running: run() };
    flights.set(key, flight);
    // Registered before any queued follow-up, so it runs first: an entry with a follow-up stays.
    const done = () => void (flight.queued || flights.delete(key));
    flight.running.then(done, done);
    return flight.running;
  };
  return (key: string, run: () => Promise<T>): Promise<T> => {
    const flight = flights.get(key);
    if (!flight) return start(key, run);
    flight.queued ??= flight.running.then(
      () => start(key, run),
      () => start(key, run),
    );
    return flight.queued;
  };
}

// Read once: a process either shares or does not.
const SHARING = config().TESSERA_COALESCE_READS;
const perDatabase = new WeakMap<Knex, (key: string, run: () => Promise<Row[]>) => Promise<Row[]>>();

/**
 * `runStatement`, but identical statements (same SQL, same bindings, so the same answer
 * whoever asks) running at once share one execution. For reads that scan many rows — the
 * aggregates behind funnels and dashboards, which many people open at once; not inside a
 * transaction (`knex` must be the pool, whose statements see every committed write).
 * `TESSERA_COALESCE_READS=false` runs each on its own (to measure what sharing saves).
 */
export function runCoalesced(knex: Knex, statement: Knex.SqlNative, options?: object): Promise<Row[]> {
  if (!SHARING) return runStatement(knex, statement, options);
  let join = perDatabase.get(knex);
  if (!join) perDatabase.set(knex, (join = createCoalescer<Row[]>()));
  return join(`${statement.sql}\u0000${JSON.stringify(statement.bindings)}`, () => runStatement(knex, statement, options));
}
