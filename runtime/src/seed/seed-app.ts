import type { Knex } from 'knex';
import type { AppState } from '../meta/compile-app-state';
import { createCustomerChunkGenerator } from './generate-customer-chunk';
import { generateLeads } from './generate-leads';
import { generateTargets } from './generate-targets';
import { insertSeedRecords } from './insert-seed-records';
import { resolveSeedOwners } from './resolve-seed-owners';
import { createSeedDates } from './seed-dates';
import { createSeedRandom } from './seed-random';
import type { SeedOptions, SeedResult } from './seed-types';

/** The entities the example CRM's seed writes; an app without them cannot be seeded. */
export const SEED_ENTITIES = ['customer', 'contact', 'follow_up', 'lead', 'opportunity', 'bid', 'contract', 'order', 'payment_plan', 'sales_target', 'survey'];

export const DEFAULT_SEED_OPTIONS: SeedOptions = { customers: 1000, seed: 20240607, today: new Date(), chunkSize: 0 };

/**
 * Fills the example CRM with deterministic demo data. It only ever fills an empty app: if the
 * customer table has a row, it skips (writes nothing) and says why. One transaction under an
 * advisory lock, so two first starts seed once and an interrupted seed leaves nothing behind.
 */
export async function seedApp(knex: Knex, state: AppState, options: Partial<SeedOptions> = {}, progress: (line: string) => void = () => {}): Promise<SeedResult> {
  const opts = { ...DEFAULT_SEED_OPTIONS, ...options };
  // About ten progress steps, at most 1,000 customers (and their records) in memory at once.
  if (opts.chunkSize <= 0) opts.chunkSize = Math.min(1000, Math.max(50, Math.ceil(opts.customers / 10)));
  const names = new Set([...state.byPlural.values()].map((e) => e.entity['x-name']));
  const missing = SEED_ENTITIES.filter((n) => !names.has(n));
  if (missing.length > 0) return { kind: 'skipped', reason: `the app "${state.app.name}" lacks entities the CRM seed needs: ${missing.join(', ')}` };
  const customer = [...state.byPlural.values()].find((e) => e.entity['x-name'] === 'customer')!;
  const started = Date.now();
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['tessera:seed']);
    const existing = await trx.withSchema(customer.schema).table(customer.table).count({ n: '*' }).first();
    const n = Number(existing?.n ?? 0);
    if (n > 0) return { kind: 'skipped', reason: `${n} customers already exist; the seed only fills an empty app` } as const;
    const rnd = createSeedRandom(opts.seed);
    const dates = createSeedDates(opts.today);
    const { owners, manager } = await resolveSeedOwners(trx);
    const counts: Record<string, number> = {};
    const nextChunk = createCustomerChunkGenerator(rnd, dates, owners);
    const customerIds: string[] = [];
    let shown = -1;
    for (let done = 0; done < opts.customers; ) {
      const size = Math.min(opts.chunkSize, opts.customers - done);
      const records = nextChunk(size);
      // Converted leads link to a customer; a sample of ids is enough and keeps memory flat.
      for (const r of records) if (r.entity === 'customer' && customerIds.length < 5000) customerIds.push(r.id);
      await insertSeedRecords(trx, state, records, counts);
      done += size;
      const pct = Math.floor((done / opts.customers) * 100);
      if (pct >= shown + 10 || done === opts.customers) {
        shown = pct;
        progress(`customers ${pct}% (${done}/${opts.customers})`);
      }
    }
    const leadCount = Math.round(opts.customers / 2);
    for (let done = 0; done < leadCount; ) {
      const size = Math.min(opts.chunkSize * 2, leadCount - done);
      await insertSeedRecords(trx, state, generateLeads(rnd, dates, owners, size, customerIds), counts);
      done += size;
      progress(`leads ${Math.floor((done / leadCount) * 100)}% (${done}/${leadCount})`);
    }
    await insertSeedRecords(trx, state, generateTargets(rnd, dates, owners, manager, opts.customers), counts);
    return { kind: 'seeded', counts, ms: Date.now() - started } as const;
  });
}
