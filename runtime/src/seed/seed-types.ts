/** One record to insert: the entity, its field values by field name, and the system columns the seed sets. */
export interface SeedRecord {
  entity: string;
  id: string;
  owner: string;
  createdAt: Date;
  data: Record<string, unknown>;
}

/** The demo users records are spread over, by role (user ids). */
export interface SeedOwners {
  /** Customers and their deals: sales reps mostly, some the manager's, a few a partner's. */
  sales: ReadonlyArray<readonly [string, number]>;
  /** Leads: marketing captures, reps follow up. */
  leads: ReadonlyArray<readonly [string, number]>;
  /** Surveys and some follow-ups. */
  service: string;
  /** Sales targets are set per salesperson. */
  targets: ReadonlyArray<{ id: string; name: string }>;
}

export interface SeedOptions {
  /** How many customers (1,000 by default; `--scale 100000`). */
  customers: number;
  /** PRNG seed; the same seed gives the same data. */
  seed: number;
  /** "Today" for the data: dates are spread around it. Defaults to the current UTC day, so data looks current. */
  today: Date;
  /** Customers generated and inserted per round (bounded memory at 100,000); 0 picks one from the scale. */
  chunkSize: number;
}

export type SeedResult =
  | { kind: 'seeded'; counts: Record<string, number>; ms: number }
  | { kind: 'skipped'; reason: string };
