import type { SeedResult } from './seed-types';

/** What the seed did, for the CLI and the first start. */
export function seedResultLines(result: SeedResult): string[] {
  if (result.kind === 'skipped') return [`Seed skipped (nothing written): ${result.reason}.`];
  const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
  return [
    `Seeded ${total} records in ${(result.ms / 1000).toFixed(1)} s:`,
    `  ${Object.entries(result.counts).map(([entity, n]) => `${entity} ${n}`).join(', ')}`,
  ];
}
